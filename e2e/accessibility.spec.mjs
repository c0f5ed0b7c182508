// axe-core scans every kind of page and every section of the exercise; any violation fails.
import { test, expect } from "@playwright/test";
import { expectNoViolations } from "./axe.mjs";

test("home, profile, a Module 5 exercise and the not-found page have no axe violations", async ({ page }) => {
  for (const [hash, heading] of [
    ["#/", "Session 2 homework"],
    ["#/profile", "Your profile"],
    ["#/exercise/m5-2.1", "Exercise 2.1 · Deployment Strategy"],
    ["#/nowhere", "Page not found"],
  ]) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoViolations(page, hash);
  }
});

test("every section of Exercise 2.1 has no axe violations, empty and answered", async ({ page }) => {
  await page.goto("./#/exercise/m6-2.1");
  const steps = page.getByRole("navigation", { name: "Sections" }).or(page.getByRole("complementary", { name: "Sections" })).getByRole("button");
  // count() does not wait: the app may still be starting behind the form shell.
  await expect(steps).toHaveCount(6);
  const count = await steps.count();
  for (let i = 0; i < count; i++) {
    await steps.nth(i).click();
    await expectNoViolations(page, `section ${i + 1}, empty`);
  }
  // Answered state: suggestion, warnings and the JSON block are on screen.
  await steps.nth(2).click();
  await page.getByRole("textbox", { name: "Minimum instances", exact: true }).fill("not a number");
  await page.getByRole("textbox", { name: "Maximum hourly budget", exact: true }).fill("100");
  await page.getByRole("textbox", { name: "Cost per instance-hour", exact: true }).fill("2");
  await expect(page.locator(".section-pane").getByText("50 instances")).toBeVisible();
  await expectNoViolations(page, "auto-scaling, answered");
});
