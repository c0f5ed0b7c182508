// Work is never silently lost: a failed save says so and offers a backup, unreadable
// stored data is kept and can be downloaded, and a full backup is always one click away.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoViolations } from "./axe.mjs";

const EXERCISE = "./#/exercise/m6-2.1";
const summary = (page) => page.getByRole("textbox", { name: "Client / scenario summary", exact: true });

async function downloadJson(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("a failed save keeps the work, warns until a save succeeds, and offers a backup", async ({ page }) => {
  // The browser refuses writes while window.__refuseWrites is set, the way a full storage does.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__refuseWrites) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.goto(EXERCISE);
  await page.evaluate(() => (window.__refuseWrites = true));
  await summary(page).fill("typed while storage is full");

  const banner = page.getByRole("alert").filter({ hasText: "NOT saved" });
  await expect(banner).toContainText("Your latest changes are NOT saved in this browser: download a backup now.");
  await expect(banner).toContainText("this browser's storage is full");
  await expect(page.getByRole("status").filter({ hasText: "Not saved" })).toBeVisible();
  await expectNoViolations(page, "save failure banner");
  const backup = await downloadJson(page, banner.getByRole("button", { name: "Download a full backup" }));
  expect(backup.name).toMatch(/^workbook-backup-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  const parsed = JSON.parse(backup.text);
  expect(parsed.format).toBe("workbook-backup");
  expect(parsed.workbook.exercises["m6-2.1"].values.scenario_summary).toBe("typed while storage is full");

  // More typing further down the page while still full: the warning stays in view.
  await page.getByRole("button", { name: /^3\. Auto-scaling/ }).click();
  await page.getByRole("textbox", { name: "Health probe", exact: true }).fill("GET /health");
  await expect(banner).toBeInViewport();

  await page.evaluate(() => (window.__refuseWrites = false));
  const probe = page.getByRole("textbox", { name: "Health probe", exact: true });
  await probe.fill("GET /health, typed once storage has room");
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await expect(probe).toHaveValue("GET /health, typed once storage has room");
  await page.getByRole("button", { name: /^1\. Scenario/ }).click();
  await expect(summary(page)).toHaveValue("typed while storage is full");
});

test("unreadable stored data is kept aside, reported, and can be downloaded", async ({ page }) => {
  // Written from a page of the site that is not the app, so no app is running to save over
  // it before the reload (a first visit's app may still be starting up under load).
  await page.goto("./public/favicon.svg");
  await page.evaluate(() => localStorage.setItem("workbook", '{"profile": {"name": "Ada"'));
  await page.goto("./");
  const banner = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(banner).toBeVisible();
  await expectNoViolations(page, "unreadable data banner");
  const file = await downloadJson(page, banner.getByRole("button", { name: "Download the unreadable data" }));
  expect(file.name).toBe("workbook-unreadable-data.txt");
  expect(file.text).toBe('{"profile": {"name": "Ada"');
  // Typing now saves fresh data without touching what was kept aside.
  await page.goto(EXERCISE);
  await summary(page).fill("a fresh start");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("workbook:unreadable"))).toBe('{"profile": {"name": "Ada"');
});

test("a full backup of everything is one click away on every page", async ({ page }) => {
  await page.goto("./#/profile");
  await page.getByRole("textbox", { name: "Your name", exact: true }).fill("Ada Lovelace");
  await page.goto(EXERCISE);
  await summary(page).fill("Northwind");
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText("Clearing this site's browser data deletes your work");
  const backup = await downloadJson(page, footer.getByRole("button", { name: "Download a full backup" }));
  const parsed = JSON.parse(backup.text);
  expect(parsed.workbook.profile.name).toBe("Ada Lovelace");
  expect(parsed.workbook.exercises["m6-2.1"].values.scenario_summary).toBe("Northwind");
  await expect(footer.getByText(`Downloaded ${backup.name}.`)).toBeVisible();
});

test("when stored answers are cut off, the latest version in History is loaded instead", async ({ page }) => {
  await page.goto(EXERCISE);
  await summary(page).fill("kept in history");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.getByRole("button", { name: "Export deployment-strategy.md" }).click();
  await expect(page.getByRole("region", { name: "History" }).getByRole("listitem")).toHaveCount(1);
  // The stored answers get cut off (a crash mid-write, a disk error).
  await page.evaluate(() => localStorage.setItem("workbook", localStorage.getItem("workbook").slice(0, 100)));
  await page.reload();
  const banner = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(banner).toContainText("The latest versions kept in History were loaded instead: Exercise 2.1 (Module 6) as of");
  await expect(summary(page)).toHaveValue("kept in history");
  await expectNoViolations(page, "recovered from history");
});
