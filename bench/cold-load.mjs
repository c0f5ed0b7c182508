// Cold load to the first usable field, in headless Chromium on localhost: the app's
// Exercise 2.1 page against a plain HTML page with one labelled input (the floor no app
// can beat) and, on a first visit, against the app's own first screen as a static page.
// Runs interleave the pages, each in a fresh browser context (empty cache and storage),
// turning which goes first. The ratio of two (app over floor, same round)
// means the same on a fast machine and a slow one. With --cpu=4, Chromium's CPU is throttled
// 4x (DevTools Emulation.setCPUThrottlingRate), as on a mid-range laptop.
// Usage: node bench/cold-load.mjs [runs=9] [--cpu=RATE] [--returning[=SECTIONS]]
// APP_PATH="module-5/#/exercise/m5-2.1" times another page of the app against the same floor.
// --returning times a participant coming back: each page is visited once in its context (the
// app moved on SECTIONS sections, then left there), and the reload is timed, with the
// browser's caches warm as they are for anyone returning (the floor page reloaded too).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { serve } from "../e2e/serve.mjs";
import { chromiumFlags } from "../playwright.config.mjs";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const cpu = Number(process.argv.find((arg) => arg.startsWith("--cpu="))?.slice(6) ?? 1);
const runs = Math.max(7, Number(positional[0] ?? 9));
const returning = process.argv.find((arg) => arg.startsWith("--returning"));
const sectionsOn = Number(returning?.split("=")[1] ?? 0);
// DIST=path compares another build (e.g. an older commit's) against the same floor.
const dist = process.env.DIST ?? "dist";
const appPath = process.env.APP_PATH ?? "#/exercise/m6-2.1";
const app = await serve(dist);
const floor = await serve("bench");
const targets = {
  floor: `http://127.0.0.1:${floor.address().port}/floor.html`,
  app: `http://127.0.0.1:${app.address().port}/${appPath}`,
};
// On a first visit, a third page: the app's own first screen (its form shell) written as a
// static page, with no script. It is the best any way of loading the app could do with this
// screen, so it splits the app's time into what the screen costs and what loading it costs.
const screenDir = returning ? null : await staticScreen(dist, appPath);
const screen = screenDir && (await serve(screenDir));
if (screen) targets.screen = `http://127.0.0.1:${screen.address().port}/screen.html`;

// Records, relative to navigation start, three moments: the first field in the DOM, a text box
// or an option (the app's fields have their input handlers attached before insertion, so it
// can take input; a shell's are taken over by the app);
// the first frame painted with it, as a timer queued from the next animation frame (it runs
// after that frame's paint, but also after any task queued before it, such as the parser's
// end or the app's loader entering the page); and the browser's own time for the first
// frame it showed with content (first-contentful-paint), which holds the field whenever the
// field was in the DOM before it. The goal is judged on that frame, the one a person sees.
const probe = () => {
  const check = () => {
    if (window.__firstField === undefined && document.querySelector("input, textarea")) {
      window.__firstField = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") window.__contentful = entry.startTime;
  }).observe({ type: "paint", buffered: true });
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumFlags });
const names = Object.keys(targets);
const samples = Object.fromEntries(names.map((name) => [name, []]));
const paints = Object.fromEntries(names.map((name) => [name, []]));
const shown = Object.fromEntries(names.map((name) => [name, []]));
for (let i = 0; i < runs + 1; i++) {
  // Each round turns the order by one, so no page always goes first.
  const order = names.map((_, k) => names[(k + i) % names.length]);
  for (const name of order) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (cpu !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
    await page.addInitScript(probe);
    await page.goto(targets[name]);
    if (returning) {
      if (name === "app") {
        await page.locator(".section-pane").waitFor();
        for (let n = 0; n < sectionsOn; n++) await page.getByRole("button", { name: /^Next: / }).click();
      } else await page.waitForFunction(() => window.__painted !== undefined);
      // Leaving saves the section (the app's pagehide); the reload is what is timed.
      await page.reload();
    }
    await page.waitForFunction(() => window.__painted !== undefined && window.__contentful !== undefined, null, { timeout: 30_000 });
    const [inDom, painted, contentful] = await page.evaluate(() => [window.__firstField, window.__painted, window.__contentful]);
    if (i > 0) { // the first round warms the OS and server, not the browser cache
      samples[name].push(inDom);
      paints[name].push(painted);
      // A field added after the first contentful frame is timed by the animation-frame probe.
      shown[name].push(contentful >= inDom ? contentful : painted);
    }
    await context.close();
  }
}
await browser.close();
app.close();
floor.close();
screen?.close();
if (screenDir) await rm(screenDir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
const runsOf = (xs) => names.map((name) => `${name} [${fmt(xs[name])}]`).join(", ");
console.log(`Runs (ms, field in DOM): ${runsOf(samples)}`);
console.log(`Runs (ms, painted): ${runsOf(paints)}`);
console.log(`Runs (ms, shown): ${runsOf(shown)}`);
const throttled = cpu === 1 ? "CPU not throttled" : `CPU throttled ${cpu}x`;
const loads = returning ? `returning loads (${sectionsOn} section${sectionsOn === 1 ? "" : "s"} on)` : "cold loads";
// Ratio of two pages' times, the median over rounds (each round loads both).
const over = (xs, a, b) => median(xs[a].map((ms, round) => ms / xs[b][round]));
const screenHeads = screen ? ["same screen as a static page", "app over that page"] : [];
console.log(`\n| median of ${runs} ${loads}, ${throttled} | static floor page | app, ${appPath} | app minus floor | app over floor (median of rounds) | ${screenHeads.join(" | ")}${screen ? " |" : ""}`);
console.log(`|---|---:|---:|---:|---:|${screenHeads.map(() => "---:|").join("")}`);
for (const [label, xs] of [["first field in the DOM", samples], ["first frame painted with it", paints], ["first frame shown with it (browser's paint timing)", shown]]) {
  const floorMs = median(xs.floor);
  const appMs = median(xs.app);
  const screenCells = screen ? ` ${median(xs.screen).toFixed(0)} ms (${over(xs, "screen", "floor").toFixed(2)}x the floor) | ${over(xs, "app", "screen").toFixed(2)}x |` : "";
  console.log(`| ${label} | ${floorMs.toFixed(0)} ms | ${appMs.toFixed(0)} ms | ${(appMs - floorMs).toFixed(0)} ms | ${over(xs, "app", "floor").toFixed(2)}x |${screenCells}`);
}
// The goal is judged on the frame that showed the field: that is what a person sees.
const ratio = over(shown, "app", "floor");
console.log(`\nGoal, the first field shown within 1.5 times the floor: ${ratio <= 1.5 ? "met" : "NOT met"} (${ratio.toFixed(2)}x).`);
if (screen) {
  // The static screen bounds what any change to how the app loads can win: the rest is the
  // screen itself (its text, type styles and layout).
  console.log(`The app's first screen as a static page, no script, shows its field at ${over(shown, "screen", "floor").toFixed(2)}x the floor; the app at ${over(shown, "app", "screen").toFixed(2)}x that page.`);
}

/** Writes the app's first screen for `path` as a static page, screen.html, in a new folder:
 * the page's stylesheets, and in its body the form shell of the exercise `path` opens at its
 * first section, as the app's page shows it before its script has run; no script, template
 * or preload. Null when the page has no form shell for that exercise. */
async function staticScreen(root, path) {
  const [page, hash] = path.split("#");
  const html = await readFile(join(root, page, "index.html"), "utf8");
  const shell = [...html.matchAll(/<template\b([^>]*)>([\s\S]*?)<\/template>/g)].find(
    ([, attributes]) => /\bdata-first\b/.test(attributes) && attributes.match(/\bdata-route="?([^"\s>]+)/)?.[1] === `#${hash}`,
  );
  if (!shell) return null;
  const head = html
    .slice(0, html.indexOf("<body>"))
    .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, "")
    .replace(/<template\b[\s\S]*?<\/template>/g, "")
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\b(?:modulepreload|preload)\b[^>]*>/g, "");
  const folder = await mkdtemp(join(tmpdir(), "static-screen-"));
  await writeFile(join(folder, "screen.html"), `${head}<body>${shell[2]}</body></html>`);
  return folder;
}
