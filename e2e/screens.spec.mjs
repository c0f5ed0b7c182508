// The exercise pages fit the screen they are on: a phone 375 px wide gets one column, no
// sideways scrolling and the preview on request; a drawing fits its column and shows at
// full size when selected; the exports sit in one place, the keyboard's next stop after
// the form.
import { test, expect } from "@playwright/test";
import { expectNoViolations } from "./axe.mjs";
import { pane } from "./form.mjs";
import { EXERCISE, deploymentStrategy, monitoring, pipeline } from "./module5-flow.mjs";

const PHONE = { width: 375, height: 812 };

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
const overflow = (page) => page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);

/** Opens each section of the exercise on screen and checks that the page fits. */
async function everySectionFits(page, label) {
  const steps = page.getByRole("complementary", { name: "Sections" }).getByRole("button");
  for (let i = 0; i < (await steps.count()); i++) {
    if (!(await steps.nth(i).isVisible())) continue; // a section the answers do not call for
    await steps.nth(i).click();
    await expect(pane(page).getByRole("heading", { level: 2 })).toBeVisible();
    expect(await overflow(page), `${label}, section ${i + 1}`).toBe(0);
  }
}

test("Module 5 on a phone: one column, no sideways scrolling, the preview on request, no axe violations", async ({ page }) => {
  test.setTimeout(120_000);
  await deploymentStrategy(page);
  await monitoring(page);
  await pipeline(page);
  await page.setViewportSize(PHONE);
  for (const number of ["2.1", "2.2", "2.3"]) {
    await page.goto(EXERCISE(number));
    await everySectionFits(page, `Module 5 ${number}`);
  }
  // The pipeline drawing (1,300 px and more at full size) fits the phone too.
  const drawing = pane(page).getByRole("group", { name: "Pipeline", exact: true });
  await expect(drawing).toBeVisible();
  const box = await drawing.boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

  // The preview waits until asked for.
  const preview = page.getByRole("complementary", { name: /^Preview of/ });
  await expect(preview).toBeHidden();
  await page.getByRole("checkbox", { name: "Show the preview" }).check();
  await expect(preview).toBeVisible();
  expect(await overflow(page)).toBe(0);
  await expectNoViolations(page, "Module 5's capstone on a phone");
});

test("Module 6 on a phone: every section of every exercise fits, with no axe violations", async ({ page }) => {
  await page.setViewportSize(PHONE);
  // Each on the page that holds it: the capstone has its own (the root page would send the
  // browser on, and a check could run on the page being left).
  for (const [key, where] of [["m6-2.1", "./"], ["m6-2.2", "./"], ["m6-2.3", "./capstone/"]]) {
    await page.goto(`${where}#/exercise/${key}`);
    await everySectionFits(page, key);
    await expectNoViolations(page, `${key} on a phone`);
  }
  await page.goto("./");
  expect(await overflow(page)).toBe(0);
  await expectNoViolations(page, "home on a phone");
});

test("a wide drawing fits its column, and shows at full size when selected", async ({ page }) => {
  await deploymentStrategy(page);
  await monitoring(page);
  await pipeline(page);
  await page.goto(EXERCISE("2.3"));
  await page.getByRole("complementary", { name: "Sections" }).getByRole("button", { name: /Pipeline diagram/ }).click();
  const drawing = pane(page).getByRole("group", { name: "Pipeline", exact: true });
  const svg = drawing.locator("svg");
  const fits = async () => {
    const [outer, inner] = [await drawing.boundingBox(), await svg.boundingBox()];
    return inner.x + inner.width <= outer.x + outer.width + 1;
  };
  expect(await fits()).toBe(true);
  // Selected by keyboard: its real size, scrolling sideways inside its column.
  await drawing.focus();
  await expect.poll(fits).toBe(false);
  expect(await drawing.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await overflow(page)).toBe(0);
  await page.keyboard.press("Shift+Tab");
  await expect.poll(fits).toBe(true);
});

test("the exports are the keyboard's next stop after the form, in one place on every exercise", async ({ page }) => {
  for (const [url, first] of [["./#/exercise/m6-2.1", "Export deployment-strategy.md"], [EXERCISE("2.3"), "Export environments.md"]]) {
    await page.goto(url);
    const exports = page.getByRole("group", { name: "Export" });
    await expect(exports.getByRole("button").first()).toHaveAccessibleName(first);
    // From the last field of the section on screen, a few Tabs: the section's own buttons, then the exports.
    await pane(page).locator("input, textarea, select").last().focus();
    let reached = false;
    for (let tab = 0; tab < 4 && !reached; tab++) {
      await page.keyboard.press("Tab");
      reached = await exports.getByRole("button").first().evaluate((el) => el === document.activeElement);
    }
    expect(reached, url).toBe(true);
    // Every export button is as wide as the others.
    const widths = await exports.getByRole("button").evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().width)));
    expect(new Set(widths).size, `${url}: ${widths}`).toBe(1);
  }
});
