import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Node side of the npm package, built into `dist/lib/`: the `stacklayers` command (`cli.js`, run by
 * bin/stacklayers.mjs) and the programmatic API (`index.js`, `import { renderSvg } from 'stacklayers'`; its
 * types come from `tsconfig.api.json`). Plain JavaScript with every library inside (zod, jsonc-parser), so the
 * package has no runtime dependencies and nothing is compiled when the command runs. Playwright, for PNG
 * only, is looked up when asked for (src/cli/png.ts), never bundled.
 */

/** Inter's Latin subset beside the CLI: PNG export draws with it (src/cli/png.ts looks for it there). */
function interFont(): Plugin {
  const file = 'inter-latin-wght-normal.woff2';
  return {
    name: 'stacklayers-cli-font',
    generateBundle() {
      const path = createRequire(import.meta.url).resolve(`@fontsource-variable/inter/files/${file}`);
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(path) });
    },
  };
}

export default defineConfig({
  plugins: [interFont()],
  // Not the app's public/ folder: the CLI finds the schema in dist/schema/, written by the app's build.
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    outDir: 'dist/lib',
    emptyOutDir: true,
    target: 'node20',
    // Readable stack traces in bug reports; minifying saves little of the start-up (parsing is lazy).
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { cli: 'src/cli/main.ts', index: 'src/api/index.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
