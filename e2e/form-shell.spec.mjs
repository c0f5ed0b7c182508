// The form shell (src/render/shell.rs): the exercise pages of Module 6 and Module 5 show
// their first fields from the page's HTML, before the app's wasm has arrived. What is typed
// there before the app starts is never lost: the app takes it over, saves it, and the caret
// stays put.
import { test, expect } from "@playwright/test";

const EXERCISE = "./#/exercise/m6-2.1";
// A service worker would serve the wasm from its cache, past the route that holds it back.
test.use({ serviceWorkers: "block" });

/** Holds every request for the app's wasm until `release` is called. */
async function holdTheWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/workbook-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Where each element named is, and how big, to the pixel. */
function boxesOf(page, ids) {
  return page.evaluate((ids) => ids.map((id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    return `${id}: ${[box.x, box.y, box.width, box.height].map(Math.round).join(", ")}`;
  }), ids);
}

test("keystrokes typed before the app starts are kept, saved and survive a reload", async ({ page }) => {
  const release = await holdTheWasm(page);
  await page.goto(EXERCISE);
  // The shell: labelled as the app labels it, and typed into while the wasm is held back.
  const shellSummary = page.locator("#form-shell").getByLabel("Client / scenario summary");
  await expect(shellSummary).toBeVisible();
  await expect(page.locator("#form-shell").getByRole("status")).toHaveText("Starting the workbook…");
  await shellSummary.click();
  await page.keyboard.type("Typed before the app");
  await page.locator("#form-shell").getByLabel("Expected users").fill("2000");
  await shellSummary.click();
  await page.keyboard.press("End");
  await expect(page.locator(".app-header .brand")).not.toHaveAttribute("href");

  release();
  // The app replaces the shell, with what was typed, and the caret in the same field.
  await expect(page.locator("#form-shell")).toHaveCount(0);
  const summary = page.locator(".section-pane").getByRole("textbox", { name: "Client / scenario summary", exact: true });
  await expect(summary).toHaveValue("Typed before the app");
  await expect(summary).toBeFocused();
  await page.keyboard.type(", and after");
  await expect(summary).toHaveValue("Typed before the app, and after");
  await expect(page.locator(".section-pane").getByRole("textbox", { name: "Expected users" })).toHaveValue("2000");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

  await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  await page.reload();
  await expect(summary).toHaveValue("Typed before the app, and after");
  await expect(page.locator(".section-pane").getByRole("textbox", { name: "Expected users" })).toHaveValue("2000");
});

test("what is typed in the shell is kept when the page closes before the app starts", async ({ context }) => {
  const page = await context.newPage();
  const release = await holdTheWasm(page);
  await page.goto(EXERCISE);
  await page.locator("#form-shell").getByLabel("Client / scenario summary").fill("Typed, then the tab closed");
  await page.close();
  release();

  const again = await context.newPage();
  const releaseAgain = await holdTheWasm(again);
  await again.goto(EXERCISE);
  // Shown in the shell before the app starts, then taken over and saved by the app.
  await expect(again.locator("#form-shell").getByLabel("Client / scenario summary")).toHaveValue("Typed, then the tab closed");
  releaseAgain();
  await expect(again.locator("#form-shell")).toHaveCount(0);
  const summary = again.locator(".section-pane").getByRole("textbox", { name: "Client / scenario summary", exact: true });
  await expect(summary).toHaveValue("Typed, then the tab closed");
  await expect.poll(() => again.evaluate(() => localStorage.getItem("workbook-shell-edits"))).toBeNull();
  await expect.poll(() => again.evaluate(() => JSON.parse(localStorage.getItem("workbook")).exercises["m6-2.1"].values.scenario_summary)).toBe("Typed, then the tab closed");
  await again.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  await again.reload();
  await expect(summary).toHaveValue("Typed, then the tab closed");
});

test("the shell shows the answers stored in this browser, and untouched it changes nothing", async ({ page }) => {
  await page.goto(EXERCISE);
  const summary = page.locator(".section-pane").getByRole("textbox", { name: "Client / scenario summary", exact: true });
  await summary.fill("Stored earlier");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

  const release = await holdTheWasm(page);
  await page.reload();
  await expect(page.locator("#form-shell").getByLabel("Client / scenario summary")).toHaveValue("Stored earlier");
  release();
  await expect(page.locator("#form-shell")).toHaveCount(0);
  await expect(summary).toHaveValue("Stored earlier");
  // Pages without a shell (the home page) show none.
  await page.goto("./#/");
  await expect(page.locator("#form-shell")).toHaveCount(0);
});

test("Module 5's shell: a strategy chosen and its reasons typed before the app starts are kept, and shown by the next shell", async ({ page }) => {
  const release = await holdTheWasm(page);
  await page.goto("./module-5/#/exercise/m5-2.1");
  const shell = page.locator("#form-shell");
  await expect(shell.getByRole("heading", { name: "Exercise 2.1 · Deployment Strategy" })).toBeVisible();
  // The choice comes first, as in the app: a radio per strategy.
  await shell.getByRole("radio", { name: /^Canary/ }).check();
  await shell.getByLabel("Why this strategy").fill("Typed before the app");

  release();
  await expect(shell).toHaveCount(0);
  const pane = page.locator(".section-pane");
  await expect(pane.getByRole("radio", { name: /^Canary/ })).toBeChecked();
  const why = pane.getByRole("textbox", { name: "Why this strategy" });
  await expect(why).toHaveValue("Typed before the app");
  await expect(why).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

  // Stored, the answers fill the next shell, the strategy checked; the app agrees.
  await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  const releaseAgain = await holdTheWasm(page);
  await page.reload();
  await expect(shell.getByRole("radio", { name: /^Canary/ })).toBeChecked();
  await expect(shell.getByRole("radio", { name: /^Blue-green/ })).not.toBeChecked();
  await expect(shell.getByLabel("Why this strategy")).toHaveValue("Typed before the app");
  releaseAgain();
  await expect(shell).toHaveCount(0);
  await expect(pane.getByRole("radio", { name: /^Canary/ })).toBeChecked();
  await expect(why).toHaveValue("Typed before the app");
});

test("Module 5's 2.3: a language chosen before the app starts is kept, and the app drafts its commands", async ({ page }) => {
  const release = await holdTheWasm(page);
  await page.goto("./module-5/#/exercise/m5-2.3");
  const shell = page.locator("#form-shell");
  await shell.getByRole("group", { name: "Language" }).getByRole("radio", { name: "Go" }).check();
  release();
  await expect(shell).toHaveCount(0);
  const pane = page.locator(".section-pane");
  const go = pane.getByRole("group", { name: "Language" }).getByRole("radio", { name: "Go" });
  await expect(go).toBeChecked();
  await expect(go).toBeFocused();
  await expect(pane.getByRole("textbox", { name: "Install command" })).toHaveValue("go mod download");
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  await page.reload();
  await expect(go).toBeChecked();
});

test("a participant who left the exercise at another section finds that section's shell: the app opens where they were", async ({ page }) => {
  await page.goto(EXERCISE);
  await page.getByRole("button", { name: /^Next: / }).click();
  const pane = page.locator(".section-pane");
  await expect(pane.getByRole("heading", { level: 2, name: "2. Hosting model" })).toBeVisible();
  const lastSection = () => page.evaluate(() => JSON.parse(localStorage.getItem("workbook") ?? "{}").last_sections?.["m6-2.1"]);
  await expect.poll(lastSection).toBe("hosting");

  const release = await holdTheWasm(page);
  await page.reload();
  // The second section's shell, its questions where the app draws them; one answered.
  const shell = page.locator("#form-shell");
  await expect(shell.getByRole("heading", { level: 2, name: "2. Hosting model" })).toBeVisible();
  const ids = ["field-q_regulation-yes", "field-q_volume-no", "field-q_ops-yes"];
  const inShell = await boxesOf(page, ids);
  const volume = (within) => within.getByRole("group", { name: "Is usage above 10M requests per day?" }).getByRole("radio", { name: "Yes" });
  await volume(shell).check();
  release();
  await expect(shell).toHaveCount(0);
  await expect(pane.getByRole("heading", { level: 2, name: "2. Hosting model" })).toBeVisible();
  await expect(volume(pane)).toBeChecked();
  await expect(volume(pane)).toBeFocused();
  expect(await boxesOf(page, ids)).toEqual(inShell);
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();

  // Left at a section the shell cannot draw (the rollout: a table the participant adds
  // rows to), the page shows no shell rather than another section's.
  await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  await page.locator(".step-list").getByRole("button", { name: /^4\. / }).click();
  await expect(pane.getByRole("heading", { level: 2, name: /^4\. / })).toBeVisible();
  await expect.poll(lastSection).toBe("rollout");
  const releaseAgain = await holdTheWasm(page);
  await page.reload();
  await expect(page.locator("#form-shell")).toHaveCount(0);
  releaseAgain();
  await expect(pane.getByRole("heading", { level: 2, name: /^4\. / })).toBeVisible();
});

test("2.2's table of tools: cells typed before the app starts are kept in their rows, saved, and sit where the app's do", async ({ page }) => {
  const release = await holdTheWasm(page);
  await page.goto("./#/exercise/m6-2.2");
  const shell = page.locator("#form-shell");
  // Each cell named by its row and its column, as the app names it.
  await shell.getByRole("textbox", { name: "Logs Tool" }).fill("ELK");
  const covers = shell.getByRole("textbox", { name: "Traces What it covers" });
  await covers.click();
  await page.keyboard.type("API Gateway to Lambda to Bedrock");
  const ids = ["field-stack-r0-tool", "field-stack-r1-tool", "field-stack-r2-covers", "field-stack-r4-covers"];
  const inShell = await boxesOf(page, ids);
  release();
  await expect(shell).toHaveCount(0);
  const pane = page.locator(".section-pane");
  const appCovers = pane.getByRole("textbox", { name: "Traces What it covers" });
  await expect(pane.getByRole("textbox", { name: "Logs Tool" })).toHaveValue("ELK");
  await expect(appCovers).toHaveValue("API Gateway to Lambda to Bedrock");
  await expect(appCovers).toBeFocused();
  expect(await boxesOf(page, ids)).toEqual(inShell);
  // Stored where the app keeps a table: a row per pillar, each cell under its column.
  const stack = () => page.evaluate(() => JSON.parse(localStorage.getItem("workbook") ?? "{}").exercises?.["m6-2.2"]?.values.stack);
  await expect.poll(stack).toEqual([{}, { tool: "ELK" }, { covers: "API Gateway to Lambda to Bedrock" }, {}, {}]);

  // The next start's shell shows them, from the stored rows.
  await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  const releaseAgain = await holdTheWasm(page);
  await page.reload();
  await expect(shell.getByRole("textbox", { name: "Logs Tool" })).toHaveValue("ELK");
  await expect(shell.getByRole("textbox", { name: "Traces What it covers" })).toHaveValue("API Gateway to Lambda to Bedrock");
  releaseAgain();
  await expect(shell).toHaveCount(0);
  await expect(pane.getByRole("textbox", { name: "Logs Tool" })).toHaveValue("ELK");
});

for (const [route, ids] of [
  [EXERCISE, ["field-scenario_summary", "field-expected_users", "field-requests_per_day"]],
  ["./module-5/#/exercise/m5-2.1", ["field-strategy-blue-green", "field-strategy-canary", "field-strategy_rationale"]],
  ["./module-5/#/exercise/m5-2.3", ["field-language-python", "field-language-go", "field-language-other"]],
  ["./capstone/#/exercise/m6-2.3", ["field-client_name", "field-executive_summary", "field-document_status-Draft"]],
]) {
  test(`the shell's boxes sit where the app's do, at the app's sizes: ${route}`, async ({ page }) => {
    const release = await holdTheWasm(page);
    await page.goto(route);
    // Where each box is and how big, to the pixel: the app taking over moves nothing.
    const boxes = () => boxesOf(page, ids);
    await expect(page.locator("#form-shell").locator(`#${ids[2]}`)).toBeVisible();
    const inShell = await boxes();
    release();
    await expect(page.locator("#form-shell")).toHaveCount(0);
    await expect(page.locator(".section-pane").locator(`#${ids[2]}`)).toBeVisible();
    expect(await boxes()).toEqual(inShell);
  });
}

test("every section's shell on Module 6's page sits where the app draws that section", async ({ page }) => {
  await page.goto(EXERCISE);
  const shells = await page.evaluate(() => [...document.querySelectorAll("template[data-route]")].map((t) => ({
    route: `./${t.dataset.route}`,
    section: t.dataset.section,
    ids: [...t.content.querySelectorAll("input, textarea")].map((box) => box.id),
  })));
  expect(shells.length).toBeGreaterThan(2);
  for (const { route, section, ids } of shells) {
    // The participant leaves the exercise at that section (a section's position is its number).
    await page.goto(route);
    const number = await page.evaluate(([route, section]) => [...document.querySelectorAll(`template[data-route="${route.slice(2)}"]`)]
      .find((t) => t.dataset.section === section).content.querySelector("h2").textContent.split(".")[0], [route, section]);
    await page.locator(".step-list").getByRole("button", { name: new RegExp(`^${number}\\. `) }).click();
    await expect(page.locator(".section-pane").getByRole("heading", { level: 2 }).first()).toHaveText(new RegExp(`^${number}\\. `));
    const release = await holdTheWasm(page);
    await page.reload();
    await expect(page.locator("#form-shell").locator(`#${ids[0]}`)).toBeVisible();
    const inShell = await boxesOf(page, ids);
    release();
    await expect(page.locator("#form-shell")).toHaveCount(0);
    await expect(page.locator(".section-pane").locator(`#${ids[0]}`)).toBeVisible();
    expect(await boxesOf(page, ids), `${route} ${section}`).toEqual(inShell);
    await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  }
});

test("the capstone's shell: the client's name typed before the app starts is kept and saved", async ({ page }) => {
  const release = await holdTheWasm(page);
  await page.goto("./capstone/#/exercise/m6-2.3");
  const shell = page.locator("#form-shell");
  await expect(shell.getByRole("heading", { name: "Exercise 2.3 · Capstone: Enterprise Architecture Proposal" })).toBeVisible();
  await shell.getByLabel("Client name").fill("Northwind Insurance");
  release();
  await expect(shell).toHaveCount(0);
  const name = page.locator(".section-pane").getByRole("textbox", { name: "Client name", exact: true });
  await expect(name).toHaveValue("Northwind Insurance");
  await expect(name).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Saved in this browser" })).toBeVisible();
  await page.unroute(/workbook-[0-9a-f]+_bg\.wasm$/);
  await page.reload();
  await expect(name).toHaveValue("Northwind Insurance");
});
