// `stacklayers-embed.js`: the one script a page needs for its Stacklayers iframes (`embed.html`). A classic
// script (built as an IIFE, no imports, nothing inline), so it loads under a strict Content-Security-Policy
// from the site's own files, with or without `type="module"`. For every Stacklayers iframe on the page, now
// or added later:
// - auto height: the iframe takes the height the embed asks for (`stacklayers:resize`, the whole diagram
//   fitted to the iframe's width);
// - theme: the embed follows the page's light or dark theme, as the docs generators mark it, live as the
//   reader toggles it (`stacklayers:set {theme}`), unless its URL fixes a `theme`.

import { detectPageTheme, watchPageTheme } from './pageTheme';

type Embed = { frame: HTMLIFrameElement; origin: string };

const FLAG = '__stacklayersEmbedHelper';

/** The iframe whose window sent a message (null: not an iframe of this page). */
function frameOf(source: MessageEventSource | null): HTMLIFrameElement | null {
  if (!source) return null;
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentWindow === source) return frame;
  return null;
}

/** The embed's URL, or null. */
function srcOf(frame: HTMLIFrameElement): URL | null {
  try {
    return new URL(frame.src, document.baseURI);
  } catch {
    return null;
  }
}

/** Whether the iframe's URL fixes its theme (`?theme=light|dark|auto`): then the page's theme is not sent. */
function fixedTheme(frame: HTMLIFrameElement): boolean {
  return srcOf(frame)?.searchParams.has('theme') ?? false;
}

function start() {
  const embeds = new Map<MessageEventSource, Embed>();
  const theme = (frame: HTMLIFrameElement) => detectPageTheme(document, frame) ?? 'auto';
  const send = (target: MessageEventSource, embed: Embed) => {
    if (fixedTheme(embed.frame)) return;
    // A sandboxed embed's origin is "null": the theme is no secret, any origin may read it.
    const origin = embed.origin === 'null' ? '*' : embed.origin;
    (target as Window).postMessage({ type: 'stacklayers:set', theme: theme(embed.frame) }, origin);
  };

  addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    if (data.type !== 'stacklayers:resize' && data.type !== 'stacklayers:ready') return;
    const frame = frameOf(event.source);
    if (!frame || !event.source) return;
    const { height } = data;
    if (typeof height === 'number' && Number.isFinite(height) && height > 0)
      frame.style.height = `${Math.min(Math.ceil(height), 20000)}px`;
    const known = embeds.get(event.source);
    const embed = { frame, origin: event.origin };
    embeds.set(event.source, embed);
    // A new embed (or one that loaded again) learns the page's theme.
    if (!known || data.type === 'stacklayers:ready') send(event.source, embed);
  });

  // The page's toggle: every embed heard from, still on the page, follows.
  watchPageTheme(document, null, () => {
    for (const [target, embed] of embeds) {
      if (embed.frame.isConnected) send(target, embed);
      else embeds.delete(target);
    }
  });

  // Embeds that were ready before this script ran: asked once (an embed answers any `stacklayers:set` with
  // its height), and the answer registers them. The question carries nothing, so it may go to any origin (one
  // not loaded yet is still about:blank, which ignores it; a targeted post would log an origin mismatch).
  for (const frame of document.querySelectorAll('iframe')) {
    const src = srcOf(frame);
    if (frame.contentWindow && src && /\/embed\.html$/.test(src.pathname))
      frame.contentWindow.postMessage({ type: 'stacklayers:set' }, '*');
  }
}

// Loaded twice (a theme and a page both add it): one listener.
const global = window as unknown as Record<string, unknown>;
if (!global[FLAG]) {
  global[FLAG] = true;
  start();
}
