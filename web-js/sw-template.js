// Alianzas service worker (generated at build time from web-js/sw-template.js).
// Offline: after one visit, the app shell, ECharts, the catalog and every bundled dataset come
// from the cache when the network is gone. Online, the network is asked first so updates show.
const CACHE = 'alianzas-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('alianzas-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Other origins (a remote ?data=) are the page's business: it falls back to a bundled dataset.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: request.mode === 'navigate' })
          .then((hit) => hit || caches.match('./index.html'))
          .then((hit) => hit || Response.error()),
      ),
  );
});
