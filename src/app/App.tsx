import { lazy, Suspense, useEffect, useState } from 'react';
import './document/bundledDefault';
import { afterFirstDiagram } from './afterFirstDiagram';
import { bootstrap } from './bootstrap';
import { Compare } from './diagram/Compare';
import { Diagram } from './diagram/Diagram';
import { PrintPicture } from './diagram/PrintPicture';
import { DEFAULT_EXAMPLE } from './document/examples';
import { forgetModelInUrl, loadExample } from './document/loaders';
import { useDropAndPaste } from './document/useDropAndPaste';
import { usePersistDraft } from './document/usePersistDraft';
import { loadValidator } from './document/validator';
import { ChangeList } from './explain/ChangeList';
import { DetailsCard } from './explain/DetailsCard';
import { Inspector } from './explain/Inspector';
import { Legend } from './explain/Legend';
import { WhatIfBanner } from './explain/WhatIfBanner';
import { Header } from './Header';
import { initialTheme, readStoredTheme } from './settings/themeChoice';
import { readUrl, urlWithView } from './settings/url';
import { useResolvedTheme } from './settings/useTheme';
import { useUrlSync } from './settings/useUrlSync';
import { createAppStore, StoreContext, useApp, useAppStore } from './store';
import { useTourChannel } from './tour/channel';
import { TourPlayer } from './tour/TourPlayer';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { NoticeBar } from './ui/NoticeBar';

// The presenter's window (a tour's notes, next step, step list): its own chunk, loaded only there.
const PresenterView = lazy(() => import('./tour/PresenterView').then((m) => ({ default: m.PresenterView })));

// CodeMirror is loaded only when the editor opens, so the viewer stays small.
// The editor checks every keystroke: its chunk and the validator load together.
const EditorPanel = lazy(() =>
  Promise.all([import('./editor/EditorPanel'), loadValidator()]).then(([m]) => m),
);

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  t.closest('input, textarea, select, [contenteditable="true"], .cm-editor, dialog') !== null;

/** P toggles presenter mode (full screen when the browser allows it). */
function usePresenterKey() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'p' && e.key !== 'P') || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      const on = !store.getState().presenter;
      store.getState().togglePresenter();
      if (on) void document.documentElement.requestFullscreen?.().catch(() => undefined);
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

function Shell() {
  const store = useAppStore();
  const theme = useApp((s) => s.theme);
  const editorOpen = useApp((s) => s.editorOpen);
  const presenter = useApp((s) => s.presenter);
  const comparing = useApp((s) => s.compare !== null);
  const resolved = useResolvedTheme(theme);
  const dragging = useDropAndPaste(store);
  const touring = useApp((s) => s.tour !== null);
  usePresenterKey();
  // A presenter's window may drive this one (the room's) over a BroadcastChannel.
  useTourChannel(store, 'room');
  const resetView = () => {
    store.getState().resetView();
    // The URL forgets what was reset too, so a reload does not bring back what broke (compare, a tour step).
    const url = new URL(urlWithView(window.location.href, store.getState().view), window.location.href);
    for (const key of ['compare', 'tour', 'step', 'select', 'persona']) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  };
  const resetToExample = () => {
    resetView();
    void loadExample(store, DEFAULT_EXAMPLE).then(forgetModelInUrl);
  };
  return (
    <div
      className={`sl-app flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100${
        presenter ? ' sl-presenter' : ''
      }`}
      data-presenter={presenter ? 'true' : undefined}
    >
      {presenter ? null : <Header />}
      {presenter ? null : <NoticeBar />}
      <main className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1">
          <ErrorBoundary what="the diagram" onResetView={resetView} onResetToExample={resetToExample}>
            {comparing ? <Compare colorMode={resolved} /> : <Diagram colorMode={resolved} />}
          </ErrorBoundary>
          {presenter ? null : <DetailsCard />}
          {comparing || touring ? null : <WhatIfBanner />}
          {comparing || presenter || touring ? null : <ChangeList />}
          <TourPlayer />
          {presenter ? (
            <button
              type="button"
              data-tour-overlay=""
              onClick={() => store.getState().togglePresenter()}
              className="absolute top-2 left-2 z-30 rounded-md bg-slate-900/70 px-2.5 py-1 text-[13px] text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-400"
            >
              Leave presenter mode (P)
            </button>
          ) : null}
        </div>
        {presenter ? null : (
          <ErrorBoundary what="the explain panel" onResetView={resetView} onResetToExample={resetToExample}>
            <Inspector />
          </ErrorBoundary>
        )}
        {editorOpen && !presenter ? (
          <Suspense
            fallback={
              <div className="w-[min(44vw,640px)] border-l border-slate-200 p-4 text-sm">
                Loading the editor…
              </div>
            }
          >
            <EditorPanel dark={resolved === 'dark'} />
          </Suspense>
        ) : null}
      </main>
      {presenter ? null : <Legend />}
      <PrintPicture />
      {dragging ? (
        <div className="pointer-events-none fixed inset-3 z-50 grid place-items-center rounded-2xl border-4 border-dashed border-blue-500 bg-blue-500/10 text-lg font-semibold text-blue-900 dark:text-blue-100">
          Drop a model file to open it
        </div>
      ) : null}
    </div>
  );
}

/**
 * The page's store, created once: the first render may be done again before it is committed (a transition
 * that saw the store change, see src/main.tsx), and a second store would load the page's model a second time.
 */
let pageStore: ReturnType<typeof createAppStore> | undefined;

function createPageStore() {
  if (pageStore) return pageStore;
  const url = readUrl(window.location.search);
  const created = createAppStore({
    view: url.compare?.[1] ?? url.view ?? 'traditional',
    theme: initialTheme(url.theme, readStoredTheme()),
    selected: url.select ?? null,
    persona: url.persona ?? null,
    tour: url.tour ?? null,
    compare: url.compare ?? null,
    unfolded: url.unfolded,
  });
  pageStore = created;
  // Before the first render: the bundled example, a share link or a saved draft load synchronously, so
  // the very first render already draws the diagram (a `?model=` URL does when the worker has checked it).
  void bootstrap(created, window.location);
  // Ready for the first model the user opens, pastes or edits.
  void afterFirstDiagram().then(loadValidator);
  return created;
}

export function App() {
  const [store] = useState(createPageStore);
  const [presenterWindow] = useState(
    () => new URLSearchParams(window.location.search).get('presenter') === '1',
  );
  useUrlSync(store);
  usePersistDraft(store);
  return (
    <StoreContext.Provider value={store}>
      {presenterWindow ? (
        <Suspense fallback={<div className="p-8">Loading the presenter's view…</div>}>
          <PresenterView />
        </Suspense>
      ) : (
        <Shell />
      )}
    </StoreContext.Provider>
  );
}
