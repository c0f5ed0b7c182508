// Runs axe-core in the page and fails the test on any violation, listing each one.
import { expect } from "@playwright/test";
import { createRequire } from "node:module";

const axeSource = createRequire(import.meta.url)("axe-core").source;

export async function expectNoViolations(page, what) {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly
  // refuses an injected <script> tag.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(report, `${what}: axe violations`).toEqual([]);
}
