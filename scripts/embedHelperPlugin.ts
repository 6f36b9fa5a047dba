import { build, type Plugin, type Rollup } from 'vite';

/**
 * Writes `stacklayers-embed.js` next to the app: the iframe helper (src/embed/helper.ts) as one classic
 * script (an IIFE: no import, no export, no `import.meta`), so a docs page loads it with a plain
 * `<script src>` under a strict Content-Security-Policy, with or without `type="module"`. Built on its own
 * (no shared chunks with the app), then emitted into the app's build.
 */
export function embedHelper(entry = 'src/embed/helper.ts', fileName = 'stacklayers-embed.js'): Plugin {
  return {
    name: 'stacklayers-embed-helper',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          target: 'es2020',
          minify: true,
          lib: { entry, formats: ['iife'], name: 'StacklayersEmbed', fileName: () => fileName },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
      if (chunk?.type !== 'chunk') throw new Error(`${entry} built no script`);
      this.emitFile({ type: 'asset', fileName, source: chunk.code });
    },
  };
}
