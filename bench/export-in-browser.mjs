// Export in the real app: Exercise 2.1 fully answered with about 50 KB of text, the Export
// button clicked in headless Chromium as a user clicks. Times the click until the file is
// handed to the browser (bench/click-timer.mjs): the workbook sent to the export worker, the
// markdown rendered there, the bytes back, the Blob and the download link. A page's first
// export also starts the worker (fetch, compile, instantiate), timed apart. Usage:
// node bench/export-in-browser.mjs [KB=50] [clicks=30]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { stat } from "node:fs/promises";
import { serve } from "../e2e/serve.mjs";
import { clickTimes, timeClicksOn } from "./click-timer.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const kb = Number(process.argv[2] ?? 50);
const clicks = Number(process.argv[3] ?? 30);
const stored = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "filled_workbook", "--", String(kb)], { encoding: "utf8" });
const app = await serve("dist");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags });
const url = `http://127.0.0.1:${app.address().port}/#/exercise/m6-2.1`;
// Chromium stops handing over downloads after about ten quick ones from one page, so the
// clicks are spread over fresh pages, a few each, after two warm-up clicks per page.
const perPage = 5;
const times = [];
const firsts = [];
while (times.length < clicks) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", String(error)));
  await page.goto(url);
  await page.evaluate((json) => localStorage.setItem("workbook", json), stored);
  await page.reload();
  await page.getByText("100% complete").waitFor();
  await timeClicksOn(page, "Export ");
  const button = page.getByRole("button", { name: "Export deployment-strategy.md" });
  for (let i = 0; i < perPage + 2; i++) {
    const downloaded = page.waitForEvent("download");
    await button.click();
    const file = await downloaded;
    if (times.length === 0 && i === 0) console.log(`File: ${file.suggestedFilename()}, ${((await stat(await file.path())).size / 1024).toFixed(0)} KB`);
    if (i === 0) firsts.push((await clickTimes(page)).at(-1));
    if (i >= 2) times.push((await clickTimes(page)).at(-1));
  }
  await context.close();
}
await browser.close();
app.close();
const row = (label, values) => {
  values.sort((a, b) => a - b);
  return `| ${label} | ${values[Math.floor(values.length / 2)].toFixed(1)} ms | ${values[Math.floor(values.length * 0.95)].toFixed(1)} ms | ${values[0].toFixed(1)} ms |`;
};
console.log(`| export in the browser (click to download), ${kb} KB typed | median | p95 | min |\n|---|---:|---:|---:|`);
console.log(row(`${clicks} clicks, the worker started`, times));
console.log(row(`a page's first export (${firsts.length} pages): starting the worker too`, firsts));
