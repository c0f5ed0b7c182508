// Module 6 Exercise 2.2 used as a participant does: the 2.1 scaling configuration shows up
// without retyping, every kind of answer is filled by its label, it survives a reload, and
// the exported operations-runbook.md holds it all.
import { test, expect } from "@playwright/test";
import { expectNoViolations } from "./axe.mjs";
import { box, download, fillAll, pane, section } from "./form.mjs";

test("a participant writes the operations runbook, reusing the 2.1 scaling configuration", async ({ page }) => {
  // Exercise 2.1's scaling answers, typed once there.
  await page.goto("./#/exercise/m6-2.1");
  await page.getByRole("button", { name: /^3\. Auto-scaling/ }).click();
  await box(page, "Minimum instances").fill("2");
  await box(page, "Maximum instances").fill("50");

  await page.goto("./#/exercise/m6-2.2");
  await expect(page).toHaveTitle("Exercise 2.2 · Operations Runbook · Session 2 Workbook");
  await box(page, "Metrics Tool").fill("Prometheus");
  await box(page, "Metrics What it covers").fill("Latency, tokens per minute, cost per request");
  for (const pillar of ["Logs", "Traces", "Dashboards", "Alerting"]) await box(page, `${pillar} Tool`).fill(`${pillar} tool`);
  await expectNoViolations(page, "2.2 observability");

  await section(page, "AI-specific metrics").click();
  // Prefilled with the guide's alerts.
  await expect(box(page, "Metric 1 Metric")).toHaveValue("P95 latency");
  await expect(box(page, "Metric 1 Alert threshold")).toHaveValue("> 10 s");
  await box(page, "Metric 1 Severity").fill("SEV2");
  await box(page, "Metric 1 Who is paged").fill("Primary on-call");

  await section(page, "Logging").click();
  await fillAll(page, {
    "What is logged": "Sanitized prompt and response, token counts, model version, trace ID",
    "PII redaction before logging": "Masked by a logging middleware before writing",
    "Audit-log retention": "7 years",
  });

  await section(page, "Incident response").click();
  await box(page, "1. Detect Our concrete actions").fill("Alertmanager pages on the thresholds");
  await box(page, "AI-specific triage").fill("Provider status page first: AI API or infrastructure?");
  await pane(page).getByRole("checkbox", { name: /^Circuit breaker/ }).check();
  await pane(page).getByRole("checkbox", { name: /^Disable the feature/ }).check();
  await expectNoViolations(page, "2.2 incident response");

  await section(page, "Scaling and capacity").click();
  const reference = pane(page).getByRole("region", { name: "Scaling configuration (from Exercise 2.1)" });
  await expect(reference.getByRole("row", { name: /Maximum instances/ })).toContainText("50");
  await expect(reference.getByRole("row", { name: /Minimum instances/ })).toContainText("2");
  await expect(reference.getByRole("row", { name: /Maximum instances/ }).getByRole("textbox")).toHaveCount(0);
  await box(page, "How on-call watches capacity").fill("Alert at max instances for 10 minutes");
  await expectNoViolations(page, "2.2 capacity");

  await section(page, "On-call").click();
  await box(page, "Role 1 Who").fill("Platform rota");
  await box(page, "Role 1 Contact").fill("<pager alias>");
  await expect(box(page, "Severity level 1 Level")).toHaveValue("SEV1");
  await box(page, "Severity level 1 Definition").fill("The AI feature is down, or data is exposed");
  await box(page, "Severity level 1 Response time").fill("15 minutes");

  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.reload();
  await expect(box(page, "Role 1 Contact")).toHaveValue("<pager alias>");
  await section(page, "Incident response").click();
  await expect(pane(page).getByRole("checkbox", { name: /^Circuit breaker/ })).toBeChecked();
  await expect(pane(page).getByRole("checkbox", { name: /^Fallback to a simpler model/ })).not.toBeChecked();
  await expect(pane(page).getByRole("checkbox", { name: /^Disable the feature/ })).toBeChecked();

  // A change in 2.1 shows up here, through the link the reference offers.
  await section(page, "Scaling and capacity").click();
  await pane(page).getByRole("link", { name: "Change these in Exercise 2.1 · Deployment Strategy" }).click();
  await expect(page).toHaveURL(/#\/exercise\/m6-2\.1$/);
  await box(page, "Maximum instances").fill("60");
  await page.goBack();
  await expect(pane(page).getByRole("region", { name: "Scaling configuration (from Exercise 2.1)" })).toContainText("60");

  const text = await download(page, "operations-runbook.md");
  expect(text).toContain("# Operations Runbook");
  expect(text).toContain("| Metrics | Prometheus | Latency, tokens per minute, cost per request |");
  expect(text).toContain("| P95 latency | \\< 5 s | \\> 10 s | SEV2 | Primary on-call |");
  expect(text).toContain("### Containment options ready to use\n\n- Circuit breaker\n- Disable the feature\n");
  expect(text).toContain("_From Exercise 2.1 (deployment-strategy.md):_");
  expect(text).toContain("| Maximum instances | 60 |");
  expect(text).toContain("| Primary on-call | Platform rota | \\<pager alias\\> |");
  expect(text).toContain("| SEV1 | The AI feature is down, or data is exposed | 15 minutes |");
  expect(text).toContain("<!-- workbook-answers");
});
