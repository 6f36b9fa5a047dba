import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** Every file under a folder, as paths relative to it (with forward slashes). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * Writes `sw.js` into the build: a service worker that precaches every file of the build (the app, its
 * chunks, fonts, the example models, tours and schema) so that after the first visit the app works with
 * the network off, as workshops need. Its cache name changes with the file list, so a new build replaces
 * the old cache. No request ever goes to another origin.
 */
export function serviceWorker(publicDir = 'public'): Plugin {
  return {
    name: 'stacklayers-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // index.html is emitted after this plugin's hook: named here so the offline fallback has it.
      const assets = [...new Set(['index.html', ...Object.keys(bundle), ...filesUnder(publicDir)])]
        // _headers is read by the host (Netlify, Cloudflare Pages), which does not serve it: caching it would fail.
        .filter((f) => f !== 'sw.js' && f !== '_headers')
        .sort();
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const source = `// Generated at build time by scripts/serviceWorkerPlugin.ts.
const CACHE = 'stacklayers-${version}';
const ASSETS = ${JSON.stringify(['./', ...assets.map((a) => `./${a}`)])};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('stacklayers-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this site's own GETs: a model from another origin (?model=) always goes to the network.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (fresh when online), the cached app when offline.
    event.respondWith(fetch(request).catch(() => caches.match('./index.html', { ignoreSearch: true, ignoreVary: true })));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true, ignoreVary: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
