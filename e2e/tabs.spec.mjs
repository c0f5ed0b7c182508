// Two tabs of one browser: every tab may edit; saves are merged per answer, so an edit in
// one tab is never silently lost because of the other.
import { test, expect } from "@playwright/test";

const EXERCISE = "./#/exercise/m6-2.1";
const field = (page, name) => page.locator(".section-pane").getByRole("textbox", { name, exact: true });
const saved = (page) => expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

/**
 * Types `text` into the field as one input event, without focusing it: a tab that loses
 * focus may flush its save at once, which would deliver one tab's edit to the other before
 * the other's edit is made.
 */
const typeAtOnce = (locator, text) =>
  locator.evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);

/** Stops time in every tab of the context, a second from now, once both tabs have saved. */
async function pauseClock(context, a, b) {
  await saved(a);
  await saved(b);
  await context.clock.pauseAt((await a.evaluate(() => Date.now())) + 1000);
}

async function twoTabs(context) {
  const a = await context.newPage();
  await a.goto(EXERCISE);
  const b = await context.newPage();
  await b.goto(EXERCISE);
  return [a, b];
}

test("edits to different answers in two tabs at once both survive", async ({ context }) => {
  // A paused clock makes "at once" certain: both edits are made before either tab saves.
  await context.clock.install();
  const [a, b] = await twoTabs(context);
  await pauseClock(context, a, b);
  await Promise.all([typeAtOnce(field(a, "Expected users"), "2000"), typeAtOnce(field(b, "Expected requests per day"), "50000")]);
  // Time flows again: both tabs save, and each merges the other's save.
  await context.clock.resume();
  for (const page of [a, b]) {
    await expect(field(page, "Expected users")).toHaveValue("2000");
    await expect(field(page, "Expected requests per day")).toHaveValue("50000");
    await saved(page);
  }
  await expect(a.getByRole("alert")).toHaveCount(0);
  await expect(b.getByRole("alert")).toHaveCount(0);
  const reopened = await context.newPage();
  await reopened.goto(EXERCISE);
  await expect(field(reopened, "Expected users")).toHaveValue("2000");
  await expect(field(reopened, "Expected requests per day")).toHaveValue("50000");
});

test("a change in one tab shows up in the other, and later edits there build on it", async ({ context }) => {
  const [a, b] = await twoTabs(context);
  await field(a, "Client / scenario summary").fill("Written in tab A");
  await expect(field(b, "Client / scenario summary")).toHaveValue("Written in tab A");
  await field(b, "Expected users").fill("300");
  await expect(field(a, "Expected users")).toHaveValue("300");
  await a.reload();
  await expect(field(a, "Client / scenario summary")).toHaveValue("Written in tab A");
  await expect(field(a, "Expected users")).toHaveValue("300");
});

test("the same answer changed in both tabs at once: both tabs agree, a banner says so, the other text is in history", async ({ context }) => {
  // A paused clock makes the clash certain: both edits are made before either tab saves.
  // (install() alone fakes the clock but lets it run: under load one tab's save could
  // then reach the other before that tab's edit, which is no clash at all.)
  await context.clock.install();
  const [a, b] = await twoTabs(context);
  await pauseClock(context, a, b);
  const summary = (page) => field(page, "Client / scenario summary");
  await Promise.all([typeAtOnce(summary(a), "typed in tab A"), typeAtOnce(summary(b), "typed in tab B")]);
  await context.clock.runFor(1000);

  // Whichever tab saved last, both end up showing the same text…
  await expect.poll(async () => (await summary(a).inputValue()) === (await summary(b).inputValue())).toBe(true);
  const kept = await summary(a).inputValue();
  expect(["typed in tab A", "typed in tab B"]).toContain(kept);
  const other = kept === "typed in tab A" ? "typed in tab B" : "typed in tab A";
  // …a tab that merged the clash names the answer…
  const notice = (page) => page.getByRole("alert").filter({ hasText: "also open in another tab" });
  await expect.poll(async () => (await notice(a).count()) + (await notice(b).count())).toBeGreaterThan(0);
  const [warned, quiet] = (await notice(a).count()) > 0 ? [a, b] : [b, a];
  await expect(notice(warned)).toContainText("“Client / scenario summary” in Exercise 2.1 (Module 6)");
  // …and the other text is one click away in history, in either tab.
  for (const page of [warned, quiet]) {
    await expect(page.getByRole("region", { name: "History" })).toContainText("Changed in another tab at the same time");
  }
  // Both tabs may have merged with edits of their own pending, so both texts can be in
  // history; restore the one that was replaced in the end. The panel lists the
  // exercise's snapshots newest first.
  const stored = async () =>
    JSON.parse(await warned.evaluate(() => localStorage.getItem("workbook:history"))).snapshots.filter((s) => s.exercise === "m6-2.1").reverse();
  const panel = warned.getByRole("region", { name: "History" }).getByRole("button", { name: /^Restore the version of/ });
  await expect.poll(async () => (await panel.count()) === (await stored()).length).toBe(true);
  const index = (await stored()).findIndex(
    (s) => s.reason === "Changed in another tab at the same time" && s.answers.values.scenario_summary === other,
  );
  expect(index).toBeGreaterThanOrEqual(0);
  await panel.nth(index).click();
  await expect(summary(warned)).toHaveValue(other);
  await context.clock.runFor(1000);
  await expect(summary(quiet)).toHaveValue(other);
  await notice(warned).getByRole("button", { name: "Dismiss" }).click();
  await expect(notice(warned)).toHaveCount(0);
});
