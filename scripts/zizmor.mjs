// Runs zizmor, the GitHub Actions security linter (PyPI `zizmor`, the version setup.sh pins,
// installed in target/tools/zizmor), offline at its default persona over every repository
// layout in the folders given, and fails on any finding at medium severity or above.
// Low findings are listed and counted, not failed on.
//   node scripts/zizmor.mjs <folder>...   each folder holds layouts (<layout>/.github/workflows)
//                                         or is one itself
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const ZIZMOR_VERSION = "1.33.1";
const zizmor = process.env.ZIZMOR ?? "target/tools/zizmor/bin/zizmor";
const FAILING = new Set(["Medium", "High"]);

function layouts(folder) {
  if (existsSync(join(folder, ".github/workflows"))) return [folder];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, ".github/workflows")))
    .map((entry) => join(folder, entry.name));
}

const version = execFileSync(zizmor, ["--version"], { encoding: "utf8" }).trim();
if (version !== `zizmor ${ZIZMOR_VERSION}`) {
  console.error(`${zizmor} is "${version}", not zizmor ${ZIZMOR_VERSION}: run scripts/setup.sh.`);
  process.exit(1);
}
const folders = process.argv.length > 2 ? process.argv.slice(2) : ["."];
const inputs = folders.flatMap(layouts);
if (inputs.length === 0) {
  console.error(`No .github/workflows found in ${folders.join(", ")}.`);
  process.exit(1);
}
// --collect=all: the generated layouts sit under target/, which .gitignore names, and zizmor
// would otherwise skip them. Exit codes off: the findings decide, below.
const output = execFileSync(
  zizmor,
  ["--offline", "--no-exit-codes", "--collect=all", "--format=json", ...inputs],
  { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] },
);
const findings = JSON.parse(output);
const bySeverity = {};
const byAudit = {};
let failing = 0;
for (const finding of findings) {
  const severity = finding.determinations.severity;
  bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
  byAudit[`${finding.ident} (${severity.toLowerCase()})`] = (byAudit[`${finding.ident} (${severity.toLowerCase()})`] ?? 0) + 1;
  if (!FAILING.has(severity)) continue;
  failing += 1;
  const where = finding.locations.find((l) => l.symbolic.kind === "Primary") ?? finding.locations[0];
  const file = Object.values(where.symbolic.key)[0].verbatim_path ?? Object.values(where.symbolic.key)[0].given_path;
  const { row, column } = where.concrete.location.start_point;
  console.error(`${file}:${row + 1}:${column + 1}: ${finding.desc} [${finding.ident}, ${severity.toLowerCase()}]`);
}
const counts = ["High", "Medium", "Low", "Informational"].map((s) => `${bySeverity[s] ?? 0} ${s.toLowerCase()}`).join(", ");
console.log(`zizmor: ${inputs.length} repositories, ${findings.length} finding(s): ${counts}; judged by zizmor ${ZIZMOR_VERSION} --offline`);
for (const [audit, count] of Object.entries(byAudit).sort()) console.log(`  ${count} ${audit}`);
process.exit(failing === 0 ? 0 : 1);
