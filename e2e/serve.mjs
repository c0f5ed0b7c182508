// Serves a folder (default: dist/) on 127.0.0.1 for tests and benchmarks.
// Stops by itself after SERVE_SECONDS (default 20 minutes) in case its parent forgets it.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

/**
 * Starts a server for `root` on 127.0.0.1:`port` (0 = any free port); resolves to it.
 * With `prefix` (e.g. "/course/workbook/") files are served only under that path, the way
 * GitHub Pages serves a project site under /<repo>/.
 */
export function serve(root, port = 0, prefix = "/") {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const url = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    if (!url.startsWith(prefix)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const path = "/" + url.slice(prefix.length);
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.env.PORT ?? 8080);
  const server = await serve(root, port);
  console.log(`Serving ${root} at http://127.0.0.1:${server.address().port}/`);
  const seconds = Number(process.env.SERVE_SECONDS ?? 1200);
  setTimeout(() => server.close(() => process.exit(0)), seconds * 1000).unref();
  setTimeout(() => process.exit(0), seconds * 1000 + 2000).unref();
  // Keep the process alive only through the server itself.
}
