import type { Plugin } from 'vite';
import { builtFileTag } from './builtFileTag.ts';

/**
 * Puts the `early` entry (`src/early.ts`) in the built pages as their first script, a separate one: a page's
 * module scripts run in order, each once its own imports are loaded, so this small one runs before the app's
 * big chunks are evaluated (a script in the page's HTML would be merged into the app's entry and run after
 * them). It starts the download of the model the URL names. Not in the dev server: there the app fetches it.
 */
export function earlyScript(entry = 'early'): Plugin {
  return builtFileTag(
    'stacklayers-early-script',
    (bundle) =>
      Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entry)?.fileName,
    (src) => ({ tag: 'script', attrs: { type: 'module', crossorigin: '', src }, injectTo: 'head-prepend' }),
  );
}
