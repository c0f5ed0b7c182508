// Classic XSS payloads (tests/data/xss-payloads.txt, also used by the native tests/xss.rs)
// typed into every kind of field and carried by an imported file: they show as text, and
// nothing runs or becomes markup.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

const PAYLOADS = readFileSync("tests/data/xss-payloads.txt", "utf8").split("\n").filter(Boolean);
const EXERCISE = "./#/exercise/m6-2.1";
// Elements and attributes no typed text may ever produce.
const INJECTED =
  "script, img, svg, iframe, object, embed, video, marquee, math, form, base, meta, link, style, a, details, input, " +
  "[onerror], [onload], [onfocus], [ontoggle], [onstart], [style]";

async function trap(context) {
  await context.addInitScript(() => {
    window.__ran = [];
    for (const name of ["alert", "confirm", "prompt"]) window[name] = (message) => window.__ran.push(`${name}(${message})`);
  });
}

const injectedIn = (page, selector) =>
  page.evaluate(
    ([selector, injected]) => [...document.querySelectorAll(selector)].flatMap((root) => [...root.querySelectorAll(injected)].map((e) => e.outerHTML)),
    [selector, INJECTED],
  );

test(`${PAYLOADS.length} payloads in every field stay text in the form, the preview, the export and an import`, async ({ browser }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  const context = await browser.newContext();
  await trap(context);
  const page = await context.newPage();
  let next = 0;
  const payload = () => PAYLOADS[next++ % PAYLOADS.length];

  await page.goto("./#/profile");
  for (const box of await page.locator("main").getByRole("textbox").all()) await box.fill(payload());

  await page.goto(EXERCISE);
  const typed = [];
  const sections = page.getByRole("complementary", { name: "Sections" }).locator(".step");
  for (let s = 0; s < (await sections.count()); s++) {
    await sections.nth(s).click();
    const pane = page.locator(".section-pane");
    // One extra row where rows can be added, so new rows are covered too.
    const add = pane.getByRole("button", { name: /^Add \w+$/ });
    for (const button of await add.all()) await button.click();
    for (const box of await pane.getByRole("textbox").all()) {
      const text = payload();
      await box.fill(text);
      typed.push([s, text]);
    }
  }
  expect(next).toBeGreaterThanOrEqual(PAYLOADS.length); // every payload was typed somewhere
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  const preview = page.locator(".preview-body");
  await expect(preview).toContainText(PAYLOADS[0]);
  expect(await injectedIn(page, ".preview-body")).toEqual([]);

  // Stored and shown back exactly, after a reload.
  await page.reload();
  await sections.nth(0).click();
  const firstSection = typed.filter(([s]) => s === 0).map(([, text]) => text);
  const values = await page.locator(".section-pane").getByRole("textbox").evaluateAll((boxes) => boxes.map((b) => b.value));
  expect(values).toEqual(firstSection);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export deployment-strategy.md" }).click(),
  ]);
  const exported = await readFile(await download.path(), "utf8");
  // (That the markdown holds no HTML, link or image is checked by parsing it in tests/xss.rs.)
  expect(exported).toContain("<!-- workbook-answers");

  // The exported file, imported into a fresh browser: the review table and the form show
  // the payloads as text.
  const fresh = await browser.newContext();
  await trap(fresh);
  const other = await fresh.newPage();
  await other.goto("./restore/#/import");
  await other.getByLabel("Backup or exported deliverable").setInputFiles({ name: "deployment-strategy.md", mimeType: "text/markdown", buffer: Buffer.from(exported) });
  const review = other.getByRole("region", { name: "Check what will change" });
  await expect(review).toContainText(PAYLOADS[0]); // the participant's name
  expect(await injectedIn(other, ".import-review table")).toEqual([]);
  await review.getByRole("button", { name: /^Replace \d+ answers$/ }).click();
  await other.getByRole("link", { name: "Open the exercise" }).click();
  await expect(other.locator(".preview-body")).toContainText(PAYLOADS[0]);
  const imported = await other.locator(".section-pane").getByRole("textbox").evaluateAll((boxes) => boxes.map((b) => b.value));
  expect(imported).toEqual(firstSection);
  expect(await injectedIn(other, ".preview-body")).toEqual([]);

  for (const p of [page, other]) expect(await p.evaluate(() => window.__ran)).toEqual([]);
  await context.close();
  await fresh.close();
});
