// Keeps the respondent app available offline, so a respondent can reopen a survey without a
// connection. Network first (a new release shows up at once), the cache when offline.
// API calls are never cached here: the app keeps drafts and the outbox in localStorage itself.
// Every respondent page is the same index.html, so navigations are cached under "/" only, and
// every trainee page (/t/{token}) under "/t/": URLs with tokens never end up in the cache. The planner app (/planner and everything
// under it) is left alone: it is not cached, and it needs the network anyway.
const CACHE = "wavegate-app-v3";

function isTraining(path) {
  return path.startsWith("/t/");
}

function isPlanner(path) {
  return path === "/planner" || path.startsWith("/planner/");
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add("/")));
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
