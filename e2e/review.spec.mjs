// Instructor review, as an instructor uses it: a participant exports their Module 5 files,
// the instructor loads them with a few broken and duplicate files on the review page (its
// own download), reads the cohort table, sorts it, reloads, loads a folder, and downloads
// the summary CSV, whose contents are checked as a spreadsheet would read them.
import { test, expect } from "@playwright/test";
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectNoViolations } from "./axe.mjs";
import { deploymentStrategy, downloadBytes, monitoring } from "./module5-flow.mjs";

const file = (name, bytes) => ({ name, mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });

test("an instructor loads a participant's files with broken ones, reads the cohort, and downloads the summary", async ({ page, browser }) => {
  // The participant: Exercises 2.1 and 2.2 of Module 5, each file exported.
  await page.goto("./module-5/#/profile");
  await page.getByRole("textbox", { name: "Your name", exact: true }).fill("Ada Lovelace");
  await page.getByRole("textbox", { name: "Cohort", exact: true }).fill("2026-B");
  await deploymentStrategy(page);
  const design = await downloadBytes(page, "Export deployment-design.md");
  await monitoring(page);
  const webhook = await downloadBytes(page, "Export webhook-config.md");
  const workflow = await downloadBytes(page, "Export monitoring.yml");

  // The instructor, in a browser of their own: the review page is linked from the home page.
  const instructor = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await instructor.goto("./");
  await instructor.getByRole("link", { name: "Review a cohort’s exported files" }).click();
  await expect(instructor.getByRole("heading", { level: 1, name: "Review a cohort" })).toBeVisible();
  await expect(instructor.getByText("No participant yet: load their exported files above.")).toBeVisible();
  await instructor.getByLabel("Exported files", { exact: true }).setInputFiles([
    file(design.name, design.bytes),
    file(webhook.name, webhook.bytes),
    file("copy-of-webhook-config.md", webhook.bytes),
    file("cut-off.md", design.bytes.subarray(0, 600)),
    file("notes.txt", Buffer.from("grade by Friday")),
  ]);
  await expect(instructor.getByRole("status").filter({ hasText: "Loaded 2 of 5 files; 3 not loaded" })).toBeVisible();

  const table = instructor.getByRole("table", { name: "Cohort: 1 participant" });
  const ada = table.getByRole("row", { name: /Ada Lovelace/ });
  const cell = (column) => ada.getByRole("cell").nth(column);
  // Module 5's 2.1, 2.2, 2.3, then Module 6's, then interventions.
  await expect(cell(0)).toHaveText("complete");
  await expect(cell(1)).toHaveText("complete");
  await expect(cell(2)).toHaveText("missing");
  await expect(cell(3)).toHaveText("missing");
  await expect(cell(6)).toHaveText("1");
  const refused = instructor.getByRole("region", { name: "Files not loaded (3)" });
  await expect(refused.getByRole("listitem").filter({ hasText: "copy-of-webhook-config.md" })).toContainText("the same answers");
  await expect(refused.getByRole("listitem").filter({ hasText: "cut-off.md" })).toBeVisible();
  await expect(refused.getByRole("listitem").filter({ hasText: "notes.txt" })).toBeVisible();
  // The finding behind the intervention, in the participant's details.
  await instructor.getByText(/^Ada Lovelace · 0 findings · 1 intervention$/).click();
  await expect(instructor.getByText("Module 5: the capstone is incomplete: priority support, it validates the module.")).toBeVisible();

  // Sorting by a column, by keyboard.
  const header = table.getByRole("columnheader", { name: "Module 5 · 2.3" });
  await header.getByRole("button").focus();
  await instructor.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await instructor.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expectNoViolations(instructor, "review page with a cohort");

  // The review is kept in this browser.
  await instructor.reload();
  await expect(instructor.getByRole("table", { name: "Cohort: 1 participant" })).toBeVisible();
  await expect(instructor.getByRole("region", { name: "Files not loaded (3)" })).toBeVisible();

  // A folder with the workflow beside a second participant's document and its own.
  const folder = await mkdtemp(join(tmpdir(), "cohort-"));
  await mkdir(join(folder, "ada"));
  await writeFile(join(folder, "ada", "monitoring.yml"), workflow.bytes);
  await writeFile(join(folder, "ada", "webhook-config.md"), webhook.bytes);
  await instructor.getByLabel("A folder of exported files", { exact: true }).setInputFiles(folder);
  await expect(instructor.getByRole("status").filter({ hasText: "Loaded 1 of 2 files; 1 not loaded" })).toBeVisible();

  const summary = await downloadBytes(instructor, "Download review-summary.csv");
  expect(summary.name).toBe("review-summary.csv");
  const lines = summary.bytes.toString("utf8").split("\r\n");
  expect(lines[0]).toBe(
    "participant,cohort,Module 5 2.1 status,Module 5 2.1 findings,Module 5 2.2 status,Module 5 2.2 findings," +
      "Module 5 2.3 status,Module 5 2.3 findings,Module 6 2.1 status,Module 6 2.1 findings,Module 6 2.2 status," +
      "Module 6 2.2 findings,Module 6 2.3 status,Module 6 2.3 findings,interventions",
  );
  expect(lines[1]).toBe(
    "Ada Lovelace,2026-B,complete,0,complete,0,missing,0,missing,0,missing,0,missing,0," +
      "\"Module 5: the capstone is incomplete: priority support, it validates the module.\"",
  );
  expect(lines[2]).toBe("");
});
