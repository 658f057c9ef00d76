// Keeps the respondent app available offline, so a respondent can reopen a survey without a
// connection. Network first (a new release shows up at once), the cache when offline.
// API calls are never cached here: the app keeps drafts and the outbox in localStorage itself.
// Every respondent page is the same index.html, so navigations are cached under "/" only, and
// every trainee page (/t/{token}) under "/t/": URLs with tokens never end up in the cache. The planner app (/planner and everything
// under it) is left alone: it is not cached, and it needs the network anyway.
const CACHE = "wavegate-app-v4";

// The pages cached at install, each under its key, with every script, stylesheet and image
// they name: a person who opened a link once online can reopen it offline, even though the
// first visit fetched its scripts before this worker was in control.
const SHELLS = [["/", "/"], ["/t/", "/t/cleared"]];
const ASSET = /(?:href|src)="(\/[^"]+\.(?:js|wasm|css|svg|webmanifest))"/g;

// The shells of the windows this worker was installed for (the page that registered it is
// one), the respondent's when none says otherwise.
async function shellsInUse() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const keys = new Set(windows.map((c) => (isTraining(new URL(c.url).pathname) ? "/t/" : "/")));
  const shells = SHELLS.filter(([key]) => keys.has(key));
  return shells.length ? shells : SHELLS.slice(0, 1);
}

async function precache(cache, key, url) {
  const response = await fetch(url);
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(key, response);
  await cache.addAll([...new Set([...html.matchAll(ASSET)].map((m) => m[1]))]);
}

function isTraining(path) {
  return path.startsWith("/t/");
}

function isPlanner(path) {
  return path === "/planner" || path.startsWith("/planner/");
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  // Only the shells of the pages open now: a respondent's phone never downloads the trainee
  // app for it. A shell that cannot be fetched now is cached when it is next visited instead.
  event.waitUntil(Promise.all([caches.open(CACHE), shellsInUse()]).then(([cache, shells]) =>
    Promise.all(shells.map(([key, url]) => precache(cache, key, url).catch(() => {})))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/") ||
      isPlanner(url.pathname)) {
    return;
  }
  const key = request.mode === "navigate" ? (isTraining(url.pathname) ? "/t/" : "/") : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return response;
      })
      .catch(() => caches.match(key).then((hit) => hit || Response.error())),
  );
});
