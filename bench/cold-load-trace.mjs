// Where a cold load of the app spends its time, from Chromium's own trace and the app's
// User Timing marks: when each file arrived, when the wasm was compiled and instantiated,
// when the app's main ran and returned, the first layout, and when the first field was in
// the DOM and painted. Median of N fresh-context loads of the
// release build in dist/ (DIST=path for another), with the CPU throttled RATE times if asked.
// Usage: node bench/cold-load-trace.mjs [runs=7] [--cpu=RATE]
import { chromium } from "@playwright/test";
import { serve } from "../e2e/serve.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const cpu = Number(process.argv.find((arg) => arg.startsWith("--cpu="))?.slice(6) ?? 1);
const runs = Math.max(3, Number(positional[0] ?? 7));
const server = await serve(process.env.DIST ?? "dist");
const url = `http://127.0.0.1:${server.address().port}/#/exercise/m6-2.1`;

// Same probe as cold-load.mjs: the first field in the DOM, and the frame painted with it.
const probe = () => {
  const check = () => {
    if (window.__firstField === undefined && document.querySelector("input, textarea")) {
      window.__firstField = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();
};

const categories = ["devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "blink.user_timing", "loading"];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags });
const rows = [];
for (let i = 0; i < runs + 1; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (cpu !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.addInitScript(probe);
  await browser.startTracing(page, { categories });
  await page.goto(url);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 30_000 });
  const marks = await page.evaluate(() => {
    const resource = (suffix) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(suffix));
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      html: nav.responseEnd,
      js: resource(".js")?.responseEnd,
      wasm: resource(".wasm")?.responseEnd,
      wasmStart: resource(".wasm")?.startTime,
      main: performance.getEntriesByName("workbook-start")[0]?.startTime,
      rendered: performance.getEntriesByName("workbook-rendered")[0]?.startTime,
      field: window.__firstField,
      painted: window.__painted,
      timeOrigin: performance.timeOrigin,
    };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  if (i === 0) continue; // the first load warms the OS and the server
  const events = trace.traceEvents;
  // Trace timestamps are µs on the monotonic clock; navigationStart anchors them to page time.
  const navigation = events.filter((e) => e.name === "navigationStart" && String(e.args?.data?.documentLoaderURL ?? "").includes("127.0.0.1")).pop();
  const zero = navigation?.ts ?? events.find((e) => e.name === "navigationStart")?.ts;
  const span = (predicate) => {
    const matching = events.filter(predicate);
    if (!matching.length) return undefined;
    const start = Math.min(...matching.map((e) => e.ts));
    const end = Math.max(...matching.map((e) => e.ts + (e.dur ?? 0)));
    return [(start - zero) / 1000, (end - zero) / 1000];
  };
  // Streaming compilation runs while the bytes arrive; functions are then compiled lazily,
  // the first time they run (mostly during the first render).
  const compile = span((e) => /^wasm\.(StartStreamingCompilation|OnBytesReceived|ValidateFunctionsStreaming|FinishStreaming|FinishAsyncCompile|OnCompilationSucceeded)$/.test(e.name));
  const instantiate = span((e) => /^wasm\.(AsyncInstantiate|SyncInstantiate|InstanceBuilder\.Build)$/.test(e.name));
  const lazy = events.filter((e) => e.name === "wasm.CompileLazy").reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
  // The layout of the first page: the first one on the page's main thread after the app
  // rendered (the first layout of text also pays for looking up its fonts).
  const layouts = events.filter((e) => e.name === "Layout" && e.tid === navigation?.tid && (e.ts - zero) / 1000 >= (marks.rendered ?? 0));
  const firstLayout = layouts.sort((a, b) => a.ts - b.ts)[0];
  rows.push({
    "HTML arrived": marks.html,
    "JS glue arrived": marks.js,
    "wasm requested": marks.wasmStart,
    "wasm arrived": marks.wasm,
    "wasm streaming compile (start..end)": compile ? `${compile[0].toFixed(0)}..${compile[1].toFixed(0)}` : "–",
    "wasm instantiated": instantiate?.[1],
    "lazy compilation of functions, in all (ms)": lazy,
    "the app's main started": marks.main,
    "first page in the DOM (main returned)": marks.rendered,
    "first field in the DOM": marks.field,
    "first layout (ms)": firstLayout ? firstLayout.dur / 1000 : undefined,
    "first frame painted with it": marks.painted,
  });
}
await browser.close();
server.close();

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : undefined;
};
const throttled = cpu === 1 ? "CPU not throttled" : `CPU throttled ${cpu}x`;
console.log(`| median of ${runs} cold loads, ${throttled}, ms after navigation start | |\n|---|---:|`);
for (const key of Object.keys(rows[0])) {
  const values = rows.map((r) => r[key]);
  const shown = typeof values[0] === "string" ? values[Math.floor(values.length / 2)] : median(values)?.toFixed(0) ?? "–";
  console.log(`| ${key} | ${shown} |`);
}
