import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { DetailsCard } from '../app/DetailsCard';
import { Diagram } from '../app/Diagram';
import { layoutFor, sceneFor } from '../app/derived';
import { DEFAULT_EXAMPLE } from '../app/examples';
import { loadExample, loadFromShare, loadFromUrl } from '../app/loaders';
import { NoticeBar } from '../app/NoticeBar';
import { type AppState, createAppStore, StoreContext, useApp, useAppStore } from '../app/store';
import { TourPlayer } from '../app/TourPlayer';
import { readUrl, type ThemeChoice } from '../app/url';
import { useResolvedTheme } from '../app/useTheme';
import { ViewSwitches } from '../app/ViewSwitch';
import { loadValidator } from '../app/validator';
import type { View } from '../topology/views';
import { acceptsMessage, parseSetMessage, type ResizeMessage, trustedOrigin } from './messages';

/** How an embed is set up: from embed.html's URL, or from the web component's attributes. */
export interface EmbedConfig {
  view: View;
  theme: ThemeChoice;
  persona: 'operator' | 'tenant' | null;
  select: string | null;
  tour: { id: string; step: number } | null;
  controls: boolean;
  interactive: boolean;
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
    model: share ? { share } : modelUrl ? { url: modelUrl } : null,
  };
}

export async function loadEmbedModel(
  store: StoreApi<AppState>,
  model: EmbedConfig['model'],
  defaultUrl?: string,
) {
  if (model && 'text' in model) {
    await loadValidator();
    store.getState().loadText(model.text, { kind: 'draft', label: 'inline model', key: 'inline' });
  } else if (model && 'share' in model) await loadFromShare(store, model.share);
  else if (model && 'url' in model) await loadFromUrl(store, model.url);
  else if (defaultUrl) await loadFromUrl(store, defaultUrl);
  else await loadExample(store, DEFAULT_EXAMPLE);
}

function EmbedControls() {
  const store = useAppStore();
  const view = useApp((s) => s.view);
  return (
    <ViewSwitches
      className="border-b border-slate-200 bg-white px-2 py-0.5 dark:border-slate-800 dark:bg-slate-950"
      view={view}
      onSwitch={(next) => store.getState().switchView(next)}
    />
  );
}

/** Tells the parent page the height the diagram wants at the current width. */
function useReportHeight(host: HTMLElement | null, controls: boolean) {
  const model = useApp((s) => s.model);
  const view = useApp((s) => s.view);
  const collapsed = useApp((s) => s.collapsed);
  const hidden = useApp((s) => s.hiddenLayers);
  useEffect(() => {
    if (!model || !host || window.parent === window) return;
    const scene = sceneFor(model, view);
    const layout = layoutFor(scene, collapsed ?? new Set(), hidden);
    const post = () => {
      const width = host.clientWidth || window.innerWidth;
      const message: ResizeMessage = {
        type: 'stacklayers:resize',
        height: Math.ceil((width / layout.width) * layout.height) + (controls ? 34 : 0),
        view,
      };
      window.parent.postMessage(message, '*');
    };
    post();
    const ro = new ResizeObserver(post);
    ro.observe(host);
    return () => ro.disconnect();
  }, [model, view, collapsed, hidden, host, controls]);
}

function EmbedShell({ config, scoped }: { config: EmbedConfig; scoped: boolean }) {
  const theme = useApp((s) => s.theme);
  const resolved = useResolvedTheme(theme, { onDocument: !scoped });
  const [host, setHost] = useState<HTMLElement | null>(null);
  useReportHeight(host, config.controls);
  return (
    <div
      ref={setHost}
      // In a shadow root, the theme's selectors ([data-theme='dark']) match this element, not the page's <html>.
      data-theme={scoped ? resolved : undefined}
      style={scoped ? { colorScheme: resolved } : undefined}
      className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
    >
      {config.controls ? <EmbedControls /> : null}
      <NoticeBar />
      <div className="relative min-h-0 flex-1">
        <Diagram colorMode={resolved} />
        {config.interactive ? <DetailsCard /> : null}
        <TourPlayer embedded />
      </div>
    </div>
  );
}

/** The diagram alone: what embed.html and the web component show. */
export function EmbedApp({
  config,
  defaultModelUrl,
  scoped = false,
}: {
  config: EmbedConfig;
  defaultModelUrl?: string;
  /** Rendered in a shadow root (the web component): the theme goes on the embed's own root, not on <html>. */
  scoped?: boolean;
}) {
  // The first model loads before the first render (an inline, shared or bundled model needs no request),
  // so the first render draws the diagram; a later change of the model attribute loads again.
  const loaded = useRef<{ model: EmbedConfig['model']; defaultModelUrl: string | undefined } | null>(null);
  const [store] = useState(() => {
    const created = createAppStore({
      view: config.view,
      theme: config.theme,
      selected: config.select,
      persona: config.persona,
      tour: config.tour,
      interactive: config.interactive,
    });
    void loadEmbedModel(created, config.model, defaultModelUrl);
    loaded.current = { model: config.model, defaultModelUrl };
    return created;
  });
  useEffect(() => {
    const last = loaded.current;
    if (last && last.model === config.model && last.defaultModelUrl === defaultModelUrl) return;
    loaded.current = { model: config.model, defaultModelUrl };
    void loadEmbedModel(store, config.model, defaultModelUrl);
  }, [store, config.model, defaultModelUrl]);
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
      if (msg.topology) s.switchView(msg.topology);
      if (msg.theme) s.setTheme(msg.theme);
      if (msg.persona !== undefined) s.setPersona(msg.persona);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <EmbedShell config={config} scoped={scoped} />
    </StoreContext.Provider>
  );
}
