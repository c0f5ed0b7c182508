// Offline support. After the first visit every page of the site (the root page, module-5/,
// restore/) and the files each loads (hashed JS, wasm and CSS, the favicon) are served from
// this cache, so the workbook opens and works with no network. The answers never pass
// through here: they live in localStorage.
//
// Pages: network first, so a new release shows up as soon as the site is reachable; the
// cached shell when it is not. Hashed assets never change under one name: cache first.
const CACHE = "workbook-shell-v2";
const SHELL = new URL("./", self.registration.scope).href;
/** Every page of the site, each its own download (see scripts/build.sh). */
const PAGES = ["", "module-5/", "restore/"].map((page) => new URL(page, SHELL).href);

/** The files a page loads: every local href/src, and the wasm named in its inline script. */
function assetsOf(html, page) {
  const found = new Set();
  for (const [, url] of html.matchAll(/(?:href|src)=["']?([^"' >]+)/g)) found.add(url);
  for (const [, url] of html.matchAll(/'(\.\/[^']+\.(?:js|wasm))'/g)) found.add(url);
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
        await cache.addAll(assetsOf(html, address));
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

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(pageOf(request.url), copy)));
          }
          return response;
        } catch {
          return (await caches.match(pageOf(request.url))) ?? (await caches.match(SHELL)) ?? Response.error();
        }
      })(),
    );
    return;
  }
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
});
