import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { earlyScript } from './scripts/earlyScriptPlugin.ts';
import { embedHelper } from './scripts/embedHelperPlugin.ts';
import { preloadFont } from './scripts/preloadFontPlugin.ts';
import { cspMeta } from './scripts/securityHeaders.ts';
import { designTokens } from './scripts/tokensCssPlugin.ts';

/**
 * The pages' module preloads, the largest chunk first (after what the pages' first script imports): a host
 * speaking HTTP/1.1 serves a page a few requests at a time, and the longest download (React, React Flow: its
 * off-thread parse follows it) is the first diagram's critical path, so it starts first, not behind a queue of
 * small chunks.
 */
function largestPreloadFirst(): Plugin {
  return {
    name: 'stacklayers-largest-preload-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const preload = /<link rel="modulepreload" crossorigin href="([^"]+)">/g;
        const links = [...html.matchAll(preload)];
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        // What the pages' first script imports (it runs once they are in) stays ahead of everything.
        const early = new Set(chunks.find((c) => c.isEntry && c.name === 'early')?.imports ?? []);
        const size = (href: string | undefined) => {
          const file = (href ?? '').replace(/^.*?assets\//, 'assets/');
          if (early.has(file)) return Number.POSITIVE_INFINITY;
          return chunks.find((c) => c.fileName === file)?.code.length ?? 0;
        };
        const sorted = [...links].sort((a, b) => size(b[1]) - size(a[1]));
        let i = 0;
        return html.replace(preload, () => sorted[i++]?.[0] ?? '');
      },
    },
  };
}

export default defineConfig({
  // Relative URLs everywhere in the build: dist/ works from any path (a docs site's /docs/stacklayers/), not
  // only a domain root. The pages, the check worker, the service worker (and its scope), fonts and models.
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    designTokens(),
    cspMeta(),
    preloadFont(),
    earlyScript(),
    largestPreloadFirst(),
    // dist/sw.js from src/sw.ts (Workbox), with the build's files and their revisions; registered by src/main.tsx.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*'],
        // _headers is read by the host (Netlify, Cloudflare Pages), which does not serve it.
        globIgnores: ['_headers'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        rollupFormat: 'iife',
      },
    }),
    // dist/stacklayers-embed.js, the iframe helper script (src/embed/helper.ts).
    embedHelper(),
  ],
  // The check worker is a module with a chunk of its own for the validator (app/document/checkWorker.ts),
  // loaded while the page's model downloads.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // React, React Flow and zod make one ~170 KB (gzip) chunk; the budget is checked by tests, not this warning.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // `early` is the pages' first script (see scripts/earlyScriptPlugin.ts).
      input: { main: 'index.html', embed: 'embed.html', early: 'src/early.ts' },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Tests assert results, never speed: a test that derives and lays out thousands of elements gets time enough
    // on a shared, loaded machine (vitest's default of 5 s is not).
    testTimeout: 30_000,
  },
});
