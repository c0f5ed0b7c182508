// Offline support. After the first visit the app shell (index.html, the hashed JS, wasm and
// CSS, the favicon) is served from this cache, so the workbook opens and works with no
// network. The answers never pass through here: they live in localStorage.
//
// Pages: network first, so a new release shows up as soon as the site is reachable; the
// cached shell when it is not. Hashed assets never change under one name: cache first.
const CACHE = "workbook-shell-v1";
const SHELL = new URL("./", self.registration.scope).href;

/** The files index.html loads: every local href/src, and the wasm named in its inline script. */
function assetsOf(html) {
  const found = new Set();
  for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) found.add(url);
  for (const [, url] of html.matchAll(/'(\.\/[^']+\.(?:js|wasm))'/g)) found.add(url);
  return [...found]
    .map((url) => new URL(url, SHELL))
    .filter((url) => url.origin === self.location.origin && !url.hash)
    .map((url) => url.href);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch(SHELL, { cache: "no-cache" });
      if (!page.ok) throw new Error(`index.html: HTTP ${page.status}`);
      const html = await page.clone().text();
      await cache.addAll(assetsOf(html));
      await cache.put(SHELL, page);
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
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(SHELL, copy)));
          }
          return response;
        } catch {
          return (await caches.match(SHELL)) ?? Response.error();
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
