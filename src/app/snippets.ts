import type { View } from '../topology/views';

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

/** An iframe that sizes itself from the embed's `stacklayers:resize` messages. */
export function iframeSnippet(base: string, s: SnippetState): string {
  const src = embedUrl(base, s);
  const origin = new URL(src).origin;
  return `<iframe src="${escapeAttr(src)}" title="Stacklayers diagram" style="width:100%;height:520px;border:0" loading="lazy"></iframe>
<script>
  // Optional: let the diagram choose its height.
  addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(origin)} || e.data?.type !== 'stacklayers:resize') return;
    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  });
</script>`;
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
