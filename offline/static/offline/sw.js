/*
 * The offline reading service worker, served at /sw.js by offline.views.service_worker, which puts
 * self.OFFLINE_CONFIG before this file: paths never to answer from storage, the "not saved" page per language,
 * the static URL prefix.
 *
 * It stores nothing by itself: offline.js saves a guide when the reader asks. It only answers from what was
 * saved: pages network first (a saved copy after a short wait, or at once without a network), static files
 * (content-hashed names) from storage first, and for a page never saved, offline, the "not saved" page in the
 * language of the URL. The admin, previews, documents, search and the manifests always go to the network.
 */
const CONFIG = self.OFFLINE_CONFIG;
const WAIT_MS = 4000; // how long a slow network gets before a saved copy is shown instead
const fromSaved = new Set(); // ids of the windows shown a saved copy (offline.js asks, to show its dates)

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  if (event.data?.type === 'served-from-saved' && event.ports[0]) {
    event.ports[0].postMessage(Boolean(event.source && fromSaved.has(event.source.id)));
  }
});

function saved(request) {
  return caches.match(request, { ignoreVary: true });
}

// The network's answer, or the saved copy when the network fails, answers 5xx, or is slower than WAIT_MS.
// Without a saved copy, the network's answer whatever it takes (or its failure).
async function networkFirst(request) {
  const copy = await saved(request);
  const network = fetch(request);
  if (!copy) return { response: await network, fromSaved: false };
  const timer = new Promise((resolve) => setTimeout(resolve, WAIT_MS, null));
  const fresh = await Promise.race([network.catch(() => null), timer]);
  if (fresh && fresh.status < 500) return { response: fresh, fromSaved: false };
  return { response: copy, fromSaved: true };
}

async function page(event) {
  try {
    const { response, fromSaved: isSaved } = await networkFirst(event.request);
    if (isSaved && event.resultingClientId) fromSaved.add(event.resultingClientId);
    return response;
  } catch (error) {
    const language = new URL(event.request.url).pathname.split('/')[1];
    const fallback = await saved(CONFIG.fallbacks[language] || CONFIG.fallbacks.en);
    return fallback || Response.error();
  }
}

async function other(request) {
  try {
    return (await networkFirst(request)).response;
  } catch (error) {
    return Response.error();
  }
}

async function staticFile(request) {
  return (await saved(request)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (CONFIG.never.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith(CONFIG.static)) event.respondWith(staticFile(request));
  else if (request.mode === 'navigate') event.respondWith(page(event));
  else event.respondWith(other(request));
});
