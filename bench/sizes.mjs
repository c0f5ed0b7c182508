// Size of every file in dist/, raw and gzip (level 9), and the first-load total against
// the budget. Usage: node bench/sizes.mjs [dist]
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP = 250 * 1024;
const dir = process.argv[2] ?? "dist";
const rows = [];
for (const name of (await readdir(dir)).sort()) {
  const bytes = await readFile(join(dir, name));
  rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log("| file | raw | gzip |\n|---|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`| **total (first load)** | ${kb(total.raw)} | ${kb(total.gzip)} |`);
console.log(`\nBudget: ${kb(BUDGET_GZIP)} gzip for the first load: ${total.gzip <= BUDGET_GZIP ? "within" : "OVER"} (${kb(BUDGET_GZIP - total.gzip)} to spare).`);
