// Backups, imports and history: a participant gets their work back, sees what will change
// before anything is replaced, is told exactly what is wrong with a bad file, and can undo.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { expectNoViolations } from "./axe.mjs";

const EXERCISE = "./#/exercise/m6-2.1";
const pane = (page) => page.locator(".section-pane");
const summary = (page) => pane(page).getByRole("textbox", { name: "Client / scenario summary", exact: true });
const saved = (page) => expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

// `contents` is the file's text or bytes, or `{ path }` of a file on disk (Playwright sends
// buffers of at most 50 MB).
async function choose(page, name, contents) {
  if (contents.path) return page.getByLabel("Backup or exported deliverable").setInputFiles(contents.path);
  await page.getByLabel("Backup or exported deliverable").setInputFiles({
    name,
    mimeType: name.endsWith(".json") ? "application/json" : "text/markdown",
    buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents),
  });
}

test("an exported deliverable imports into a fresh browser after a preview of the changes", async ({ page, browser }) => {
  await page.goto(EXERCISE);
  await summary(page).fill("Northwind <b>rolls out</b> an AI claims assistant");
  await saved(page);
  const exported = await download(page, page.getByRole("button", { name: "Export deployment-strategy.md" }));

  // A new computer: a fresh browser context with nothing stored.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("./");
  await fresh.getByRole("link", { name: "Restore a backup or import a file" }).click();
  await expect(fresh).toHaveTitle(/Restore or import/);
  await choose(fresh, exported.name, exported.text);
  const review = fresh.getByRole("region", { name: "Check what will change" });
  await expect(review).toContainText("deployment-strategy.md of Exercise 2.1 (Module 6), exported");
  const row = review.getByRole("row", { name: /Client \/ scenario summary/ });
  await expect(row).toContainText("(empty)");
  await expect(row).toContainText("Northwind <b>rolls out</b> an AI claims assistant");
  await expectNoViolations(fresh, "import review");
  // Nothing is replaced before the participant confirms.
  expect(await fresh.evaluate(() => localStorage.getItem("workbook") ?? "")).not.toContain("Northwind");
  await review.getByRole("button", { name: /^Replace \d+ answers?$/ }).click();
  await expect(fresh.getByRole("status").filter({ hasText: "Imported “deployment-strategy.md”" })).toBeVisible();
  await fresh.getByRole("link", { name: "Open the exercise" }).click();
  await expect(summary(fresh)).toHaveValue("Northwind <b>rolls out</b> an AI claims assistant");
  await fresh.reload();
  await expect(summary(fresh)).toHaveValue("Northwind <b>rolls out</b> an AI claims assistant");
});

test("a full backup restores every answer, and the import can be undone", async ({ page }) => {
  await page.goto("./#/profile");
  await page.getByRole("textbox", { name: "Your name", exact: true }).fill("Ada Lovelace");
  await page.goto(EXERCISE);
  await summary(page).fill("from the backup");
  await saved(page);
  const backup = await download(page, page.getByRole("contentinfo").getByRole("button", { name: "Download a full backup" }));

  await summary(page).fill("typed after the backup");
  await saved(page);
  await page.goto("./restore/#/import");
  await choose(page, backup.name, backup.text);
  await expect(page.getByRole("region", { name: "Check what will change" })).toContainText("a full Workbook backup made");
  await page.getByRole("button", { name: "Replace 1 answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 answer replaced" })).toBeVisible();
  await page.goto(EXERCISE);
  await expect(summary(page)).toHaveValue("from the backup");

  // The replaced text is in history, restorable.
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Before importing " + backup.name);

  // Undo straight after an import.
  await page.goto("./restore/#/import");
  await choose(page, backup.name, backup.text.replace("from the backup", "second import"));
  await page.getByRole("button", { name: "Replace 1 answer" }).click();
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was undone" })).toBeVisible();
  await page.goto(EXERCISE);
  await expect(summary(page)).toHaveValue("from the backup");
});

test("bad files are refused with the file's name and what is wrong, and the work stays", async ({ page }) => {
  await page.goto(EXERCISE);
  await summary(page).fill("my current work");
  await saved(page);
  const exported = await download(page, page.getByRole("button", { name: "Export deployment-strategy.md" }));
  const backup = await download(page, page.getByRole("contentinfo").getByRole("button", { name: "Download a full backup" }));
  const before = await page.evaluate(() => localStorage.getItem("workbook"));

  await page.goto("./restore/#/import");
  // Just over the limit: the largest export of the largest workbook a browser stores is 154 MB.
  const huge = test.info().outputPath("huge.md");
  await writeFile(huge, Buffer.alloc(154 * 1024 * 1024 + 10, "a"));
  const cases = [
    ["photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), "it is not a text file"],
    ["notes.md", "# My own notes\n\nWritten by hand.", "it has no Workbook answers in it"],
    ["cut.md", exported.text.slice(0, exported.text.length - 40), "the file stops in the middle"],
    ["future.md", exported.text.replace('"version":2,', '"version":9,'), "it was exported by a newer version of the Workbook"],
    ["package.json", '{"name": "left-pad"}', "it is JSON, but not a Workbook backup"],
    ["broken.json", backup.text.replace('"format"', "format"), "it is not valid JSON (line 1"],
    ["cut.json", backup.text.slice(0, 200), "the file stops in the middle"],
    ["huge.md", { path: huge }, "it is just over 154 MB, the largest file the Workbook imports"],
  ];
  for (const [name, contents, problem] of cases) {
    await choose(page, name, contents);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(`“${name}” was not imported: ${problem}`);
    await expect(alert).toContainText("Your current work is unchanged.");
  }
  await expectNoViolations(page, "import error");
  expect(await page.evaluate(() => localStorage.getItem("workbook"))).toBe(before);
});

test("a deliverable edited by hand is recognised before import", async ({ page }) => {
  await page.goto(EXERCISE);
  await summary(page).fill("Northwind claims");
  await saved(page);
  const exported = await download(page, page.getByRole("button", { name: "Export deployment-strategy.md" }));
  await summary(page).fill("changed since");
  await page.goto("./restore/#/import");
  await choose(page, exported.name, exported.text.replace("Northwind claims", "Southwind claims"));
  await expect(page.getByRole("region", { name: "Check what will change" })).toContainText(
    "The text of this file was edited after it was exported",
  );
});

test("history keeps a version at each export and restoring one is undoable", async ({ page }) => {
  await page.goto(EXERCISE);
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("No earlier versions yet");
  await summary(page).fill("first draft");
  await saved(page);
  await page.getByRole("button", { name: "Export deployment-strategy.md" }).click();
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Exported deployment-strategy.md");

  await summary(page).fill("second draft");
  await saved(page);
  await history.getByRole("button", { name: /^Restore the version of .* \(Exported deployment-strategy\.md\)$/ }).click();
  await expect(summary(page)).toHaveValue("first draft");
  await expect(history).toContainText("Before restoring the version of");
  await history.getByRole("button", { name: "Undo restore" }).click();
  await expect(summary(page)).toHaveValue("second draft");
  await saved(page);
  await page.reload();
  await expect(summary(page)).toHaveValue("second draft");
  // Exported, before the restore, before the undo: nothing was dropped on the way.
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await expectNoViolations(page, "history panel");
});

test("the restore page opens on the import, and its Exercises link goes to the list of exercises", async ({ page }) => {
  await page.goto("./restore/");
  await expect(page.getByRole("heading", { level: 1, name: "Restore a backup or import a file" })).toBeVisible();
  await expect(page).toHaveTitle(/Restore or import/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 homework" })).toBeVisible();
  expect(new URL(page.url()).pathname).not.toContain("/restore/");
});
