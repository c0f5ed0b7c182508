// Saving and typing with a lot stored, in the real app in headless Chromium:
// 1. Save latency with about 1 MB of stored answers: the app's own save (encode, check
//    what another tab stored, write, read back and compare), read from the User Timing
//    measure "workbook-save" the app records around each save. Floor: localStorage
//    setItem + getItem of the same text from plain JS.
// 2. Typing latency in a textarea holding 200 KB: per keystroke, the time the page spends
//    handling the input (capture listener on window before the app's delegated handler,
//    bubbling listener after it), and the time to the next frame; the same on a static page
//    with a plain 200 KB textarea as the floor. Saves run every 300 ms meanwhile.
// Usage: node bench/typing-and-save.mjs [saves=30] [keystrokes=200]
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { serve } from "../e2e/serve.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const saves = Number(process.argv[2] ?? 30);
const keystrokes = Number(process.argv[3] ?? 200);
const workbook = (kb) =>
  execFileSync("cargo", ["run", "--quiet", "--release", "--example", "filled_workbook", "--", String(kb)], { encoding: "utf8", maxBuffer: 1 << 28 });
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))].toFixed(1);
  return `${at(0.5)} ms | ${at(0.95)} ms | ${sorted.at(-1).toFixed(1)} ms`;
};

const app = await serve("dist");
const base = `http://127.0.0.1:${app.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags });

// --- 1. Save with 1 MB stored -------------------------------------------------------------
{
  const stored = workbook(1024);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}#/exercise/m6-2.1`);
  await page.evaluate((json) => localStorage.setItem("workbook", json), stored);
  await page.reload();
  await page.getByText("100% complete").waitFor();
  const size = await page.evaluate(() => localStorage.getItem("workbook").length);
  const field = page.locator(".section-pane").getByRole("textbox", { name: "Expected users", exact: true });
  await page.evaluate(() => performance.clearMeasures("workbook-save"));
  for (let i = 0; i < saves + 3; i++) {
    await field.fill(String(1000 + i));
    await page.getByRole("status").filter({ hasText: "Saved in this browser" }).waitFor();
  }
  const appTimes = (await page.evaluate(() => performance.getEntriesByName("workbook-save").map((e) => e.duration))).slice(3);
  const floor = await page.evaluate(([text, n]) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      const t = text.replace(/\d(?=")/, String(i % 10));
      const start = performance.now();
      localStorage.setItem("bench-floor", t);
      if (localStorage.getItem("bench-floor") !== t) throw new Error("read back differs");
      times.push(performance.now() - start);
    }
    localStorage.removeItem("bench-floor");
    return times;
  }, [stored, saves]);
  console.log(`| save with ${(size / 1024).toFixed(0)} KB stored (${appTimes.length} saves) | median | p95 | max |\n|---|---:|---:|---:|`);
  console.log(`| the app's save: encode, check other tabs, write, read back, compare | ${stats(appTimes)} |`);
  console.log(`| floor: localStorage.setItem + getItem of the same text in JS | ${stats(floor)} |`);
  await page.context().close();
}
console.log();

// --- 2. Typing in a 200 KB textarea ---------------------------------------------------------
const big = "The claims assistant answers adjusters' questions. ".repeat(Math.ceil((200 * 1024) / 51)).slice(0, 200 * 1024);
async function measureTyping(page, textbox) {
  await textbox.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await textbox.focus();
  await page.evaluate(() => {
    window.__handler = [];
    window.__frame = [];
    let start = 0;
    addEventListener("input", () => {
      start = performance.now();
      requestAnimationFrame(() => window.__frame.push(performance.now() - start));
    }, true);
    addEventListener("input", () => window.__handler.push(performance.now() - start));
  });
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(i % 20 === 19 ? " " : "a");
  }
  await page.waitForTimeout(400);
  return page.evaluate(() => ({ handler: window.__handler, frame: window.__frame }));
}
// Typing at the end of a 200 KB answer: in Exercise 2.1, and in the capstone, whose form
// also recomputes its self-check (red flags over every answer) on each change. Each is opened
// on its own page (the capstone's is capstone/): another page would send the browser there.
async function typingCase(pagePath, exercise, field, label) {
  const json = JSON.parse(workbook(1));
  json.exercises[exercise] ??= { values: {} };
  json.exercises[exercise].values[field] = big;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}${pagePath}#/exercise/${exercise}`);
  await page.evaluate((text) => localStorage.setItem("workbook", text), JSON.stringify(json));
  await page.reload();
  const textbox = page.locator(".section-pane").getByRole("textbox", { name: label, exact: true });
  await textbox.waitFor();
  const app = await measureTyping(page, textbox);
  const typed = await textbox.inputValue();
  if (typed.length !== big.length + keystrokes) throw new Error(`typed ${typed.length - big.length} of ${keystrokes} characters`);
  await page.getByRole("status").filter({ hasText: "Saved in this browser" }).waitFor();
  const saved = await page.evaluate(([e, f]) => JSON.parse(localStorage.getItem("workbook")).exercises[e].values[f].length, [exercise, field]);
  if (saved !== typed.length) throw new Error("the last keystrokes were not saved");
  return app;
}
{
  const app = await typingCase("", "m6-2.1", "scenario_summary", "Client / scenario summary");
  const capstone = await typingCase("capstone/", "m6-2.3", "client_context", "Client context and challenge");

  const floorPage = await (await browser.newContext()).newPage();
  await floorPage.setContent(`<label>Summary <textarea id="t" rows="10" cols="80"></textarea></label>`);
  await floorPage.evaluate((text) => (document.getElementById("t").value = text), big);
  const floor = await measureTyping(floorPage, floorPage.locator("#t"));

  console.log(`| typing in a 200 KB textarea (${keystrokes} keystrokes) | median | p95 | max |\n|---|---:|---:|---:|`);
  console.log(`| Exercise 2.1: input handled (app handler, signal update, effects) | ${stats(app.handler)} |`);
  console.log(`| Exercise 2.1: keystroke to next frame | ${stats(app.frame)} |`);
  console.log(`| Capstone 2.3: input handled | ${stats(capstone.handler)} |`);
  console.log(`| Capstone 2.3: keystroke to next frame | ${stats(capstone.frame)} |`);
  console.log(`| floor (plain textarea): keystroke to next frame | ${stats(floor.frame)} |`);
}
await browser.close();
app.close();
