import { assertNever } from '../../model/assertNever';
import type { View } from '../../topology/views';

/** What a snippet shows: the current view, persona and theme, and where the model comes from. */
export interface SnippetState {
  view: View;
  persona: 'operator' | 'tenant' | null;
  theme: 'light' | 'dark' | 'auto';
  /** The share-link payload of the model (`#model=`), or a model URL (`?model=`). */
  model: { share: string } | { url: string } | null;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed.html URL for a state, relative to the app's base URL. */
export function embedUrl(base: string, s: SnippetState): string {
  const url = new URL('embed.html', base);
  url.searchParams.set('topology', s.view);
  if (s.persona) url.searchParams.set('persona', s.persona);
  if (s.theme !== 'auto') url.searchParams.set('theme', s.theme);
  if (s.model && 'url' in s.model) url.searchParams.set('model', s.model.url);
  if (s.model && 'share' in s.model) url.hash = `model=${s.model.share}`;
  return url.href;
}

/** Where a snippet is pasted: each has its own rules for raw HTML and scripts. */
export type SnippetFormat = 'html' | 'markdown' | 'mdx' | 'rst';

export const SNIPPET_FORMATS: readonly { id: SnippetFormat; label: string }[] = [
  { id: 'html', label: 'HTML' },
  { id: 'markdown', label: 'Markdown' },
  { id: 'mdx', label: 'MDX' },
  { id: 'rst', label: 'reStructuredText' },
];

/** The iframe helper script (auto height, theme sync), next to embed.html. */
const helperUrl = (base: string) => new URL('stacklayers-embed.js', base).href;

/**
 * The iframe tag: the same text is HTML and JSX (MDX): quoted attributes only, `frameBorder` (HTML ignores
 * case), no `style` (a string style is an error in MDX, and a docs CSP without 'unsafe-inline' drops it). The
 * height is a first guess (the whole diagram at 700 px); the helper script replaces it with the real one.
 */
function iframeTag(base: string, s: SnippetState, height: number, title: string): string {
  return `<iframe src="${escapeAttr(embedUrl(base, s))}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" frameBorder="0" loading="lazy"></iframe>`;
}

/** A snippet to paste, a line to add once to the site's setup (if the format needs one), and what to know. */
export interface EmbedSnippet {
  snippet: string;
  setup: string | null;
  note: string;
}

/**
 * The iframe embed for each place it is pasted. None has an inline script or style: the helper script is a
 * file, loaded by a `<script src>` where the format allows one in a page (HTML, reStructuredText's raw HTML)
 * and from the site's configuration where it does not (VitePress reads a page's `<script>` as Vue code;
 * MDX pages are React, whose scripts do not run).
 */
export function embedSnippet(
  format: SnippetFormat,
  base: string,
  s: SnippetState,
  height: number,
  title: string,
): EmbedSnippet {
  const tag = iframeTag(base, s, height, title);
  const helper = helperUrl(base);
  const script = `<script src="${escapeAttr(helper)}" defer></script>`;
  switch (format) {
    case 'html':
      return {
        snippet: `${tag}\n${script}`,
        setup: null,
        note: 'The script sizes the iframe to the diagram and passes it the page’s theme toggle; one copy per page is enough.',
      };
    case 'markdown':
      return {
        snippet: tag,
        setup: `# MkDocs, mkdocs.yml\nextra_javascript:\n  - ${helper}\n\n// VitePress, .vitepress/config.ts\nhead: [['script', { src: '${helper}', defer: '' }]]`,
        note: 'Raw HTML in Markdown (MkDocs, VitePress, Jekyll, Hugo with unsafe HTML on). Load the helper script once for the whole site, from its configuration: it sizes every diagram and makes it follow the site’s theme toggle.',
      };
    case 'mdx':
      return {
        snippet: tag,
        setup: `// docusaurus.config.js\nscripts: [{ src: '${helper}', defer: true }],`,
        note: 'JSX-safe for Docusaurus MDX pages. Load the helper script once, from docusaurus.config.js: it sizes every diagram and makes it follow the site’s theme toggle.',
      };
    case 'rst':
      return {
        snippet: `.. raw:: html\n\n   ${tag}\n   ${script}`,
        setup: null,
        note: 'For Sphinx (and any docutils site). Or load the script once from conf.py: html_js_files = [("…/stacklayers-embed.js", {"defer": "defer"})].',
      };
    default:
      return assertNever(format, 'snippet format');
  }
}

/** The web component, with its one script tag. */
export function webComponentSnippet(base: string, s: SnippetState, modelUrl: string): string {
  const script = new URL('stacklayers-diagram.js', base).href;
  const attrs = [
    `topology="${s.view}"`,
    `model-src="${escapeAttr(modelUrl)}"`,
    s.persona ? `persona="${s.persona}"` : '',
    s.theme !== 'auto' ? `theme="${s.theme}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<script type="module" src="${escapeAttr(script)}"></script>
<stacklayers-diagram ${attrs}></stacklayers-diagram>`;
}
