import type { Plugin } from 'vite';
import { tokensCss } from '../src/kinds/tokens.ts';

/** The stylesheet that starts with the tokens' custom properties. */
const DIAGRAM_CSS = /\/src\/render\/flow\/diagram\.css$/;

/**
 * Puts the design tokens' custom properties (`src/kinds/tokens.ts`, the one place the diagram's colours are
 * written) at the top of `render/flow/diagram.css`, wherever it is loaded: the app and embed pages (a CSS file of the
 * build, allowed by `style-src 'self'`) and the web component (`?inline`, its constructed stylesheet). No inline
 * style, no script needed before the first paint.
 */
export function designTokens(): Plugin {
  return {
    name: 'stacklayers-design-tokens',
    enforce: 'pre',
    transform(code, id) {
      if (!DIAGRAM_CSS.test(id.split('?')[0] ?? '')) return null;
      return { code: `${tokensCss()}\n${code}`, map: null };
    },
  };
}
