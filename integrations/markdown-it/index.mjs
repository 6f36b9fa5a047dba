/**
 * A markdown-it plugin (VitePress, or any markdown-it site): ```stacklayers fences become a
 * `<stacklayers-diagram>` with the model inline and a static SVG rendered at build time.
 *
 *   import stacklayers from 'stacklayers/markdown-it';
 *   md.use(stacklayers);            // VitePress: markdown: { config: (md) => md.use(stacklayers) }
 *
 * Model paths (`model: cloud.json`) are relative to the Markdown file (VitePress passes it as env.path),
 * else to `options.root`. The page also needs the component's script: see docs/embedding-docs-sites.md.
 */

import { fenceDiagram } from '../core/diagram.mjs';
import { diagramHtml } from '../core/html.mjs';

/**
 * @param {import('markdown-it').default} md
 * @param {{ root?: string, lang?: string }} [options] `lang`: the fence's language word (default stacklayers)
 */
export default function stacklayers(md, options = {}) {
  const lang = options.lang ?? 'stacklayers';
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    if (token && token.info.trim().split(/\s+/)[0] === lang) {
      const page = env && typeof env === 'object' ? env : {};
      page.stacklayersCount = (page.stacklayersCount ?? 0) + 1;
      const file = typeof page.path === 'string' ? page.path : undefined;
      const line = token.map ? token.map[0] + 1 : undefined;
      return `${diagramHtml(
        fenceDiagram(token.content, { file, line, root: options.root, index: page.stacklayersCount }),
      )}\n`;
    }
    return fallback ? fallback(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
}
