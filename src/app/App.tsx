import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { bootstrap } from './bootstrap';
import { DetailsCard } from './DetailsCard';
import { Diagram } from './Diagram';
import { Header } from './Header';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { NoticeBar } from './NoticeBar';
import { createAppStore, StoreContext, useApp, useAppStore } from './store';
import { readUrl } from './url';
import { useDropAndPaste } from './useDropAndPaste';
import { usePersistDraft } from './usePersistDraft';
import { useResolvedTheme } from './useTheme';
import { useUrlSync } from './useUrlSync';
import { WhatIfBanner } from './WhatIfBanner';

// CodeMirror is loaded only when the editor opens, so the viewer stays small.
const EditorPanel = lazy(() => import('./editor/EditorPanel'));

function Shell() {
  const store = useAppStore();
  const theme = useApp((s) => s.theme);
  const editorOpen = useApp((s) => s.editorOpen);
  const resolved = useResolvedTheme(theme);
  const dragging = useDropAndPaste(store);
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <NoticeBar />
      <main className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1">
          <Diagram colorMode={resolved} />
          <DetailsCard />
          <WhatIfBanner />
        </div>
        <Inspector />
        {editorOpen ? (
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
      <Legend />
      {dragging ? (
        <div className="pointer-events-none fixed inset-3 z-50 grid place-items-center rounded-2xl border-4 border-dashed border-blue-500 bg-blue-500/10 text-lg font-semibold text-blue-900 dark:text-blue-100">
          Drop a model file to open it
        </div>
      ) : null}
    </div>
  );
}

export function App() {
  const [store] = useState(() => {
    const url = readUrl(window.location.search);
    return createAppStore({
      view: url.view ?? 'traditional',
      theme: url.theme ?? 'auto',
      selected: url.select ?? null,
      persona: url.persona ?? null,
    });
  });
  useUrlSync(store);
  usePersistDraft(store);
  useEffect(() => {
    void bootstrap(store, window.location);
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </StoreContext.Provider>
  );
}
