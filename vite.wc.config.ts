import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { designTokens } from './scripts/tokensCssPlugin.ts';

/**
 * The web component as ONE self-contained file, `dist/stacklayers-diagram.js`: copying it into any static
 * folder is enough. An IIFE (no import/export, no import.meta), so it runs as `<script type="module">` and as
 * a classic `<script>` (openstackdocstheme writes every script as text/javascript); everything is inside:
 * no chunks (dynamic imports inlined), the styles (one constructed stylesheet), the Inter font and the
 * default model; the model check runs on the main thread (`embed/checkOnMainThread.ts` replaces the worker).
 * It fetches nothing but a `model-src` the page names. Run after the app build (it adds to dist/).
 */
const mainThreadCheck = fileURLToPath(new URL('./src/embed/checkOnMainThread.ts', import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss(), designTokens()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: {
    // `app/document/offThread.ts` starts a worker from a file of its own: the one-file build checks on the main thread.
    alias: [{ find: /^(\.\.?\/)+(app\/document\/)?offThread(\.ts)?$/, replacement: mainThreadCheck }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    // Every asset (the font) inside the one file.
    assetsInlineLimit: Number.POSITIVE_INFINITY,
    lib: {
      entry: 'src/embed/standalone.ts',
      formats: ['iife'],
      // Required by Vite for an IIFE; unused: the entry exports nothing, so no global is created.
      name: 'StacklayersDiagram',
      fileName: () => 'stacklayers-diagram.js',
    },
    chunkSizeWarningLimit: 1200,
  },
});
