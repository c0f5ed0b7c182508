// The first load of each page of the site, file by file, raw and gzip (level 9), against
// the 250 KB gzip budget per page: the page's HTML, every file it names (CSS, the JS glue,
// the wasm, the favicon, although a browser fetches the favicon lazily) and the service
// worker every page registers.
// Usage: node bench/sizes.mjs [dist] [--check]   (--check: exit 1 when a page is over the
// budget; the test command runs it, so the budget holds on main). BYTES=1 also prints what
// is left to spare in bytes, for a page near the budget.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP = 250 * 1024;
const PAGES = [
  ["Module 6 (2.1, 2.2) and home", "index.html"],
  ["Module 6 capstone", "capstone/index.html"],
  ["Module 5", "module-5/index.html"],
  ["Restore and import", "restore/index.html"],
  ["Instructor review", "review/index.html"],
  ["Grading Module 6", "review/participant/index.html"],
  ["Grading Module 5", "review/module-5/index.html"],
];
const args = process.argv.slice(2);
const check = args.includes("--check");
const dir = args.find((a) => !a.startsWith("--")) ?? "dist";
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The files a page loads, as paths inside `dir`. */
async function filesOf(page) {
  const html = await readFile(join(dir, page), "utf8");
  const urls = new Set([page, "sw.js"]);
  for (const [, url] of html.matchAll(/(?:href|src)=["']?([^"' >]+)/g)) urls.add(url);
  for (const [, url] of html.matchAll(/'(\.\/[^']+\.(?:js|wasm))'/g)) urls.add(url);
  const paths = [...urls]
    .filter((url) => !/^[a-z]+:/.test(url) && !url.startsWith("#"))
    .map((url) => (url === page || url === "sw.js" ? url : normalize(join(dirname(page), url))))
    .filter((path) => existsSync(join(dir, path)));
  // Modules the JS glue imports at startup (wasm-bindgen snippets) load with it.
  for (const path of paths.filter((p) => p.endsWith(".js") && p !== "sw.js" && !p.includes("/snippets/"))) {
    const glue = await readFile(join(dir, path), "utf8");
    for (const [, url] of glue.matchAll(/["'](\.\/snippets\/[^"']+\.js)["']/g)) paths.push(normalize(join(dirname(path), url)));
  }
  return [...new Set(paths)];
}

let over = [];
for (const [name, page] of PAGES) {
  if (!existsSync(join(dir, page))) continue;
  const rows = [];
  for (const path of await filesOf(page)) {
    const bytes = await readFile(join(dir, path));
    rows.push({ path: relative(".", path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  rows.sort((a, b) => a.path.localeCompare(b.path));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`\n### ${name} (${page})\n\n| file | raw | gzip |\n|---|---:|---:|`);
  for (const r of rows) console.log(`| ${r.path} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  console.log(`| **first load** | ${kb(total.raw)} | **${kb(total.gzip)}** |`);
  const verdict = total.gzip <= BUDGET_GZIP ? "within" : "OVER";
  console.log(`\nBudget: ${kb(BUDGET_GZIP)} gzip: ${verdict} (${kb(BUDGET_GZIP - total.gzip)} to spare${process.env.BYTES ? `, ${BUDGET_GZIP - total.gzip} bytes` : ""}).`);
  // Not in the first load: the export worker, which the page starts on its first export.
  const html = await readFile(join(dir, page), "utf8");
  const loader = html.match(/name="?export-worker"? content="?\.\/([^"' >]+)_loader\.js/)?.[1];
  if (loader) {
    const worker = { raw: 0, gzip: 0 };
    for (const end of ["_loader.js", ".js", "_bg.wasm"]) {
      const bytes = await readFile(join(dir, dirname(page), `${loader}${end}`));
      worker.raw += bytes.length;
      worker.gzip += gzipSync(bytes, { level: 9 }).length;
    }
    // The capstone's page starts its worker once it has painted, for its self-check.
    const when = page.startsWith("capstone/") ? "once the page is idle, for the self-check and the exports" : "on the first export";
    console.log(`Fetched ${when} (the export worker, ${loader}): ${kb(worker.raw)}, ${kb(worker.gzip)} gzip.`);
  }
  if (total.gzip > BUDGET_GZIP) over.push(`${name}: ${kb(total.gzip - BUDGET_GZIP)} over`);
}
if (check && over.length) {
  console.error(`Over the ${kb(BUDGET_GZIP)} gzip first-load budget: ${over.join("; ")}. See ARCHITECTURE.md, "Why these choices".`);
  process.exit(1);
}
