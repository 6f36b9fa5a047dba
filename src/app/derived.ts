import { useSyncExternalStore } from 'react';
import { defaultCollapsed, type Layout, layoutScene } from '../layout/layoutScene';
import type { Model } from '../model/schema';
import { deriveScene } from '../topology/deriveScene';
import type { FailureReport } from '../topology/failures/reportTypes';
import type { Layer, Scene } from '../topology/scene';
import type { View } from '../topology/views';
import { failureEngine, subscribeFailureEngine } from './explain/failureEngineSlot';
import { useApp } from './store';

/**
 * Derived data, computed once per input and shared by every component (the diagram, the details, the
 * inspector, search): never stored, never computed twice for the same input.
 */
const scenes = new WeakMap<Model, Map<View, Scene>>();

export function sceneFor(model: Model, view: View): Scene {
  let byView = scenes.get(model);
  if (!byView) {
    byView = new Map();
    scenes.set(model, byView);
  }
  let scene = byView.get(view);
  if (!scene) {
    scene = deriveScene(model, view);
    byView.set(view, scene);
  }
  return scene;
}

const folded = new WeakMap<Scene, Set<string>>();
const NOTHING_FOLDED: ReadonlySet<string> = new Set();
/**
 * The collapsed set in effect: the user's, or the default: nothing (`unfolded`, `fold=none` in the URL) or the
 * default for the scene's size.
 */
export function collapsedFor(
  scene: Scene,
  chosen: ReadonlySet<string> | null,
  unfolded = false,
): ReadonlySet<string> {
  if (chosen) return chosen;
  if (unfolded) return NOTHING_FOLDED;
  let d = folded.get(scene);
  if (!d) {
    d = defaultCollapsed(scene);
    folded.set(scene, d);
  }
  return d;
}

const layouts = new WeakMap<
  Scene,
  { collapsed: ReadonlySet<string>; hidden: ReadonlySet<Layer>; layout: Layout }
>();
/** The layout of a scene with the folding and hidden layers in effect (one cached per scene). */
export function layoutFor(scene: Scene, collapsed: ReadonlySet<string>, hidden: ReadonlySet<Layer>): Layout {
  const last = layouts.get(scene);
  if (last && last.collapsed === collapsed && last.hidden === hidden) return last.layout;
  const layout = layoutScene(scene, { collapsed, hiddenLayers: hidden });
  layouts.set(scene, { collapsed, hidden, layout });
  return layout;
}

/** Loads the failure engine (once), for an embed whose first failure comes before any module that tells one. */
let engineAsked = false;
function loadFailureEngine(): void {
  if (engineAsked) return;
  engineAsked = true;
  void import('./explain/failureEngine');
}

const reports = new WeakMap<Scene, { failed: readonly string[]; report: FailureReport }>();
/**
 * What the failed elements do to the scene (one cached per scene), or null when nothing is failed (or, in an
 * embed, while the engine loads).
 */
function failuresFor(scene: Scene, failed: readonly string[]): FailureReport | null {
  if (failed.length === 0) return null;
  const engine = failureEngine();
  if (!engine) {
    loadFailureEngine();
    return null;
  }
  const last = reports.get(scene);
  if (last && last.failed === failed) return last.report;
  const report = engine.analyzeFailures(scene, failed);
  reports.set(scene, { failed, report });
  return report;
}

/** The current scene, or null before a model is loaded. */
export function useScene(): Scene | null {
  const model = useApp((s) => s.model);
  const view = useApp((s) => s.view);
  return model ? sceneFor(model, view) : null;
}

export function useCollapsed(scene: Scene | null): ReadonlySet<string> {
  const chosen = useApp((s) => s.collapsed);
  const unfolded = useApp((s) => s.unfolded);
  return scene ? collapsedFor(scene, chosen, unfolded) : NOTHING_FOLDED;
}

/** The layout the diagram shows (its folding and hidden layers), or null before a model is loaded. */
export function useShownLayout(): Layout | null {
  const scene = useScene();
  const collapsed = useCollapsed(scene);
  const hidden = useApp((s) => s.hiddenLayers);
  return scene ? layoutFor(scene, collapsed, hidden) : null;
}

export function useFailures(scene: Scene | null): FailureReport | null {
  const failed = useApp((s) => s.failed);
  useSyncExternalStore(subscribeFailureEngine, failureEngine);
  return scene ? failuresFor(scene, failed) : null;
}
