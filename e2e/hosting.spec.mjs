// The release build works from a static host under a sub-path, as on GitHub Pages.
import { test, expect } from "@playwright/test";
import { serve } from "./serve.mjs";

test("the app loads, navigates and reloads under a sub-path", async ({ page }) => {
  const server = await serve("dist", 0, "/course/workbook/");
  try {
    const base = `http://127.0.0.1:${server.address().port}/course/workbook/`;
    await page.goto(base);
    await expect(page.getByRole("heading", { level: 1, name: "Session 2 homework" })).toBeVisible();
    await page.getByRole("region", { name: "Module 6: Production Deployment & Operations" }).getByRole("link", { name: "Exercise 2.1 · Deployment Strategy" }).click();
    await expect(page).toHaveURL(`${base}#/exercise/m6-2.1`);
    await page.getByRole("textbox", { name: "Client / scenario summary" }).fill("Under a sub-path");
    await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Client / scenario summary" })).toHaveValue("Under a sub-path");
  } finally {
    server.close();
  }
});
