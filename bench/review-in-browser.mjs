// Instructor review in the real app, in headless Chromium: N full capstones (every field
// answered, examples/cohort_files.rs) chosen at once on the review page, timed from the
// input's change event to the status line that reports them loaded (read, parsed, every
// deliverable assessed, the table on screen, the review saved). Then the memory the page
// holds (JS heap and the wasm's linear memory).
// Usage: node bench/review-in-browser.mjs [N=100] [runs=5] [KB per capstone=20]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../e2e/serve.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const [count, runs, kb] = [Number(process.argv[2] ?? 100), Number(process.argv[3] ?? 5), Number(process.argv[4] ?? 20)];
const dir = await mkdtemp(join(tmpdir(), "cohort-"));
execFileSync("cargo", ["run", "--quiet", "--release", "--example", "cohort_files", "--", dir, String(count), String(kb)]);
const files = [];
for (const folder of await readdir(dir)) for (const name of await readdir(join(dir, folder))) files.push(join(dir, folder, name));
let bytes = 0;
for (const file of files) bytes += (await stat(file)).size;

const app = await serve("dist");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [...chromiumFlags, "--enable-precise-memory-info"],
});
const times = [];
let memory;
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", String(error)));
  await page.goto(`http://127.0.0.1:${app.address().port}/review/`);
  await page.getByRole("heading", { name: "Review a cohort" }).waitFor();
  await page.evaluate(() => {
    window.__loaded = new Promise((resolve) => {
      let start = 0;
      addEventListener("change", () => (start = performance.now()), true);
      const status = document.getElementById("review-result");
      new MutationObserver(() => {
        if (status.textContent.startsWith("Loaded")) requestAnimationFrame(() => resolve(performance.now() - start));
      }).observe(status, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByLabel("Exported files", { exact: true }).setInputFiles(files);
  times.push(await page.evaluate(() => window.__loaded));
  const said = await page.locator("#review-result").textContent();
  if (!said.startsWith(`Loaded ${count} of ${count}`)) throw new Error(`unexpected status: ${said}`);
  if (run === runs - 1) {
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
    memory.saved = await page.evaluate(() => localStorage.getItem("workbook-review")?.length ?? 0);
    memory.banner = await page.getByRole("alert").allTextContents();
  }
  await context.close();
}
await browser.close();
app.close();
await rm(dir, { recursive: true });

times.sort((a, b) => a - b);
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`| review: ${count} full capstones (${mb(bytes)}) chosen at once | median | max | min |\n|---|---:|---:|---:|`);
console.log(`| change event to "Loaded" painted, ${runs} fresh pages | ${times[Math.floor(times.length / 2)].toFixed(0)} ms | ${times.at(-1).toFixed(0)} ms | ${times[0].toFixed(0)} ms |`);
console.log(`\nMemory after loading: JS heap ${mb(memory.heap)}, wasm memory ${mb(memory.wasm)}; the review saved: ${mb(memory.saved * 2)} of localStorage (UTF-16).`);
if (memory.banner.length) console.log(`Banner: ${memory.banner.join(" ")}`);
