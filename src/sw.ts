// The app's service worker, built into dist/sw.js by vite-plugin-pwa (vite.config.ts), which puts the build's
// file list, each file with its content's revision, at `self.__WB_MANIFEST`. Workbox precaches them: a new build
// downloads only the files that changed (those without a hash in their name past the HTTP cache) and drops the ones
// that are gone. The page registers it once its first diagram is drawn and the page is idle (src/main.tsx). After
// the first visit the app works with the network off, as workshops need. No request to another origin is ever
// answered from here.
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  addRoute,
  cleanupOutdatedCaches,
  type PrecacheEntry,
  PrecacheFallbackPlugin,
  precache,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';

declare const self: {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'activate',
    listener: (event: { waitUntil(done: Promise<unknown>): void }) => void,
  ): void;
};

// A new build takes over at once (it is what the network serves the pages from, below); every open page of the
// scope is controlled from the first install on.
void self.skipWaiting();
clientsClaim();
precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The caches of the worker before Workbox (`stacklayers-` and 12 hex digits of its file list's hash) are dropped.
self.addEventListener('activate', (event) =>
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => /^stacklayers-[0-9a-f]{12}$/.test(k)).map((k) => caches.delete(k))),
      ),
  ),
);

/** The build's page a navigation asks for (the folder's URL is index.html), whatever its query. */
function pageOf(url: URL): 'index.html' | 'embed.html' | undefined {
  const base = new URL('./', self.location.href).href;
  const path = url.origin + url.pathname;
  if (path === base || path === `${base}index.html`) return 'index.html';
  if (path === `${base}embed.html`) return 'embed.html';
  return undefined;
}

// Pages: from the network first, so a reload gets a new build; offline, the precached page. (Other pages of the
// site are not ours: not answered here.)
for (const page of ['index.html', 'embed.html'] as const)
  registerRoute(
    ({ request, url }) => request.mode === 'navigate' && pageOf(url) === page,
    new NetworkOnly({ plugins: [new PrecacheFallbackPlugin({ fallbackURL: page })] }),
  );
// The build's other files: from the precache, whatever the query (`?v=`, a model's `?model=` of its own).
addRoute({ ignoreURLParametersMatching: [/.*/] });
// What else this site serves the app (a model of its own, `?model=models/mine.json`): the network first, the
// last copy offline.
registerRoute(
  ({ request, url }) => request.method === 'GET' && url.origin === self.location.origin,
  new NetworkFirst({ cacheName: 'stacklayers-runtime', plugins: [new ExpirationPlugin({ maxEntries: 50 })] }),
);
