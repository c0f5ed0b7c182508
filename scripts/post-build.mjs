// Trunk post-build hook, run on the staging directory after every build:
//   1. minifies our JavaScript with terser (Trunk's own minifier cannot parse the
//      wasm-bindgen glue): the glue, about 2.4 KB gzip off the first load, with its
//      integrity hash updated; the service worker, about 1 KB gzip; the snippets the glue
//      imports and the workflow checker (Module 5). actionlint's own files stay as shipped;
//   2. names the export worker's files (src/export_worker.rs) after their contents and the
//      page's meta tag after its loader, so a page never starts a worker of another release
//      (Trunk leaves a worker's files unhashed: it cannot know where the app loads them);
//   3. on a page with a form shell, holds the app's loader back until the shell has painted;
//   4. writes the Content-Security-Policy into index.html.
//
// The policy says what the app is: it loads its own files and nothing else, sends nothing
// anywhere (connect-src 'self' only lets it fetch its own wasm), and runs no script but its
// own. Trunk's build puts one inline module script in the page (the wasm loader, whose text
// names the hashed files), so that script is allowed by its SHA-256, computed here after
// every build rather than by 'unsafe-inline'.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const file = join(dir, "index.html");
let html = await readFile(file, "utf8");

// 1. Every script but the service worker is an ES module; its exports are what the importer
// uses, so they keep their names. The page names the glue and its snippets with their
// integrity (as modulepreload links); the checker is imported on demand.
const scripts = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".js") && !f.endsWith("tiny_wasm_exec.js"));
for (const name of scripts) {
  const path = join(dir, name);
  const module = name !== "sw.js";
  const { code } = await minify(await readFile(path, "utf8"), { module, compress: true, mangle: true });
  await writeFile(path, code);
  if (!html.includes(`./${name}`)) continue;
  const integrity = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
  const link = new RegExp(`(href=["']?\\./${name.replace(/[.]/g, "\\.")}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  const before = html;
  html = html.replace(link, `$1${integrity}`);
  if (html === before && html.includes("integrity")) throw new Error(`post-build.mjs: no integrity for ${name} in ${file}`);
}

// 2. The export worker, on the pages that have one: its glue, its wasm and Trunk's loader
// shim, renamed with a hash of the glue and the wasm.
const WORKER = "export-worker";
if (existsSync(join(dir, `${WORKER}_loader.js`))) {
  const glue = await readFile(join(dir, `${WORKER}.js`), "utf8");
  const wasm = await readFile(join(dir, `${WORKER}_bg.wasm`));
  const hash = createHash("sha256").update(glue).update(wasm).digest("hex").slice(0, 16);
  const named = `${WORKER}-${hash}`;
  await writeFile(join(dir, `${named}.js`), glue.replaceAll(`${WORKER}_bg.wasm`, `${named}_bg.wasm`));
  await rename(join(dir, `${WORKER}_bg.wasm`), join(dir, `${named}_bg.wasm`));
  await writeFile(join(dir, `${named}_loader.js`), `import init from "./${named}.js";await init();`);
  await Promise.all([`${WORKER}.js`, `${WORKER}_loader.js`].map((name) => rm(join(dir, name))));
  // Trunk's minified HTML writes the charset without quotes (and may leave out </head>).
  html = html.replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}\n  <meta name="${WORKER}" content="./${named}_loader.js">`);
  if (!html.includes(`content="./${named}_loader.js"`)) throw new Error(`post-build.mjs: no <meta charset="utf-8"> in ${file}`);
}

// 3. On a page with a form shell (index.html, src/render/shell.rs), the app's loader, Trunk's
// module script and the preloads of its files, goes into a template that the shell's script
// puts in the page once the shell has painted. Measured at 4x CPU throttling
// (bench/cold-load.mjs): while the parser was still at the shell, the preloaded wasm's
// arrival and the module script's requests held the shell's first field out of the DOM for
// about 60 ms. The files are requested one frame later, after the participant sees the field.
if (/<template[^>]*\bdata-route=/.test(html)) {
  const loader = html.match(/<script type="?module"?>[\s\S]*?<\/script>/)?.[0];
  const preloads = html.match(/<link\b[^>]*\brel="?(?:modulepreload|preload)"?[^>]*>/g) ?? [];
  if (!loader) throw new Error(`post-build.mjs: no module script (the app's loader) in ${file}`);
  for (const preload of preloads) html = html.replace(preload, "");
  html = html.replace(loader, `<template id="app-start">${preloads.join("")}${loader}</template>`);
}

// 4. The Content-Security-Policy.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
// The root page's stylesheet is inlined (index.html), allowed by its hash too.
const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  `style-src 'self' ${styles.join(" ")}`.trim(),
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
// Trunk's minified HTML writes the charset without quotes.
html = html.replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes("Content-Security-Policy")) throw new Error(`post-build.mjs: no <meta charset="utf-8"> in ${file}`);
await writeFile(file, html);
console.log(`post-build.mjs: ${scripts.length} script(s) minified; policy written with ${hashes.length} inline script hash(es)`);
