import { useEffect, useState } from 'react';
import { Diagram } from './Diagram';
import { Header } from './Header';
import { Legend } from './Legend';
import { loadModel } from './loadModel';
import { createAppStore, StoreContext, useApp } from './store';
import { readUrl } from './url';
import { useResolvedTheme } from './useTheme';
import { useUrlSync } from './useUrlSync';

export const DEFAULT_MODEL_URL = `${import.meta.env.BASE_URL}models/default.json`;

function Shell() {
  const theme = useApp((s) => s.theme);
  const resolved = useResolvedTheme(theme);
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <main className="min-h-0 flex-1">
        <Diagram colorMode={resolved} />
      </main>
      <Legend />
    </div>
  );
}

export function App() {
  const [store] = useState(() => {
    const url = readUrl(window.location.search);
    return createAppStore({ view: url.view ?? 'traditional', theme: url.theme ?? 'auto' });
  });
  useUrlSync(store);
  useEffect(() => {
    let live = true;
    void loadModel(DEFAULT_MODEL_URL).then((state) => {
      if (live) store.getState().setModelState(state);
    });
    return () => {
      live = false;
    };
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}
