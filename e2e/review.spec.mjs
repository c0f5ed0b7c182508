// Instructor review, as an instructor uses it: a participant exports their Module 5 files,
// the instructor loads them with a few broken and duplicate files on the review page (its
// own download), reads the cohort table, sorts it, reloads, loads a folder, and downloads
// the summary CSV, whose contents are checked as a spreadsheet would read them.
import { test, expect } from "@playwright/test";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectNoViolations } from "./axe.mjs";
import { EXERCISE, deploymentStrategy, downloadBytes, monitoring } from "./module5-flow.mjs";
import { savedReviewFiles } from "./saved-review.mjs";

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
  await expectNoViolations(instructor, "empty review page");
  await instructor.getByLabel("Exported files", { exact: true }).setInputFiles([
    file(design.name, design.bytes),
    file(webhook.name, webhook.bytes),
    file("copy-of-webhook-config.md", webhook.bytes),
    file("cut-off.md", design.bytes.subarray(0, 600)),
    file("notes.txt", Buffer.from("grade by Friday")),
  ]);
  await expect(instructor.getByRole("status").filter({ hasText: "Loaded 2 of 5 files; 3 not loaded" })).toBeVisible();

  const table = instructor.getByRole("table", { name: "Cohort 2026-B: 1 participant" });
  const ada = table.getByRole("row", { name: /Ada Lovelace/ });
  const cell = (column) => ada.getByRole("cell").nth(column);
  // Module 5's 2.1, 2.2, 2.3, then Module 6's, the capstone's score, then interventions.
  await expect(cell(0)).toHaveText("complete");
  await expect(cell(1)).toHaveText("complete");
  await expect(cell(2)).toHaveText("missing");
  await expect(cell(3)).toHaveText("missing");
  await expect(cell(6)).toHaveText("");
  await expect(table.getByRole("columnheader", { name: "Module 6 · 2.3 score" })).toBeVisible();
  await expect(cell(7)).toHaveText("Module 5: the capstone is incomplete: priority support, it validates the module.");
  const refused = instructor.getByRole("region", { name: "Files not loaded (3)" });
  await expect(refused.getByRole("listitem").filter({ hasText: "copy-of-webhook-config.md" })).toContainText("the same answers");
  await expect(refused.getByRole("listitem").filter({ hasText: "cut-off.md" })).toBeVisible();
  await expect(refused.getByRole("listitem").filter({ hasText: "notes.txt" })).toBeVisible();

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
  await expect(instructor.getByRole("table", { name: "Cohort 2026-B: 1 participant" })).toBeVisible();
  await expect(instructor.getByRole("region", { name: "Files not loaded (3)" })).toBeVisible();

  // A folder with the workflow beside a second participant's document and its own.
  const folder = await mkdtemp(join(tmpdir(), "cohort-"));
  await mkdir(join(folder, "ada"));
  await writeFile(join(folder, "ada", "monitoring.yml"), workflow.bytes);
  await writeFile(join(folder, "ada", "webhook-config.md"), webhook.bytes);
  await instructor.getByLabel("A folder of exported files", { exact: true }).setInputFiles(folder);
  await expect(instructor.getByRole("status").filter({ hasText: "Loaded 1 of 2 files; 1 not loaded" })).toBeVisible();

  // The workflow is shown with the deliverable it belongs to.
  await instructor.getByRole("link", { name: "Ada Lovelace" }).click();
  await expect(instructor.getByRole("region", { name: /Module 5 · Exercise 2.2/ })).toContainText(
    /Workflows handed in: \.github\/workflows\/monitoring\.yml \(as generated, from [^)]*ada\/monitoring\.yml\)/,
  );
  await instructor.getByRole("link", { name: "Cohort" }).click();

  const summary = await downloadBytes(instructor, "Download review-summary.csv");
  expect(summary.name).toBe("review-summary.csv");
  const rows = csvRows(summary.bytes);
  expect(rows.length).toBe(2);
  expect(rows[1]).toMatchObject({
    participant: "Ada Lovelace",
    cohort: "2026-B",
    "Module 5 2.1 status": "complete",
    "Module 5 2.2 status": "complete",
    "Module 5 2.3 status": "missing",
    "Module 6 2.3 status": "missing",
    "Module 6 2.3 total (of 20)": "",
    interventions: "Module 5: the capstone is incomplete: priority support, it validates the module.",
  });
  expect(summary.bytes.toString("utf8")).toContain('"Module 5: the capstone is incomplete: priority support, it validates the module."\r\n');
});

/** A CSV file as objects keyed by its header (RFC 4180: quoted fields, doubled quotes, CRLF). */
function csvRows(bytes) {
  const text = bytes.toString("utf8");
  const rows = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") rows.at(-1).push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") rows.at(-1).push(field), (field = ""), rows.push([]), i++;
    else field += c;
  }
  rows.pop();
  const [header, ...body] = rows;
  return [header, ...body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))];
}

test("an instructor scores a capstone on the rubric, moves between participants by keyboard, and downloads the feedback", async ({ page, browser }) => {
  // Two participants' files: Ada's capstone (the expected export of a full Module 6) and
  // Module 5 work exported under two names.
  await page.goto("./module-5/#/profile");
  const name = page.getByRole("textbox", { name: "Your name", exact: true });
  await name.fill("Ada Lovelace");
  await page.getByRole("textbox", { name: "Cohort", exact: true }).fill("2026-B");
  await deploymentStrategy(page);
  const ada = await downloadBytes(page, "Export deployment-design.md");
  const adaWorkflow = await downloadBytes(page, "Export deploy-production.yml");
  // Edited by hand after export: a timeout that is not a number.
  const edited = adaWorkflow.bytes.toString("utf8").replace(/timeout-minutes: \d+/, "timeout-minutes: soon");
  await page.goto("./module-5/#/profile");
  await name.fill("Grace Hopper");
  await page.getByRole("textbox", { name: "Cohort", exact: true }).fill("2026-C");
  await page.goto(EXERCISE("2.1"));
  const grace = await downloadBytes(page, "Export deployment-design.md");
  // The expected proposal, with a placeholder left in its answers.
  const expected = await readFile(new URL("../tests/expected/enterprise-architecture-proposal.md", import.meta.url), "utf8");
  const capstone = Buffer.from(expected.replace('"executive_summary":"', '"executive_summary":"TBD. '));
  const deck = await readFile(new URL("../tests/expected/executive-presentation.md", import.meta.url));

  const instructor = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await instructor.goto("./review/");
  await instructor.getByLabel("Exported files", { exact: true }).setInputFiles([
    file("ada/deployment-design.md", ada.bytes),
    file("ada/deploy-production.yml", Buffer.from(edited)),
    file("grace/deployment-design.md", grace.bytes),
    file("enterprise-architecture-proposal.md", capstone),
    file("executive-presentation.md", deck),
  ]);
  await expect(instructor.getByRole("status").filter({ hasText: "Loaded 5 of 5 files." })).toBeVisible();
  await instructor.getByRole("link", { name: "Ada Lovelace" }).click();

  // The grading page, one participant at a time.
  await expect(instructor.getByRole("heading", { level: 1, name: /^Ada Lovelace/ })).toBeVisible();
  const rubric = instructor.getByRole("region", { name: "Rubric for Exercise 2.3" });
  const criterion = (title) => rubric.getByRole("group", { name: new RegExp(`^${title}`) });
  await expect(criterion("Platform Analysis").getByText(/^Self-check met: Platforms compared/)).toBeVisible();
  await criterion("Platform Analysis").getByRole("checkbox", { name: "Clear recommendation with rationale" }).check();
  await criterion("Platform Analysis").getByRole("radio", { name: "4" }).check();
  await criterion("Security Architecture").getByRole("radio", { name: "3" }).check();
  await criterion("Cost & Operations").getByRole("radio", { name: "4" }).check();
  await expect(rubric.getByRole("status")).toHaveText("3 of 4 criteria scored; certification needs 14 of 20.");
  await criterion("Proposal Quality").getByRole("radio", { name: "2" }).check();
  await expect(rubric.getByRole("status")).toHaveText("Total: 13 of 20: below the 14 needed for certification.");
  await criterion("Proposal Quality").getByRole("radio", { name: "3" }).check();
  await expect(rubric.getByRole("status")).toHaveText("Total: 14 of 20: passes (certification needs 14).");
  // The proposal section by section, each with what the review found and a comment box.
  const capstoneReview = instructor.getByRole("region", { name: /Module 6 · Exercise 2.3/ });
  // The deck the proposal was presented with, read beside it.
  await capstoneReview.getByText("executive-presentation.md as handed in: 13 slides", { exact: false }).click();
  await expect(capstoneReview.locator(".companion pre")).toContainText("# Enterprise AI Architecture Proposal");
  await capstoneReview.getByText("Read enterprise-architecture-proposal.md section by section, with findings and comments").click();
  const security = capstoneReview.getByRole("complementary", { name: "Review of Security architecture" });
  await expect(security.getByText("Every answer given.")).toBeVisible();
  await expect(security.getByText("Scored under: Security Architecture")).toBeVisible();
  // A criterion about the whole document is said once, among the findings, not beside each section.
  await expect(capstoneReview.locator(".findings-list")).toContainText("Placeholder text");
  await expect(capstoneReview.getByRole("complementary").getByText(/No placeholder text/)).toHaveCount(0);
  await security.getByLabel("Comment on Security architecture", { exact: true }).fill("Map each GDPR article to a control, as discussed.");
  await expectNoViolations(instructor, "grading page");

  // J and K between participants, each on their module's grading page (Grace has Module 5
  // work only); back on Ada, the same criterion has focus.
  await criterion("Platform Analysis").getByRole("radio", { name: "4" }).focus();
  await instructor.keyboard.press("j");
  await expect(instructor.getByRole("heading", { level: 1, name: /^Grace Hopper/ })).toBeVisible();
  await expect(instructor).toHaveURL(/\/review\/module-5\/#\/participant\/1$/);
  // Grace's Module 5 comment reuses Ada's, from the cohort's list.
  const graceReview = instructor.getByRole("region", { name: /Module 5 · Exercise 2.1/ });
  await graceReview.getByLabel("Reuse a comment on the deliverable as a whole").selectOption("Map each GDPR article to a control, as discussed.");
  await expect(graceReview.getByLabel("Comment on the deliverable as a whole", { exact: true })).toHaveValue("Map each GDPR article to a control, as discussed.");
  await instructor.keyboard.press("k");
  await expect(instructor.getByRole("heading", { level: 1, name: /^Ada Lovelace/ })).toBeVisible();
  await expect(criterion("Platform Analysis").getByRole("radio", { name: "4" })).toBeFocused();

  // Everything is still there after a reload.
  await instructor.reload();
  await expect(criterion("Proposal Quality").getByRole("radio", { name: "3" })).toBeChecked();
  await expect(criterion("Platform Analysis").getByRole("checkbox", { name: "Clear recommendation with rationale" })).toBeChecked();
  const feedback = await downloadBytes(instructor, "Download feedback-ada-lovelace.md");
  const text = feedback.bytes.toString("utf8");
  expect(text).toContain("# Feedback: Ada Lovelace");
  expect(text).toContain("| Platform Analysis | 4 of 5 |");
  expect(text).toContain("| **Total** | **14 of 20** |");
  expect(text).toContain("Passed (certification needs 14 of 20).");
  expect(text).toContain("**Security architecture:**\n\nMap each GDPR article to a control, as discussed.");

  // Ada's Module 5 work is graded on Module 5's page, one link away.
  await instructor.getByRole("link", { name: "grade their Module 5 work" }).click();
  await expect(instructor).toHaveURL(/\/review\/module-5\/#\/participant\/0$/);
  await expect(instructor.getByRole("link", { name: "grade their Module 6 work" })).toBeVisible();
  // Ada's workflow, edited by hand: flagged, readable, and checked by actionlint on request.
  const adaDeployment = instructor.getByRole("region", { name: /Module 5 · Exercise 2.1/ });
  await expect(adaDeployment.getByText(".github/workflows/deploy-production.yml was edited by hand after export (ada/deploy-production.yml)")).toBeVisible();
  await adaDeployment.getByText(".github/workflows/deploy-production.yml as handed in (edited by hand)").click();
  await adaDeployment.getByRole("button", { name: "Check with actionlint" }).click();
  const line = edited.split("\n").findIndex((l) => l.includes("timeout-minutes: soon")) + 1;
  await expect(adaDeployment.locator(".edited-workflow").getByRole("status")).toContainText(`Line ${line}, column`, { timeout: 15_000 });

  await instructor.getByRole("link", { name: "Cohort" }).click();
  // The table says which cohorts it mixes, and the capstone's score once graded.
  const cohortTable = instructor.getByRole("table", { name: "2 participants in 2 cohorts: 2026-B, 2026-C" });
  await expect(cohortTable.getByRole("row", { name: /Ada Lovelace/ }).getByRole("cell").nth(6)).toHaveText("14 of 20 · certified");
  await expect(cohortTable.getByRole("row", { name: /Grace Hopper/ }).getByRole("cell").nth(6)).toHaveText("");
  const summary = csvRows((await downloadBytes(instructor, "Download review-summary.csv")).bytes);
  expect(summary[1]).toMatchObject({
    participant: "Ada Lovelace",
    "Module 6 2.3 status": "complete",
    "Module 6 2.3 Platform Analysis (of 5)": "4",
    "Module 6 2.3 total (of 20)": "14",
    "Module 6 2.3 certified (needs 14 of 20)": "yes",
  });
  expect(summary[2]).toMatchObject({ participant: "Grace Hopper", "Module 6 2.3 total (of 20)": "" });

  // The review's own backup, restored in another browser: files, scores and comments.
  const backup = await downloadBytes(instructor, "Download a backup of this review");
  expect(backup.name).toMatch(/^review-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto("./review/");
  await elsewhere.getByLabel("Exported files", { exact: true }).setInputFiles([file(backup.name, backup.bytes)]);
  await expect(elsewhere.getByRole("status").filter({ hasText: /^Restored the review saved .* from “review-backup-/ })).toBeVisible();
  await expect(elsewhere.getByRole("table", { name: "2 participants in 2 cohorts: 2026-B, 2026-C" })).toBeVisible();
  await elsewhere.getByRole("link", { name: "Ada Lovelace" }).click();
  await expect(elsewhere.getByRole("region", { name: "Rubric for Exercise 2.3" }).getByRole("status")).toHaveText("Total: 14 of 20: passes (certification needs 14).");
});

// The review's files are in IndexedDB: a cohort far past what localStorage holds (about
// 200 capstones) is saved, and is there after a reload.
test("a cohort of 1,000 capstones is loaded, saved, and still there after a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const capstone = await readFile(new URL("../tests/expected/enterprise-architecture-proposal.md", import.meta.url), "utf8");
  // Chosen from a folder, as an instructor does: 1,000 full capstones are more than
  // Playwright hands a page in memory (50 MB).
  const folder = await mkdtemp(join(tmpdir(), "cohort-"));
  const files = [];
  for (let n = 0; n < 1000; n++) {
    const path = join(folder, `enterprise-architecture-proposal (${n}).md`);
    await writeFile(path, capstone.replaceAll("Ada Lovelace", `Participant ${n}`));
    files.push(path);
  }
  await page.goto("./review/");
  await page.getByLabel("Exported files", { exact: true }).setInputFiles(files);
  await expect(page.getByRole("status").filter({ hasText: "Loaded 1000 of 1000 files." })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Cohort 2026-B: 1000 participants" })).toBeVisible();
  // Written off the page's thread after "Loaded": wait until the browser has it.
  await expect.poll(() => page.evaluate(savedReviewFiles), { timeout: 60_000 }).toBeGreaterThan(20_000_000);
  expect(await page.evaluate(() => localStorage.getItem("workbook-review")), "nothing in localStorage's 5 MB").toBeNull();
  await page.reload();
  await expect(page.getByRole("table", { name: "Cohort 2026-B: 1000 participants" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("row", { name: /Participant 999\b/ })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await rm(folder, { recursive: true });
});

// Files are read only once every size is known: one over the import limit is refused from
// its size, unread, and listed with the reason, and the files beside it load.
test("a file over the import limit is refused from its size, and the files beside it load", async ({ page }) => {
  const capstone = await readFile(new URL("../tests/expected/enterprise-architecture-proposal.md", import.meta.url), "utf8");
  const folder = await mkdtemp(join(tmpdir(), "review-limit-"));
  const proposal = join(folder, "enterprise-architecture-proposal.md");
  const huge = join(folder, "huge.md");
  await writeFile(proposal, capstone);
  // Just over the limit: the largest export of the largest workbook a browser stores is 154 MB.
  await writeFile(huge, Buffer.alloc(154 * 1024 * 1024 + 10, "a"));
  await page.goto("./review/");
  await page.getByLabel("Exported files", { exact: true }).setInputFiles([huge, proposal]);
  await expect(page.getByRole("status").filter({ hasText: "Loaded 1 of 2 files; 1 not loaded" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Cohort 2026-B: 1 participant" })).toBeVisible();
  const refused = page.getByRole("region", { name: "Files not loaded (1)" });
  await expect(refused.getByRole("listitem").filter({ hasText: "huge.md" })).toContainText(
    "it is just over 154 MB, the largest file the Workbook imports",
  );
  await rm(folder, { recursive: true });
});
