import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web component as one script (`dist/wc/stacklayers-diagram.js`): a plain HTML page loads it with one
 * `<script type="module">` tag. Run after the app build (it writes into dist/ without emptying it).
 */
export default defineConfig({
  plugins: [react(), tailwindcss()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/wc',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'src/embed/webComponent.tsx',
      formats: ['es'],
      fileName: () => 'stacklayers-diagram.js',
    },
    chunkSizeWarningLimit: 900,
  },
});
