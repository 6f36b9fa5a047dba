import type { Plugin } from 'vite';
import { builtFileTag } from './builtFileTag.ts';

/**
 * Adds `<link rel="preload">` for the Latin Inter font to the built pages. The font is referenced only from
 * CSS, so without this the browser asks for it after the stylesheet is parsed and the first text is laid out;
 * preloaded, it arrives with the scripts and the first diagram does not wait for it (or redraw when it lands).
 */
export function preloadFont(match = /inter-latin-wght-normal.*\.woff2$/): Plugin {
  return builtFileTag(
    'stacklayers-preload-font',
    (bundle) => Object.keys(bundle).find((file) => match.test(file)),
    (href) => ({
      tag: 'link',
      attrs: { rel: 'preload', href, as: 'font', type: 'font/woff2', crossorigin: '' },
      injectTo: 'head',
    }),
  );
}
