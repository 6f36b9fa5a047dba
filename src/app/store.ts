import { createContext, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import type { DraftCheck } from '../model/checkDraft';
import type { LocatedIssue } from '../model/locate';
import type { Model } from '../model/schema';
import type { Persona } from '../topology/explain';
import type { Layer } from '../topology/scene';
import type { View } from '../topology/views';
import { type DraftSource, pushHistory } from './document/drafts';
import { loadValidator, validatorIfLoaded } from './document/validator';
import type { ThemeChoice } from './settings/url';
import type { Rect as FrameRect } from './tour/framing';

/** A short message for the user (announced politely; errors assertively). */
interface Notice {
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

  /** The element whose details are open (`select=` in the URL). */
  selected: string | null;
  /** The element under the pointer: its stack is highlighted. */
  hovered: string | null;
  /** The persona lens (`persona=` in the URL); null: everyone. */
  persona: Persona | null;
  /** Elements marked failed (what-if). */
  failed: readonly string[];
  /** Folded hosts, projects and clusters; null: the default (see `unfolded`). */
  collapsed: ReadonlySet<string> | null;
  /** The default folding: nothing folded (`fold=none` in the URL), or as the model's size suggests. */
  unfolded: boolean;
  hiddenLayers: ReadonlySet<Layer>;
  /** The open tab of the explain panel, if open. */
  inspector: InspectorTab | null;
  /** A request to zoom to an element (a new object each time). */
  zoomTo: { ids: readonly string[] } | null;
  /** The running guided tour and its step (0-based), if any. */
  tour: { id: string; step: number } | null;
  /** Elements a tour step highlights. */
  tourHighlight: readonly string[];
  /** Elements a tour step names (focus, highlight, failures): what is not related to them is dimmed. */
  tourNamed: readonly string[];
  /**
   * While a tour runs: the elements to frame (none: the whole view) and the rectangles of the canvas its
   * overlays cover (the card), so the diagram is fitted into the rest (app/tour/TourFrameWatcher).
   */
  tourFrame: { ids: readonly string[]; overlays: readonly FrameRect[] } | null;
  /** The current step's quiz answer was revealed (from the presenter's window). */
  tourReveal: boolean;
  /** Presenter mode: only the diagram and the tour text, larger. */
  presenter: boolean;
  /** Pan, zoom and selection allowed (an embed may turn them off). */
  interactive: boolean;
  /** Two views side by side (`compare=a,b`), or null. */
  compare: readonly [View, View] | null;
  /** The last view switch a user made, to say what changed. */
  lastSwitch: { from: View; to: View } | null;

  /**
   * Replaces the draft with loaded text. The replaced draft goes to the history when it was edited, so a
   * load never loses an edit. `trusted` is the model of a text that ships with the app and is checked by
   * its tests (the bundled default): it is not validated again. `checked` is this text's check, made
   * elsewhere (a worker). Text from outside needs the validator (`loadValidator()`). Returns what happened:
   * - `ok`: the text is a valid model, now drawn;
   * - `invalid`: it is not; it is the draft, with its problems in the editor (opened), while the diagram
   *   keeps the last valid model; or, over a limit, it is refused whole with a notice, nothing else changing;
   * - `pending`: the validator has not loaded yet; nothing changes until it has, then the load happens.
   */
  loadText: (
    text: string,
    source: DraftSource,
    options?: { edited?: boolean; restoring?: boolean; trusted?: Model; checked?: DraftCheck },
  ) => 'ok' | 'invalid' | 'pending';
  /** The user typed in the editor. */
  editDraft: (text: string) => void;
  setLoading: (label: string | null) => void;
  setNotice: (notice: Notice | null) => void;
  setView: (view: View) => void;
  /** A view switch by the user: the view, and a note of what it was before. */
  switchView: (view: View) => void;
  dismissSwitch: () => void;
  setTour: (tour: { id: string; step: number } | null) => void;
  /** Applies a tour step: its view, lens, failures, highlight and focus. */
  applyStep: (step: {
    view: View;
    persona?: Persona | undefined;
    fail?: readonly string[] | undefined;
    highlight?: readonly string[] | undefined;
    focus?: readonly string[] | undefined;
  }) => void;
  togglePresenter: () => void;
  setTourReveal: (reveal: boolean) => void;
  /** The tour's overlays moved or changed size (canvas coordinates). */
  setTourOverlays: (overlays: readonly FrameRect[]) => void;
  setCompare: (compare: readonly [View, View] | null) => void;
  /** Back to a plain view of the model: no selection, failures, folding by hand, hidden layers, compare or tour. */
  resetView: () => void;
  setTheme: (theme: ThemeChoice) => void;
  toggleLegend: () => void;
  setEditorOpen: (open: boolean) => void;
  select: (id: string | null) => void;
  hover: (id: string | null) => void;
  setPersona: (persona: Persona | null) => void;
  toggleFailed: (id: string) => void;
  clearFailed: () => void;
  /** Marks exactly these ids failed (e.g. every member of a cell's database at once). */
  setFailed: (ids: readonly string[]) => void;
  /** Folds or unfolds `id`, starting from `current` (the collapsed set in effect). */
  toggleCollapsed: (id: string, current: ReadonlySet<string>) => void;
  setCollapsed: (collapsed: ReadonlySet<string> | null) => void;
  toggleLayer: (layer: Layer) => void;
  setInspector: (tab: InspectorTab | null) => void;
  /** Selects an element and zooms to it, unfolding what hides it. */
  focusElement: (id: string, current: ReadonlySet<string>, containers: readonly string[]) => void;
}

export type InspectorTab = 'numbers' | 'what-if' | 'outline';

const NO_SOURCE: DraftSource = { kind: 'draft', label: '', key: '' };

/** The state's data (not its actions). */
type AppStateData = {
  // biome-ignore lint/suspicious/noExplicitAny: any function type, whatever its parameters.
  [K in keyof AppState]: AppState[K] extends (...args: any[]) => unknown ? never : K;
}[keyof AppState];
type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

/** The draft: loading a text (a file, an example, a link) and editing it, each validated. */
function draftSlice(set: SetState, get: GetState): Pick<AppState, 'loadText' | 'editDraft'> {
  return {
    loadText: (text, source, options = {}) => {
      const before = get();
      const validate = validatorIfLoaded();
      const check: DraftCheck | undefined = options.trusted
        ? { ok: true, model: options.trusted, issues: [] }
        : (options.checked ?? validate?.(text));
      if (!check) {
        void loadValidator().then(() => get().loadText(text, source, options));
        return 'pending';
      }
      // Input over a limit (or not text at all) is refused as a whole: the draft, the editor and the diagram
      // stay as they were (opening megabytes in the editor would freeze the tab), and a notice says why.
      const refusal = !options.restoring && !check.ok ? check.issues.find((i) => i.limit) : undefined;
      if (refusal) {
        set({
          loading: null,
          notice: { kind: 'error', text: `Cannot open ${source.label}: ${refusal.message}.` },
        });
        return 'invalid';
      }
      if (!options.restoring && before.edited && before.draft !== text)
        pushHistory({ text: before.draft, source: before.source, edited: true, savedAt: Date.now() });
      // The same text again (a repeated load) keeps what the user had: selection, failures, folding.
      const newModel = check.ok && text !== before.draft;
      set({
        draft: text,
        source,
        edited: options.edited ?? false,
        model: check.ok ? check.model : before.model,
        issues: check.issues,
        loading: null,
        // An invalid load opens the editor, where the problems are listed.
        editorOpen: before.editorOpen || !check.ok,
        inspector: !check.ok ? null : before.inspector,
        // A different model starts afresh: nothing failed, nothing folded by hand. A selection from the URL
        // survives the first load (restoring) so `select=` works.
        ...(newModel && before.model !== null
          ? { failed: [], collapsed: null, selected: null, hovered: null }
          : newModel
            ? { failed: [], collapsed: null }
            : {}),
      });
      return check.ok ? 'ok' : 'invalid';
    },
    editDraft: (text) => {
      if (text === get().draft) return;
      const validate = validatorIfLoaded();
      if (!validate) {
        void loadValidator().then(() => get().editDraft(text));
        return;
      }
      const check = validate(text);
      set((s) => ({
        draft: text,
        edited: true,
        model: check.ok ? check.model : s.model,
        issues: check.issues,
      }));
    },
  };
}

/** A running tour: its step's view, lens, failures and framing, the presenter's reveal. */
function tourSlice(
  set: SetState,
): Pick<AppState, 'setTour' | 'applyStep' | 'setTourReveal' | 'setTourOverlays' | 'togglePresenter'> {
  return {
    setTour: (tour) =>
      set((s) =>
        tour
          ? // A tour starting folds the legend: the diagram gets its height (the legend can be opened again).
            s.tour === null
            ? { tour, legendOpen: false }
            : { tour }
          : { tour, tourHighlight: [], tourNamed: [], tourFrame: null, failed: [], persona: null },
      ),
    applyStep: (step) =>
      set((s) => ({
        view: step.view,
        lastSwitch: s.view === step.view ? s.lastSwitch : { from: s.view, to: step.view },
        persona: step.persona ?? null,
        failed: step.fail ?? [],
        tourHighlight: step.highlight ?? [],
        tourNamed: [...(step.focus ?? []), ...(step.highlight ?? []), ...(step.fail ?? [])],
        selected: null,
        hovered: null,
        tourReveal: false,
        // The step frames its focus and what it highlights (both must be seen), else the whole view.
        tourFrame: {
          ids: [...new Set([...(step.focus ?? []), ...(step.highlight ?? [])])],
          overlays: s.tourFrame?.overlays ?? [],
        },
        zoomTo: null,
      })),
    setTourReveal: (tourReveal) => set({ tourReveal }),
    setTourOverlays: (overlays) =>
      set((s) =>
        s.tourFrame && !sameRects(s.tourFrame.overlays, overlays)
          ? { tourFrame: { ids: s.tourFrame.ids, overlays } }
          : {},
      ),
    togglePresenter: () => set((s) => ({ presenter: !s.presenter })),
  };
}

/** What the reader chooses to see: the view, the panels, selection, lens, failures, folding, layers. */
function viewSlice(
  set: SetState,
): Omit<AppState, keyof ReturnType<typeof draftSlice> | keyof ReturnType<typeof tourSlice> | AppStateData> {
  return {
    setLoading: (loading) => set({ loading }),
    setNotice: (notice) => set({ notice }),
    setView: (view) => set({ view }),
    switchView: (view) =>
      set((s) => ({ view, lastSwitch: s.view === view ? s.lastSwitch : { from: s.view, to: view } })),
    dismissSwitch: () => set({ lastSwitch: null }),
    resetView: () =>
      set({
        selected: null,
        hovered: null,
        failed: [],
        collapsed: null,
        hiddenLayers: new Set(),
        compare: null,
        tour: null,
        tourHighlight: [],
        tourNamed: [],
        tourFrame: null,
        persona: null,
        zoomTo: null,
        inspector: null,
      }),
    setCompare: (compare) => set(compare ? { compare, view: compare[1], editorOpen: false } : { compare }),
    setTheme: (theme) => set({ theme }),
    toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
    setEditorOpen: (editorOpen) => set(editorOpen ? { editorOpen, inspector: null } : { editorOpen }),
    select: (selected) => set({ selected }),
    hover: (hovered) => set({ hovered }),
    setPersona: (persona) => set({ persona }),
    toggleFailed: (id) =>
      set((s) => ({ failed: s.failed.includes(id) ? s.failed.filter((f) => f !== id) : [...s.failed, id] })),
    clearFailed: () => set({ failed: [] }),
    setFailed: (ids) => set({ failed: [...ids] }),
    toggleCollapsed: (id, current) =>
      set(() => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return { collapsed: next };
      }),
    setCollapsed: (collapsed) => set({ collapsed }),
    toggleLayer: (layer) =>
      set((s) => {
        const next = new Set(s.hiddenLayers);
        if (next.has(layer)) next.delete(layer);
        else next.add(layer);
        return { hiddenLayers: next };
      }),
    setInspector: (inspector) => set(inspector ? { inspector, editorOpen: false } : { inspector }),
    focusElement: (id, current, containers) =>
      set(() => {
        const folded = containers.filter((c) => current.has(c));
        const collapsed = folded.length
          ? new Set([...current].filter((c) => !folded.includes(c)))
          : undefined;
        return { selected: id, zoomTo: { ids: [id] }, ...(collapsed ? { collapsed } : {}) };
      }),
  };
}

/** One store per diagram instance (the app has one; compare and embeds may have more). */
export function createAppStore(initial: {
  view: View;
  theme: ThemeChoice;
  selected?: string | null;
  persona?: Persona | null;
  tour?: { id: string; step: number } | null;
  compare?: readonly [View, View] | null;
  interactive?: boolean;
  unfolded?: boolean;
}): StoreApi<AppState> {
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
    // A tour's link starts it folded too (see setTour).
    legendOpen: !initial.tour && (typeof window === 'undefined' || window.innerWidth >= 700),
    editorOpen: false,
    selected: initial.selected ?? null,
    hovered: null,
    persona: initial.persona ?? null,
    failed: [],
    collapsed: null,
    unfolded: initial.unfolded ?? false,
    hiddenLayers: new Set(),
    inspector: null,
    zoomTo: null,
    lastSwitch: null,
    tour: initial.tour ?? null,
    tourHighlight: [],
    tourNamed: [],
    tourFrame: null,
    tourReveal: false,
    presenter: false,
    compare: initial.compare ?? null,
    interactive: initial.interactive ?? true,

    ...draftSlice(set, get),
    ...tourSlice(set),
    ...viewSlice(set),
  }));
}

const sameRects = (a: readonly FrameRect[], b: readonly FrameRect[]) =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i];
    return (
      o !== undefined &&
      Math.abs(r.x - o.x) < 1 &&
      Math.abs(r.y - o.y) < 1 &&
      Math.abs(r.width - o.width) < 1 &&
      Math.abs(r.height - o.height) < 1
    );
  });

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
