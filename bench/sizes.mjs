// Size of every file in dist/, raw and gzip (level 9), and the total against the
// first-load budget (the favicon is counted too, although a browser fetches it lazily).
// Usage: node bench/sizes.mjs [dist] [--check]   (--check: exit 1 when over the budget;
// the test command runs it, so the budget holds on main)
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP = 250 * 1024;
const args = process.argv.slice(2);
const check = args.includes("--check");
const dir = args.find((a) => !a.startsWith("--")) ?? "dist";
const rows = [];
for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
  const name = join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1);
  const bytes = await readFile(join(dir, name));
  rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log("| file | raw | gzip |\n|---|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`| **total (first load)** | ${kb(total.raw)} | ${kb(total.gzip)} |`);
console.log(`\nBudget: ${kb(BUDGET_GZIP)} gzip for the first load: ${total.gzip <= BUDGET_GZIP ? "within" : "OVER"} (${kb(BUDGET_GZIP - total.gzip)} to spare).`);
if (check && total.gzip > BUDGET_GZIP) {
  console.error(`The first load is ${kb(total.gzip - BUDGET_GZIP)} over the ${kb(BUDGET_GZIP)} gzip budget: see ARCHITECTURE.md, "Why these choices".`);
  process.exit(1);
}
