// Makaverse's service worker: the app starts offline from what it last loaded. Pages and the
// app's own files come from the network first (always the newest build), the cache only when
// the network is gone. API calls, rooms and other origins are never cached here (reports wait
// in the app's own IndexedDB outbox instead).
const CACHE = 'makaverse-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['/', '/manifest.webmanifest', '/icon.svg'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function cacheable(request, url) {
  if (request.method !== 'GET' || url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/') || url.pathname.startsWith('/matchmake')) return false;
  // Other pages (the figures dashboard) are not the app's shell.
  if (url.pathname.endsWith('.html') && url.pathname !== '/index.html') return false;
  return request.mode === 'navigate' || url.pathname.startsWith('/assets/') || url.pathname.startsWith('/fonts/');
}

/** At most this many files kept per message from a page (the app's shell is ~40). */
const KEEP_LIMIT = 200;

// A page registers this worker a few seconds after its load (src/client/shell/installApp.ts)
// and sends what it had downloaded by then: the app's own files of those are kept, as if this
// worker had seen them. Anything else in the message is ignored.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = new Set();
  for (const item of data.urls.slice(0, KEEP_LIMIT)) {
    if (typeof item !== 'string') continue;
    let url;
    try {
      url = new URL(item, self.location.origin);
    } catch {
      continue;
    }
    url.hash = '';
    if (cacheable(new Request(url), url)) urls.add(url.href);
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        [...urls].map((url) =>
          cache
            .match(url)
            .then((hit) => hit ?? cache.add(url))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

/** The build a page belongs to: its main script's address (Vite puts a hash in the name), or null. */
function buildOf(html) {
  const m = /src="(\/assets\/main-[^"]+\.js)"/.exec(html);
  return m ? m[1] : null;
}

/**
 * Keeps a page under "/" (every page of the app is the same shell). When it belongs to a new
 * build, the files of the build before are left out: their names carry hashes and no page of the
 * new build asks for them, so deployments do not pile up in a kiosk's cache. What the new build
 * needs is kept again as its pages fetch it (and from their "keep" message).
 */
async function keepPage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const before = await cache.match('/');
  const previous = before ? buildOf(await before.text()) : null;
  const current = buildOf(html);
  if (previous && current && previous !== current) {
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/assets/') && !html.includes(`"${path}"`)) await cache.delete(request);
    }
  }
  // Last: until the new page is kept, a later navigation finds the old one and leaves out again.
  await cache.put('/', response);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!cacheable(event.request, url)) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          if (event.request.mode === 'navigate') event.waitUntil(keepPage(copy).catch(() => undefined));
          else void caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request.mode === 'navigate' ? '/' : event.request).then((hit) => hit ?? Response.error())),
  );
});
