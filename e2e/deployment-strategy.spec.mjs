// A participant works through Module 6 Exercise 2.1 as a person would: by label, by
// keyboard, across reloads, and downloads the deliverable.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";

const EXERCISE = "./#/exercise/m6-2.1";

// What the participant types, by the label they see. Radios are answered by their group.
const PROFILE = { "Your name": "Ada Lovelace", Cohort: "2026-B", "Client or scenario name": "Northwind Insurance" };
const SECTIONS = [
  {
    step: "Scenario",
    text: {
      "Client / scenario summary": "Northwind Insurance rolls out an AI claims assistant.\n# not a heading | not a cell <b>not bold</b>",
      "Expected users": "2000",
      "Expected requests per day": "150,000",
    },
  },
  {
    step: "Hosting model",
    choices: {
      "Do regulations prohibit cloud AI for this client's data?": "No",
      "Is usage above 10M requests per day?": "No",
      "Does the client have ops expertise for self-hosted infrastructure?": "Yes",
      "Chosen hosting model": "Hybrid",
    },
    text: { "Why this hosting model": "Claims documents stay in the EU data centre; only redacted text goes to the cloud model." },
  },
  {
    step: "Auto-scaling configuration",
    text: {
      "Minimum instances": "2",
      "Maximum hourly budget": "100",
      "Cost per instance-hour": "2",
      "Maximum instances": "50",
      "Requests per second Threshold": "100",
      "Tokens per minute Threshold": "72000",
      "Queue depth Threshold": "50",
      "Tokens per minute Why this value": "80% of quota",
      "Scale-out delay": "60",
      "Scale-in delay": "300",
      "Health probe": "GET /health every 30 s with a 1-token prompt",
    },
    choices: {
      "Session affinity for multi-turn conversations": "External session store",
      "Does the health probe check AI API connectivity?": "Yes",
    },
  },
  {
    step: "Rollout phases",
    text: {
      "Phase 1 Success criteria": "P95 < 5 s",
      "Phase 1 Go/no-go rule": "Go after 2 good weeks",
      "Phase 2 Success criteria": "Error rate < 1%",
      "Phase 2 Go/no-go rule": "Go when tickets fall",
      "Phase 3 Success criteria": "SLOs met monthly",
      "Phase 3 Go/no-go rule": "Review quarterly",
    },
  },
  {
    step: "Migration strategy",
    choices: { "Migration approach": "Feature flags" },
    text: { "Why this approach": "Switch per team; off in seconds." },
  },
  {
    step: "Rollback plan",
    text: {
      "Rollback triggers": "Error rate above 5% for 5 minutes",
      "Step-by-step procedure": "1. Flag off\n2. Redeploy previous release",
      "How and when rollback is tested in staging": "Every release candidate, in staging",
      "Who decides to roll back": "On-call engineering lead",
    },
  },
];

// Controls by their accessible name: what a screen reader announces for the label.
const field = (page, label) => page.getByRole("textbox", { name: label, exact: true });
// The section being edited (the preview beside it repeats headings and texts).
const form = (page) => page.locator(".section-pane");
const choiceGroup = (page, legend) => page.getByRole("group", { name: legend, exact: true });
const step = (page, title) => page.getByRole("button", { name: new RegExp(`^\\d+\\. ${title}`) });

async function fillProfile(page) {
  await page.goto("./#/profile");
  for (const [label, value] of Object.entries(PROFILE)) await field(page, label).fill(value);
}

async function fillExercise(page) {
  await page.goto(EXERCISE);
  for (const section of SECTIONS) {
    await step(page, section.step).click();
    await expect(form(page).getByRole("heading", { level: 2, name: new RegExp(section.step) })).toBeVisible();
    for (const [legend, option] of Object.entries(section.choices ?? {})) {
      await choiceGroup(page, legend).getByLabel(new RegExp(`^${option}`)).check();
    }
    for (const [label, value] of Object.entries(section.text ?? {})) await field(page, label).fill(value);
  }
}

async function expectEverythingAsTyped(page) {
  await page.goto("./#/profile");
  for (const [label, value] of Object.entries(PROFILE)) await expect(field(page, label)).toHaveValue(value);
  await page.goto(EXERCISE);
  for (const section of SECTIONS) {
    await step(page, section.step).click();
    for (const [legend, option] of Object.entries(section.choices ?? {})) {
      await expect(choiceGroup(page, legend).getByLabel(new RegExp(`^${option}`))).toBeChecked();
    }
    for (const [label, value] of Object.entries(section.text ?? {})) await expect(field(page, label)).toHaveValue(value);
  }
}

async function waitForSave(page) {
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
}

test("home lists both modules, their exercises and times, Module 5 on a page of its own", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 homework" })).toBeVisible();
  const module5 = page.getByRole("region", { name: "Module 5: Advanced DevOps Patterns" });
  const module6 = page.getByRole("region", { name: "Module 6: Production Deployment & Operations" });
  await expect(module5.getByRole("listitem")).toHaveCount(3);
  await expect(module6.getByRole("listitem")).toHaveCount(3);
  for (const [exercise, minutes] of [["2.1", 30], ["2.2", 25], ["2.3", 20]]) {
    await expect(module5.getByRole("listitem").filter({ hasText: `Exercise ${exercise}` })).toContainText(`${minutes} min`);
  }
  await expect(module6).toContainText("75 min of homework in total");
  // Module 5 is its own download: linked, opening on its page.
  await expect(module5.getByText("Opens the Module 5 workbook, a page of its own.")).toHaveCount(3);
  // The capstone too, on its own page beside 2.1 and 2.2's.
  await expect(module6.getByText("Opens on a page of its own.")).toHaveCount(1);
  await expect(module6.getByRole("link", { name: "Exercise 2.3 · Capstone: Enterprise Architecture Proposal" })).toHaveAttribute("href", "capstone/#/exercise/m6-2.3");
  await expect(module5.getByRole("link", { name: "Exercise 2.2 · Monitoring & Alerting" })).toHaveAttribute("href", "module-5/#/exercise/m5-2.2");
  await expect(module6.getByRole("link", { name: "Exercise 2.3 · Capstone: Enterprise Architecture Proposal" })).toBeVisible();
  await expect(module6.getByRole("link", { name: "Exercise 2.1 · Deployment Strategy" })).toBeVisible();
  await expect(module6.getByText("0% · 0 of 25 answers")).toBeVisible();
  await expect(page.getByRole("link", { name: "Fill in your profile" })).toBeVisible();
});

test("every answer survives a reload, with the section the participant was on", async ({ page }) => {
  await fillProfile(page);
  await fillExercise(page);
  await waitForSave(page);
  await expect(page.getByText("100% complete · 25 of 25 answers")).toBeVisible();
  await expect(page.getByText("9 of 9 success criteria met", { exact: true })).toBeVisible();

  await page.reload();
  await expect(form(page).getByRole("heading", { level: 2, name: "6. Rollback plan" })).toBeVisible();
  await expect(field(page, "Who decides to roll back")).toHaveValue("On-call engineering lead");
  await expectEverythingAsTyped(page);

  await page.goto("./");
  await expect(page.getByText("100% · 25 of 25 answers")).toBeVisible();
  await expect(page.getByRole("link", { name: "Fill in your profile" })).toHaveCount(0);
});

test("the app derives the hosting suggestion, max instances and scaling JSON from the answers", async ({ page }) => {
  await page.goto(EXERCISE);
  await step(page, "Hosting model").click();
  await expect(form(page).getByText("Answer the three questions above to see a suggestion.")).toBeVisible();
  await choiceGroup(page, "Do regulations prohibit cloud AI for this client's data?").getByLabel("Yes").check();
  await choiceGroup(page, "Is usage above 10M requests per day?").getByLabel("No").check();
  await choiceGroup(page, "Does the client have ops expertise for self-hosted infrastructure?").getByLabel("No").check();
  await expect(form(page).getByText(/^On-premises, but the client lacks ops expertise/)).toBeVisible();

  await step(page, "Auto-scaling configuration").click();
  await field(page, "Maximum hourly budget").fill("$100");
  await field(page, "Cost per instance-hour").fill("2");
  await expect(form(page).getByText("50 instances ($100 per hour ÷ $2 per instance-hour)")).toBeVisible();
  // Money typed with and without its sign reads the same way in the preview.
  const preview = page.getByRole("complementary", { name: "Preview of deployment-strategy.md" });
  await expect(preview.getByRole("row", { name: "Maximum hourly budget ($/hour) $100", exact: true })).toBeVisible();
  await expect(preview.getByRole("row", { name: "Cost per instance-hour ($/instance-hour) $2", exact: true })).toBeVisible();
  await field(page, "Minimum instances").fill("lots");
  await expect(form(page).getByText("“lots” is not a number. It is kept and exported exactly as you typed it.")).toBeVisible();
  await field(page, "Minimum instances").fill("3");
  await field(page, "Tokens per minute Threshold").fill("72000");
  const json = JSON.parse(await page.locator("pre.code").innerText());
  expect(json.scaling.min_instances).toBe(3);
  expect(json.scaling.triggers).toEqual([{ type: "tokens_per_minute", threshold: 72000 }]);
});

test("export downloads deployment-strategy.md with every answer and the embedded copy", async ({ page }) => {
  await fillProfile(page);
  await fillExercise(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export deployment-strategy.md" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("deployment-strategy.md");
  await expect(page.getByText("Downloaded deployment-strategy.md.")).toBeVisible();
  const text = await readFile(await download.path(), "utf8");

  expect(text.startsWith("# Deployment Strategy: Northwind Insurance\n")).toBe(true);
  expect(text).toContain("- **Participant:** Ada Lovelace");
  expect(text).toMatch(/- \*\*Exported:\*\* \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const headings = text.split("\n").filter((l) => l.startsWith("## "));
  expect(headings).toEqual([
    "## 1. Scenario", "## 2. Hosting model", "## 3. Auto-scaling configuration", "## 4. Rollout phases",
    "## 5. Migration strategy", "## 6. Rollback plan", "## Self-check",
  ]);
  // Typed markdown and HTML are escaped, so they show as typed and cannot add structure.
  expect(text).toContain("\\# not a heading \\| not a cell \\<b\\>not bold\\</b\\>");
  expect(text).toContain("| Pilot | 10 | 4-6 weeks | P95 \\< 5 s | Go after 2 good weeks |");
  expect(text).toContain('"type": "tokens_per_minute",\n        "threshold": 72000');
  expect(text).toContain("9 of 9 success criteria met.");
  expect(text).not.toContain("_Not answered_");

  const json = text.slice(text.lastIndexOf("<!-- workbook-answers")).split("\n").slice(1).join("\n").replace(/-->\s*$/, "");
  const embedded = JSON.parse(json);
  expect(embedded).toMatchObject({ format: "workbook-answers", version: 2, exercise: "m6-2.1", profile: { name: "Ada Lovelace" } });
  for (const section of SECTIONS) {
    for (const [label, value] of Object.entries(section.text ?? {})) {
      const stored = JSON.stringify(embedded.answers.values);
      expect(stored, `${label} is in the embedded answers`).toContain(JSON.stringify(value).slice(1, -1));
    }
  }
});

test("an empty exercise exports with visible 'not answered' markers", async ({ page }) => {
  await page.goto(EXERCISE);
  await expect(page.getByText("Your name is missing from your")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export deployment-strategy.md" }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  expect(text).toContain("- **Participant:** _Not answered_");
  expect(text).toContain("| Expected users | _Not answered_ |");
  expect(text).toContain("0 of 9 success criteria met.");
});

test("the live preview follows the answers and shows typed HTML as text", async ({ page }) => {
  await page.goto(EXERCISE);
  const preview = page.getByRole("complementary", { name: "Preview of deployment-strategy.md" });
  await field(page, "Client / scenario summary").fill("<img src=x onerror=alert(1)> **not bold**");
  await expect(preview.getByText("<img src=x onerror=alert(1)> **not bold**")).toBeVisible();
  await expect(preview.locator("img")).toHaveCount(0);
  await expect(preview.locator("strong").filter({ hasText: "not bold" })).toHaveCount(0);
});

test("a participant can do it all by keyboard", async ({ page }) => {
  await page.goto("./#/profile");
  await field(page, "Your name").focus();
  await page.keyboard.type("Grace Hopper");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2026-C");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Contoso Bank");
  await expect(field(page, "Client or scenario name")).toHaveValue("Contoso Bank");

  await page.goto(EXERCISE);
  await field(page, "Expected requests per day").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Next: Hosting model →" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form(page).getByRole("heading", { level: 2, name: "2. Hosting model" })).toBeFocused();
  // Radio groups: Tab into the group, arrows to choose.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Yes").first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(choiceGroup(page, "Do regulations prohibit cloud AI for this client's data?").getByLabel("No")).toBeChecked();

  // Reordering phases keeps focus on the moved phase.
  await step(page, "Rollout phases").click();
  await page.getByRole("button", { name: "Move phase 2 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(field(page, "Phase 1 Phase")).toHaveValue("Limited");
  await expect(page.getByRole("button", { name: "Move phase 1 down" })).toBeFocused();
});

test("phases can be added, reordered and removed, with a question before losing text", async ({ page }) => {
  await page.goto(EXERCISE);
  await step(page, "Rollout phases").click();
  await page.getByRole("button", { name: "Add phase" }).click();
  await expect(field(page, "Phase 4 Phase")).toBeFocused();
  await page.keyboard.type("Hypercare");
  await page.getByRole("button", { name: "Move phase 4 up" }).click();
  await expect(field(page, "Phase 3 Phase")).toHaveValue("Hypercare");
  await expect(field(page, "Phase 4 Phase")).toHaveValue("General availability");

  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Remove phase 3" }).click();
  await expect(field(page, "Phase 3 Phase")).toHaveValue("Hypercare");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Remove phase 3" }).click();
  await expect(field(page, "Phase 3 Phase")).toHaveValue("General availability");
  await expect(field(page, "Phase 4 Phase")).toHaveCount(0);
  await waitForSave(page);
  await page.reload();
  await expect(field(page, "Phase 3 Phase")).toHaveValue("General availability");
});

test("typing and closing at once still saves: the page flushes when it goes away", async ({ page, context }) => {
  await page.goto(EXERCISE);
  await field(page, "Client / scenario summary").fill("typed just before closing");
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(EXERCISE);
  await expect(field(again, "Client / scenario summary")).toHaveValue("typed just before closing");
});

test("exercise URLs survive a reload; another module's exercise opens on its page; unknown pages say so", async ({ page }) => {
  await page.goto(EXERCISE);
  await expect(page).toHaveTitle("Exercise 2.1 · Deployment Strategy · Session 2 Workbook");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Exercise 2.1 · Deployment Strategy" })).toBeVisible();
  await page.goto("./#/exercise/m5-2.3");
  await expect(page.getByRole("heading", { level: 1, name: "Exercise 2.3 · Capstone: Complete CI/CD Pipeline" })).toBeVisible();
  expect(page.url()).toContain("/module-5/#/exercise/m5-2.3");
  await page.goto("./#/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Session 2 Workbook");
  await page.getByRole("link", { name: "Go to the list of exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 homework" })).toBeVisible();
  await expect(page).toHaveTitle("Session 2 homework · Session 2 Workbook");
});

test("the save state is visible: saving while a change waits, saved once it is stored", async ({ page }) => {
  // "Saving…" lasts the 300 ms between a change and its save: too short to poll for on a
  // busy machine. A paused clock holds the page in that state until the test moves time on.
  await page.clock.install();
  await page.goto(EXERCISE);
  const status = page.getByRole("status").filter({ hasText: /Sav/ });
  await expect(status).toHaveText("Saved in this browser");
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await field(page, "Client / scenario summary").fill("a change to save");
  await expect(status).toHaveText("Saving…");
  expect(await page.evaluate(() => localStorage.getItem("workbook") ?? "")).not.toContain("a change to save");
  await page.clock.runFor(300);
  await expect(status).toHaveText("Saved in this browser");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("workbook")));
  expect(stored.exercises["m6-2.1"].values.scenario_summary).toBe("a change to save");
});
