// Export in the real app: Exercise 2.1 fully answered with about 50 KB of text, the Export
// button clicked in headless Chromium as a user clicks. Times the click handler, which runs
// synchronously:
// markdown rendering in wasm, the Blob and the download link. Usage:
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
    if (i >= 2) times.push((await clickTimes(page)).at(-1));
  }
  await context.close();
}
await browser.close();
app.close();
times.sort((a, b) => a - b);
console.log(`| export in the browser (click handler), ${kb} KB typed | median | p95 | min |\n|---|---:|---:|---:|`);
console.log(`| ${clicks} clicks | ${times[Math.floor(times.length / 2)].toFixed(1)} ms | ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms | ${times[0].toFixed(1)} ms |`);
