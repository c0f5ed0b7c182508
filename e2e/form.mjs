// Using an exercise page as a person does: its form by section and by label. Shared by the
// exercise specs.
import { expect } from "@playwright/test";
import { readFile } from "node:fs/promises";

export const pane = (page) => page.locator(".section-pane");
export const box = (page, name) => pane(page).getByRole("textbox", { name, exact: true });
export const section = (page, name) =>
  page.getByRole("complementary", { name: "Sections" }).getByRole("button", { name: new RegExp(`^\\d+\\. ${name}`) });

/** Types each value into the textbox with that label, in order. */
export async function fillAll(page, answers) {
  for (const [label, value] of Object.entries(answers)) await box(page, label).fill(value);
}

/** Clicks "Export <file>" and returns the downloaded text, checking the file name. */
export async function download(page, file) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Export ${file}` }).click()]);
  expect(download.suggestedFilename()).toBe(file);
  return readFile(await download.path(), "utf8");
}
