// Cold load to the first usable field, in headless Chromium on localhost: the app's
// Exercise 2.1 page against a plain HTML page with one labelled input (the floor no app
// can beat). Runs interleave the two, each in a fresh browser context (empty cache and
// storage), alternating which goes first. Usage: node bench/cold-load.mjs [runs=9]
import { chromium } from "@playwright/test";
import { serve } from "../e2e/serve.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const runs = Math.max(7, Number(process.argv[2] ?? 9));
// DIST=path compares another build (e.g. an older commit's) against the same floor.
const app = await serve(process.env.DIST ?? "dist");
const floor = await serve("bench");
const targets = {
  floor: `http://127.0.0.1:${floor.address().port}/floor.html`,
  app: `http://127.0.0.1:${app.address().port}/#/exercise/m6-2.1`,
};

// Records, relative to navigation start, two moments: the first text field in the DOM (the
// app's fields have their input handlers attached before insertion, so it can take input),
// and the first frame painted with it (a timer queued from the next animation frame runs
// after that frame's paint).
const probe = () => {
  const check = () => {
    if (window.__firstField === undefined && document.querySelector("input[type=text], textarea")) {
      window.__firstField = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags });
const samples = { floor: [], app: [] };
const paints = { floor: [], app: [] };
for (let i = 0; i < runs + 1; i++) {
  const order = i % 2 === 0 ? ["floor", "app"] : ["app", "floor"];
  for (const name of order) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(targets[name]);
    await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 30_000 });
    const [inDom, painted] = await page.evaluate(() => [window.__firstField, window.__painted]);
    if (i > 0) { // the first round warms the OS and server, not the browser cache
      samples[name].push(inDom);
      paints[name].push(painted);
    }
    await context.close();
  }
}
await browser.close();
app.close();
floor.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
console.log(`Runs (ms, field in DOM): floor [${fmt(samples.floor)}], app [${fmt(samples.app)}]`);
console.log(`Runs (ms, painted): floor [${fmt(paints.floor)}], app [${fmt(paints.app)}]`);
console.log(`\n| median of ${runs} cold loads | static floor page | app, Exercise 2.1 | app minus floor |\n|---|---:|---:|---:|`);
for (const [label, xs] of [["first text field in the DOM", samples], ["first frame painted with it", paints]]) {
  const floorMs = median(xs.floor);
  const appMs = median(xs.app);
  console.log(`| ${label} | ${floorMs.toFixed(0)} ms | ${appMs.toFixed(0)} ms | ${(appMs - floorMs).toFixed(0)} ms |`);
}
// The budget is judged on the painted frame: that is what a person sees.
const gap = median(paints.app) - median(paints.floor);
console.log(`\nBudget, app within 100 ms of the floor (first frame painted with the field): ${gap <= 100 ? "met" : "NOT met"}.`);
