// Trunk post-build hook: writes the Content-Security-Policy into index.html.
//
// The policy says what the app is: it loads its own files and nothing else, sends nothing
// anywhere (connect-src 'self' only lets it fetch its own wasm), and runs no script but its
// own. Trunk's build puts one inline module script in the page (the wasm loader, whose text
// names the hashed files), so that script is allowed by its SHA-256, computed here after
// every build rather than by 'unsafe-inline'.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const file = join(dir, "index.html");
let html = await readFile(file, "utf8");

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
html = html.replace(/<meta charset="utf-8">/, (charset) => `${charset}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes("Content-Security-Policy")) throw new Error(`csp.mjs: no <meta charset="utf-8"> in ${file}`);
await writeFile(file, html);
console.log(`csp.mjs: policy written with ${hashes.length} inline script hash(es)`);
