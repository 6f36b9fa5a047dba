import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import { checkDraft } from '../model/checkDraft';
import type { LocatedIssue } from '../model/locate';
import type { Model } from '../model/schema';
import type { View } from '../topology/views';
import { type DraftSource, pushHistory } from './drafts';
import type { ThemeChoice } from './url';

/** A short message for the user (announced politely; errors assertively). */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface AppState {
  /** The text in the editor: the user's draft. */
  draft: string;
  source: DraftSource;
  /** The draft was changed in the editor since it was loaded. */
  edited: boolean;
  /** The last valid model: what the diagram shows. */
  model: Model | null;
  /** Problems of the draft (empty when it is valid). */
  issues: readonly LocatedIssue[];
  /** What is being loaded, while it loads. */
  loading: string | null;
  notice: Notice | null;

  view: View;
  theme: ThemeChoice;
  legendOpen: boolean;
  editorOpen: boolean;

  /**
   * Replaces the draft with loaded text. The replaced draft goes to the history when it was edited, so a
   * load never loses an edit. Returns whether the text is a valid model.
   */
  loadText: (
    text: string,
    source: DraftSource,
    options?: { edited?: boolean; restoring?: boolean },
  ) => boolean;
  /** The user typed in the editor. */
  editDraft: (text: string) => void;
  setLoading: (label: string | null) => void;
  setNotice: (notice: Notice | null) => void;
  setView: (view: View) => void;
  setTheme: (theme: ThemeChoice) => void;
  toggleLegend: () => void;
  setEditorOpen: (open: boolean) => void;
}

const NO_SOURCE: DraftSource = { kind: 'draft', label: '', key: '' };

/** One store per diagram instance (the app has one; compare and embeds may have more). */
export function createAppStore(initial: { view: View; theme: ThemeChoice }): StoreApi<AppState> {
  return createStore<AppState>()((set, get) => ({
    draft: '',
    source: NO_SOURCE,
    edited: false,
    model: null,
    issues: [],
    loading: null,
    notice: null,
    view: initial.view,
    theme: initial.theme,
    // On a phone the legend would take a third of the screen: it starts folded there.
    legendOpen: typeof window === 'undefined' || window.innerWidth >= 700,
    editorOpen: false,

    loadText: (text, source, options = {}) => {
      const before = get();
      if (!options.restoring && before.edited && before.draft !== text)
        pushHistory({ text: before.draft, source: before.source, edited: true, savedAt: Date.now() });
      const check = checkDraft(text);
      set({
        draft: text,
        source,
        edited: options.edited ?? false,
        model: check.ok ? check.model : before.model,
        issues: check.issues,
        loading: null,
        // An invalid load opens the editor, where the problems are listed.
        editorOpen: before.editorOpen || !check.ok,
      });
      return check.ok;
    },
    editDraft: (text) => {
      if (text === get().draft) return;
      const check = checkDraft(text);
      set((s) => ({
        draft: text,
        edited: true,
        model: check.ok ? check.model : s.model,
        issues: check.issues,
      }));
    },
    setLoading: (loading) => set({ loading }),
    setNotice: (notice) => set({ notice }),
    setView: (view) => set({ view }),
    setTheme: (theme) => set({ theme }),
    toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
    setEditorOpen: (editorOpen) => set({ editorOpen }),
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
