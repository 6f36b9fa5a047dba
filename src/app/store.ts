import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import type { Model } from '../model/schema';
import type { ModelIssue } from '../model/validate';
import type { View } from '../topology/views';
import type { ThemeChoice } from './url';

/** Loading state of the model shown. */
export type ModelState =
  | { status: 'loading' }
  | { status: 'ready'; model: Model; source: string }
  | { status: 'error'; source: string; message: string; issues: readonly ModelIssue[] };

export interface AppState {
  modelState: ModelState;
  view: View;
  theme: ThemeChoice;
  legendOpen: boolean;
  setModelState: (state: ModelState) => void;
  setView: (view: View) => void;
  setTheme: (theme: ThemeChoice) => void;
  toggleLegend: () => void;
}

/** One store per diagram instance (the app has one; compare and embeds may have more). */
export function createAppStore(initial: { view: View; theme: ThemeChoice }): StoreApi<AppState> {
  return createStore<AppState>()((set) => ({
    modelState: { status: 'loading' },
    view: initial.view,
    theme: initial.theme,
    // On a phone the legend would take a third of the screen: it starts folded there.
    legendOpen: typeof window === 'undefined' || window.innerWidth >= 700,
    setModelState: (modelState) => set({ modelState }),
    setView: (view) => set({ view }),
    setTheme: (theme) => set({ theme }),
    toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
  }));
}

export const StoreContext = createContext<StoreApi<AppState> | null>(null);

/** Reads the nearest store with a selector (return primitives, or use useShallow). */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp must be used inside <StoreContext.Provider>');
  return useStore(store, selector);
}

export function useAppStore(): StoreApi<AppState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreContext.Provider>');
  return store;
}
