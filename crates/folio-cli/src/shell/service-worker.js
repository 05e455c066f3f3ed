// Folio's service worker: offline reading. Written by `folio index` into release builds.
// - The app shell (hashed assets, index.html, 404.html) and the first home page's file are
//   cached when it installs; every page, post and the post index are cached as they are fetched.
// - Pages, the index and posts are network-first (a new post shows at once when online) and
//   fall back to the cache offline. Files named by their content never change, so they are
//   cache-first: the hashed assets, the extras modules' folders and the search index's files but
//   its meta file.
// - A new deploy changes VERSION, which installs a new worker and drops the old caches.
const VERSION = "__FOLIO_VERSION__";
const BASE = "__FOLIO_BASE__";
const PRECACHE = __FOLIO_PRECACHE__;
const IMMUTABLE = new Set(__FOLIO_IMMUTABLE__);
const CACHE = `folio-${VERSION}`;
// Below BASE: paths whose names change whenever their content does.
const CONTENT_NAMED = /^(extras-[a-z]+-[0-9a-f]+\/|search\/(dir|shard|docs)-[0-9a-f]+-\d+\.json$)/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("folio-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page that installed the worker fetched its post before the worker was there; it sends
// those URLs so the first visit is readable offline too.
self.addEventListener("message", (event) => {
  const urls = event.data && event.data.type === "folio-cache" ? event.data.urls : [];
  const ours = urls.filter((url) => new URL(url, self.location.href).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(ours.map((url) => fetch(url).then((response) => response.ok && cache.put(url, response)).catch(() => {}))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (IMMUTABLE.has(url.pathname) || CONTENT_NAMED.test(url.pathname.slice(BASE.length))) {
    event.respondWith(caches.match(request).then((hit) => hit || fetchAndKeep(request)));
    return;
  }
  event.respondWith(
    fetchAndKeep(request).catch(async () => {
      const hit = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
      if (hit) return hit;
      // A page never visited: the bare app shell renders any route from what is cached.
      if (request.mode === "navigate") {
        const shell = await caches.match(`${BASE}404.html`);
        if (shell) return shell;
      }
      return Response.error();
    }),
  );
});

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}
