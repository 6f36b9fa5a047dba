import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { useShownLayout } from '../app/derived';
import { Diagram, type EmbedDisplay, fittedHeight } from '../app/diagram/Diagram';
import { PrintPicture } from '../app/diagram/PrintPicture';
import { ViewSwitches } from '../app/diagram/ViewSwitch';
import { DEFAULT_EXAMPLE } from '../app/document/examples';
import { loadExample, loadFromShare, loadFromUrl } from '../app/document/loaders';
import { loadValidator } from '../app/document/validator';
import { readUrl, type ThemeChoice } from '../app/settings/url';
import { useResolvedTheme } from '../app/settings/useTheme';
import { type AppState, createAppStore, StoreContext, useApp, useAppStore } from '../app/store';
import { NoticeBar } from '../app/ui/NoticeBar';
import type { Layout } from '../layout/layoutScene';
import type { View } from '../topology/views';
import {
  acceptsMessage,
  parseSetMessage,
  type ReadyMessage,
  type ResizeMessage,
  trustedOrigin,
} from './messages';
import { EmbedDetails, EmbedTour } from './onDemand';
import { type PageTheme, resolvePageTheme, watchPageTheme } from './pageTheme';

/**
 * An embed's theme: fixed, the reader's preference (`auto`), or the page's own light or dark as the docs
 * generators mark it (`page`, the web component's default; see pageTheme.ts).
 */
export type EmbedTheme = ThemeChoice | 'page';

/** How an embed is set up: from embed.html's URL, or from the web component's attributes. */
export interface EmbedConfig {
  view: View;
  theme: EmbedTheme;
  persona: 'operator' | 'tenant' | null;
  select: string | null;
  tour: { id: string; step: number } | null;
  controls: boolean;
  interactive: boolean;
  /** The minimap when part of the diagram is out of view (off by default: at fit it would cover the diagram). */
  minimap: boolean;
  /** Where the model comes from: inline text, a URL, a share-link payload, or the default example. */
  model: { text: string } | { url: string } | { share: string } | null;
}

export function configFromUrl(location: Location): EmbedConfig {
  const url = readUrl(location.search);
  const params = new URLSearchParams(location.search);
  const share = new URLSearchParams(location.hash.replace(/^#/, '')).get('model');
  const modelUrl = params.get('model');
  return {
    view: url.view ?? 'traditional',
    theme: url.theme ?? 'auto',
    persona: url.persona ?? null,
    select: url.select ?? null,
    tour: url.tour ?? null,
    controls: params.get('controls') !== '0',
    interactive: params.get('interactive') !== '0',
    minimap: params.get('minimap') === '1' || params.get('minimap') === 'true',
    model: share ? { share } : modelUrl ? { url: modelUrl } : null,
  };
}

async function loadEmbedModel(store: StoreApi<AppState>, model: EmbedConfig['model'], defaultUrl?: string) {
  if (model && 'text' in model && model.text === '') {
    // An element with an empty inline model: most often a server renderer dropped its content.
    store.getState().setNotice({
      kind: 'error',
      text: "This diagram's inline model is empty: the page's generator may have removed it (in VitePress, declare stacklayers-diagram with isCustomElement). Check the page source and the model with `stacklayers validate`.",
    });
  } else if (model && 'text' in model) {
    await loadValidator();
    store.getState().loadText(model.text, { kind: 'draft', label: 'inline model', key: 'inline' });
  } else if (model && 'share' in model) await loadFromShare(store, model.share);
  else if (model && 'url' in model) await loadFromUrl(store, model.url, embedInvalidMessage);
  else if (defaultUrl) await loadFromUrl(store, defaultUrl, embedInvalidMessage);
  else await loadExample(store, DEFAULT_EXAMPLE);
}

/** Tells the parent page the height the embed wants at its width (any origin may know it). */
function postResize(height: number, view: View) {
  const message: ResizeMessage = { type: 'stacklayers:resize', height, view };
  window.parent.postMessage(message, '*');
}

/** A model URL that answered with an invalid model, said to a reader (who has no editor) and its author. */
function embedInvalidMessage(url: string, issues: readonly { path: string; message: string }[]): string {
  const first = issues[0];
  const what = first ? `: ${first.path !== '$' ? `${first.path}: ` : ''}${first.message}` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `The diagram's model at ${url} has problems${what}${more}. Check it with \`stacklayers validate\`.`;
}

/** The view switches and, at the right, the zoom buttons (a slot React Flow's zoom control is portalled to). */
function EmbedBar({ onZoomSlot }: { onZoomSlot: (el: HTMLElement | null) => void }) {
  const store = useAppStore();
  const view = useApp((s) => s.view);
  return (
    <div className="flex flex-wrap items-center gap-x-2 border-b border-slate-200 bg-white px-2 py-0.5 dark:border-slate-800 dark:bg-slate-950">
      <ViewSwitches
        className="min-w-0 flex-1"
        view={view}
        onSwitch={(next) => store.getState().switchView(next)}
      />
      <div ref={onZoomSlot} className="ms-auto flex py-0.5" />
    </div>
  );
}

/**
 * The least height of an embed's diagram area: in a phone-width column the fitted diagram is a thin strip, and
 * the details card (and a zoomed-in look) need room; the diagram stays whole, centred in it.
 */
const MIN_CANVAS_HEIGHT = 220;

/**
 * The embed's height for its current width: its bars, plus the canvas that shows the whole diagram fitted to
 * that width (see fittedHeight; at least MIN_CANVAS_HEIGHT); with no diagram to show (a model with problems), room for the message.
 * Follows the width, the layout and the bars; `report` hears each new value.
 */
function useFittedHeight(
  shell: HTMLElement | null,
  canvas: HTMLElement | null,
  layout: Layout | null,
  report: (height: number) => void,
) {
  const problem = useApp((s) => s.issues.length > 0 || (s.notice?.kind === 'error' && s.loading === null));
  useEffect(() => {
    if (!shell || !canvas || (!layout && !problem)) return;
    const measure = () => {
      const bars = shell.offsetHeight - canvas.offsetHeight;
      const body = layout
        ? Math.max(fittedHeight(layout.width, layout.height, canvas.clientWidth), MIN_CANVAS_HEIGHT)
        : 120;
      if (canvas.clientWidth > 0) report(Math.max(0, bars) + body);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(shell);
    ro.observe(canvas);
    return () => ro.disconnect();
  }, [shell, canvas, layout, problem, report]);
}

/** The page's theme, followed live (the web component's `theme="page"`); null when not following it. */
function usePageTheme(follow: boolean, element: Element | null): PageTheme | null {
  const [theme, setTheme] = useState<PageTheme | null>(() =>
    follow ? resolvePageTheme(document, element) : null,
  );
  useEffect(() => {
    if (!follow) {
      setTheme(null);
      return;
    }
    setTheme(resolvePageTheme(document, element));
    return watchPageTheme(document, element, setTheme);
  }, [follow, element]);
  return follow ? (theme ?? resolvePageTheme(document, element)) : null;
}

function EmbedShell({
  config,
  scoped,
  host,
  followPage,
  onHeight,
  height,
}: {
  config: EmbedConfig;
  scoped: boolean;
  host: HTMLElement | undefined;
  followPage: boolean;
  onHeight: ((height: number) => void) | undefined;
  /** The last height reported (EmbedApp answers a parent's message with it). */
  height: { current: number };
}) {
  const store = useAppStore();
  const theme = useApp((s) => s.theme);
  const own = useResolvedTheme(theme, { onDocument: !scoped });
  const page = usePageTheme(followPage, host ?? null);
  const resolved = page ?? own;
  const hasModel = useApp((s) => s.model !== null);
  const [shell, setShell] = useState<HTMLElement | null>(null);
  const [canvas, setCanvas] = useState<HTMLElement | null>(null);
  const [zoomSlot, setZoomSlot] = useState<HTMLElement | null>(null);
  const layout = useShownLayout();
  const framed = !scoped && window.parent !== window;

  // The height: to the web component (it sizes itself) or, in a frame, to the parent page (its script
  // sizes the iframe). Sent only when it changes.
  const report = useCallback(
    (next: number) => {
      if (next === height.current) return;
      height.current = next;
      onHeight?.(next);
      if (framed) postResize(next, store.getState().view);
    },
    [onHeight, framed, store, height],
  );
  useFittedHeight(shell, canvas, layout, report);

  // Ready, once the first diagram is painted: a message to the parent page, an event from the element.
  const announced = useRef(false);
  const onDrawn = useCallback(() => {
    if (announced.current) return;
    announced.current = true;
    const view = store.getState().view;
    if (framed) {
      const message: ReadyMessage = { type: 'stacklayers:ready', view, height: height.current };
      window.parent.postMessage(message, '*');
    }
    host?.dispatchEvent(
      new CustomEvent('stacklayers-ready', {
        bubbles: true,
        composed: true,
        detail: { view, height: height.current },
      }),
    );
  }, [framed, host, store, height]);
  const display: EmbedDisplay = useMemo(
    () => ({ minimap: config.minimap, zoomSlot: config.controls ? zoomSlot : null, onDrawn }),
    [config.minimap, config.controls, zoomSlot, onDrawn],
  );
  return (
    <div
      ref={setShell}
      // In a shadow root, the theme's selectors ([data-theme='dark']) match this element, not the page's <html>.
      data-theme={scoped ? resolved : undefined}
      style={scoped ? { colorScheme: resolved } : undefined}
      className="sl-embed flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
    >
      <div className="sl-screen">
        {config.controls ? <EmbedBar onZoomSlot={setZoomSlot} /> : null}
        {/* Before a first model, a problem is said where the diagram would be (Diagram), not twice. */}
        {hasModel ? <NoticeBar /> : null}
      </div>
      <div ref={setCanvas} className="sl-screen relative min-h-0 flex-1">
        <Diagram colorMode={resolved} embed={display} />
        {config.interactive ? <EmbedDetails /> : null}
        <EmbedTour />
      </div>
      <PrintPicture />
    </div>
  );
}

/** The diagram alone: what embed.html and the web component show. */
export function EmbedApp({
  config,
  defaultModelUrl,
  scoped = false,
  host,
  onHeight,
}: {
  config: EmbedConfig;
  defaultModelUrl?: string;
  /** Rendered in a shadow root (the web component): the theme goes on the embed's own root, not on <html>. */
  scoped?: boolean;
  /** The web component's element: where its theme is read from and its ready event is dispatched. */
  host?: HTMLElement;
  /** Hears the embed's height at its width (the web component's auto height). */
  onHeight?: (height: number) => void;
}) {
  // The first model loads before the first render (an inline, shared or bundled model needs no request),
  // so the first render draws the diagram; a later change of the model attribute loads again.
  const loaded = useRef<{ model: EmbedConfig['model']; defaultModelUrl: string | undefined } | null>(null);
  const [store] = useState(() => {
    const created = createAppStore({
      view: config.view,
      theme: config.theme === 'page' ? 'auto' : config.theme,
      selected: config.select,
      persona: config.persona,
      tour: config.tour,
      interactive: config.interactive,
    });
    void loadEmbedModel(created, config.model, defaultModelUrl);
    loaded.current = { model: config.model, defaultModelUrl };
    return created;
  });
  const height = useRef(0);
  // Whether the theme follows the page (until an attribute or the parent page sets one).
  const [followPage, setFollowPage] = useState(config.theme === 'page');
  useEffect(() => {
    const last = loaded.current;
    if (last && sameModel(last.model, config.model) && last.defaultModelUrl === defaultModelUrl) return;
    loaded.current = { model: config.model, defaultModelUrl };
    void loadEmbedModel(store, config.model, defaultModelUrl);
  }, [store, config.model, defaultModelUrl]);
  // A changed attribute changes the diagram in place: the store keeps everything else (an open details card).
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each setting applies when it changes, alone.
  useEffect(() => {
    if (!first.current && store.getState().view !== config.view) store.getState().switchView(config.view);
  }, [config.view]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => {
    if (first.current) return;
    setFollowPage(config.theme === 'page');
    if (config.theme !== 'page') store.getState().setTheme(config.theme);
  }, [config.theme]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => {
    if (!first.current) store.getState().setPersona(config.persona);
  }, [config.persona]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => {
    if (!first.current) store.getState().select(config.select);
  }, [config.select]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => {
    if (!first.current) store.setState({ interactive: config.interactive });
  }, [config.interactive]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => {
    if (!first.current) store.getState().setTour(config.tour);
  }, [config.tour?.id, config.tour?.step]);
  useEffect(() => {
    first.current = false;
  }, []);
  // Only the embedding page may steer the embed, and only in the few ways a SetMessage allows.
  useEffect(() => {
    if (window.parent === window) return;
    const allowed = trustedOrigin(
      new URLSearchParams(window.location.search).get('origin'),
      document.referrer,
    );
    const onMessage = (event: MessageEvent) => {
      if (!acceptsMessage(event, window.parent, allowed)) return;
      const msg = parseSetMessage(event.data);
      if (!msg) return;
      const s = store.getState();
      if (msg.topology && msg.topology !== s.view) s.switchView(msg.topology);
      if (msg.theme) {
        s.setTheme(msg.theme);
        setFollowPage(false);
      }
      if (msg.persona !== undefined) s.setPersona(msg.persona);
      // A script that arrived after the embed was ready asks with an empty message: the answer is the height.
      if (height.current > 0) postResize(height.current, store.getState().view);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <EmbedShell
        config={config}
        scoped={scoped}
        host={host}
        followPage={followPage}
        onHeight={onHeight}
        height={height}
      />
    </StoreContext.Provider>
  );
}

/** Two model sources are the same (the web component builds a new config object on each attribute change). */
function sameModel(a: EmbedConfig['model'], b: EmbedConfig['model']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if ('text' in a && 'text' in b) return a.text === b.text;
  if ('url' in a && 'url' in b) return a.url === b.url;
  if ('share' in a && 'share' in b) return a.share === b.share;
  return false;
}
