// Instructor review in the real app, in headless Chromium: N full capstones (every field
// answered, examples/cohort_files.rs) chosen at once on the review page, timed from the
// input's change event to the status line that reports them loaded (read, parsed, every
// deliverable assessed, the table on screen; the files are saved to IndexedDB after). Then the memory the page
// holds (JS heap and the wasm's linear memory).
// Beside it, a reference measured the same way in the same browser: a page that only reads the
// same files as text and runs JSON.parse on each (as a JSON string), so the ratio means the same
// on a fast machine and a slow one. With --cpu=4, Chromium's CPU is throttled 4x (DevTools
// Emulation.setCPUThrottlingRate), as on a mid-range laptop.
// Usage: node bench/review-in-browser.mjs [N=100] [runs=5] [KB per capstone=20] [--cpu=RATE]; DIST=path for another build
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../e2e/serve.mjs";
import { savedReviewFiles } from "../e2e/saved-review.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const cpu = Number(process.argv.find((arg) => arg.startsWith("--cpu="))?.slice(6) ?? 1);
const [count, runs, kb] = [Number(positional[0] ?? 100), Number(positional[1] ?? 5), Number(positional[2] ?? 20)];
const dir = await mkdtemp(join(tmpdir(), "cohort-"));
execFileSync("cargo", ["run", "--quiet", "--release", "--example", "cohort_files", "--", dir, String(count), String(kb)]);
const files = [];
for (const folder of await readdir(dir)) for (const name of await readdir(join(dir, folder))) files.push(join(dir, folder, name));
let bytes = 0;
for (const file of files) bytes += (await stat(file)).size;

// DIST=path measures another build (e.g. an older commit's) the same way.
const app = await serve(process.env.DIST ?? "dist");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [...chromiumFlags, "--enable-precise-memory-info"],
});
// A fresh page, its CPU throttled as asked.
async function freshPage(context) {
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", String(error)));
  if (cpu !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
  return page;
}

// The reference: the same files chosen on a page that reads each as text and parses it as JSON.
async function reference(context) {
  const page = await freshPage(context);
  await page.setContent("<!doctype html><title>Reference</title><h1>Reference</h1>");
  await page.evaluate(() => {
    const input = Object.assign(document.createElement("input"), { type: "file", multiple: true, id: "reference" });
    document.body.append(input);
    window.__read = new Promise((resolve) =>
      input.addEventListener("change", async () => {
        const start = performance.now();
        let characters = 0;
        for (const text of await Promise.all([...input.files].map((file) => file.text()))) characters += JSON.parse(JSON.stringify(text)).length;
        document.body.append(`${characters} characters read`);
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
    );
  });
  await page.locator("#reference").setInputFiles(files);
  return page.evaluate(() => window.__read);
}

const times = [];
// Per run, the time of each phase between the app's marks: read, joined, assessed, drawn.
const phases = [];
const references = [];
let memory;
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  references.push(await reference(context));
  const page = await freshPage(context);
  await page.goto(`http://127.0.0.1:${app.address().port}/review/`);
  await page.getByRole("heading", { name: "Review a cohort" }).waitFor();
  await page.evaluate(() => {
    window.__loaded = new Promise((resolve) => {
      let start = 0;
      addEventListener("change", () => (start = performance.now()), true);
      const status = document.getElementById("review-result");
      new MutationObserver(() => {
        if (!status.textContent.startsWith("Loaded")) return;
        requestAnimationFrame(() => {
          const end = performance.now();
          // The app's marks on the way (src/ui/review/mod.rs), as times since the change event.
          const at = (name) => performance.getEntriesByName(name).filter((m) => m.startTime >= start).at(-1)?.startTime;
          const marks = ["review-files-read", "review-files-joined", "review-rows-assessed"].map(at);
          const phases = [...marks, end].map((time, i) => time - ([start, ...marks][i]));
          resolve({ total: end - start, phases });
        });
      }).observe(status, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByLabel("Exported files", { exact: true }).setInputFiles(files);
  const loaded = await page.evaluate(() => window.__loaded);
  times.push(loaded.total);
  loaded.phases.forEach((time, i) => (phases[i] ??= []).push(time));
  const said = await page.locator("#review-result").textContent();
  if (!said.startsWith(`Loaded ${count} of ${count}`)) throw new Error(`unexpected status: ${said}`);
  if (run === runs - 1) {
    // The review is saved just after "Loaded" is painted.
    while ((await page.evaluate(savedReviewFiles)) === 0) await page.waitForTimeout(50);
    // The wasm's linear memory is outside the JS heap: found through DevTools, as every
    // live WebAssembly.Memory of the page.
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { result: prototype } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: prototype.objectId });
    const { result: wasm } = await cdp.send("Runtime.callFunctionOn", {
      objectId: objects.objectId,
      functionDeclaration: "function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }",
      returnByValue: true,
    });
    memory = { heap: await page.evaluate(() => performance.memory.usedJSHeapSize), wasm: wasm.value };
    memory.saved = await page.evaluate(savedReviewFiles);
    memory.banner = await page.getByRole("alert").allTextContents();
  }
  await context.close();
}
await browser.close();
app.close();
await rm(dir, { recursive: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ratios = times.map((time, run) => time / references[run]);
const row = (what, values, unit = " ms", digits = 0) =>
  `| ${what} | ${median(values).toFixed(digits)}${unit} | ${Math.max(...values).toFixed(digits)}${unit} | ${Math.min(...values).toFixed(digits)}${unit} |`;
const throttled = cpu === 1 ? "CPU not throttled" : `CPU throttled ${cpu}x`;
console.log(`| review: ${count} full capstones (${mb(bytes)}) chosen at once, ${throttled} | median | max | min |\n|---|---:|---:|---:|`);
console.log(row(`change event to "Loaded" painted, ${runs} fresh pages`, times));
const phaseNames = [
  "of which: the files read (bytes into the wasm)",
  "of which: read as answers and joined by participant (`Cohort::add`)",
  "of which: every row assessed (`review_row`)",
  "of which: the table drawn and painted",
];
// A build from before the marks has no phases to show.
phaseNames.forEach((name, i) => phases[i].every(Number.isFinite) && console.log(row(name, phases[i])));
console.log(row("reference: the same files read as text and JSON.parse'd", references));
console.log(row("ratio, the review over the reference (same run)", ratios, "x", 1));
console.log(`\nMemory after loading: JS heap ${mb(memory.heap)}, wasm memory ${mb(memory.wasm)}; the review's files saved in IndexedDB: ${(memory.saved / 1e6).toFixed(1)} million characters.`);
if (memory.banner.length) console.log(`Banner: ${memory.banner.join(" ")}`);
