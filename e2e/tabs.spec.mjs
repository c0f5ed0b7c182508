// Two tabs of one browser: every tab may edit; saves are merged per answer, so an edit in
// one tab is never silently lost because of the other.
import { test, expect } from "@playwright/test";

const EXERCISE = "./#/exercise/m6-2.1";
const field = (page, name) => page.locator(".section-pane").getByRole("textbox", { name, exact: true });
const saved = (page) => expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

async function twoTabs(context) {
  const a = await context.newPage();
  await a.goto(EXERCISE);
  const b = await context.newPage();
  await b.goto(EXERCISE);
  return [a, b];
}

test("edits to different answers in two tabs at once both survive", async ({ context }) => {
  const [a, b] = await twoTabs(context);
  // Within one save interval of each other: neither tab has seen the other's save yet.
  await field(a, "Expected users").fill("2000");
  await field(b, "Expected requests per day").fill("50000");
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

test("the same answer changed in both tabs at once: the latest is kept, the other is in history", async ({ context }) => {
  const [a, b] = await twoTabs(context);
  await field(a, "Client / scenario summary").fill("typed in tab A");
  await field(b, "Client / scenario summary").fill("typed in tab B");
  const notice = b.getByRole("alert").filter({ hasText: "also open in another tab" });
  await expect(notice).toContainText("“Client / scenario summary” in Exercise 2.1 (Module 6)");
  for (const page of [a, b]) await expect(field(page, "Client / scenario summary")).toHaveValue("typed in tab B");

  // Tab A's text is one click away in either tab's history.
  const history = a.getByRole("region", { name: "History" });
  await history.getByRole("button", { name: /\(Changed in another tab at the same time\)$/ }).click();
  await expect(field(a, "Client / scenario summary")).toHaveValue("typed in tab A");
  await expect(field(b, "Client / scenario summary")).toHaveValue("typed in tab A");
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});
