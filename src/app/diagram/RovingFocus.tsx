import { Panel, type ReactFlowState, useReactFlow, useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { hostGroupId, type Layout, orderHosts, PROJECTS_GROUP } from '../../layout/layoutScene';
import { Icon } from '../../render/flow/Icon';
import { ELEMENT_CLASS } from '../../render/flow/toFlow';
import { outlineOrder } from '../../topology/outline';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';
import {
  bringIntoView,
  type GlideTarget,
  KEY_GLIDE_MS,
  MAX_ZOOM,
  startViewport,
  ZOOM_STEP,
  zoomedBy,
} from './viewport';

/** A drawn box the keyboard can stop at, in the outline's order. */
export interface KeyStop {
  id: string;
  /** The nearest drawn box it is listed under in the outline (null at a section's top level). */
  parent: string | null;
}

/**
 * The boxes of a layout in the order the keyboard visits them: the explain panel's outline, each element once,
 * restricted to what is drawn (folded contents are not); a folded group of hosts or projects takes the place of
 * its first member.
 */
export function keyStops(layout: Layout): KeyStop[] {
  const out: KeyStop[] = [];
  const added = new Set<string>();
  const drawnParent = new Map<string, string | null>();
  for (const stop of outlineOrder(layout.scene, orderHosts)) {
    const parent = stop.parent === null ? null : (drawnParent.get(stop.parent) ?? null);
    let id: string | null = layout.byId.has(stop.id) ? stop.id : null;
    if (id === null) {
      const el = layout.scene.byId.get(stop.id);
      const group =
        el?.kind === 'host' ? hostGroupId(el) : el?.kind === 'project' ? PROJECTS_GROUP : undefined;
      if (group && layout.byId.has(group)) id = group;
    }
    // What is not drawn hands its place in the nesting to its nearest drawn parent.
    drawnParent.set(stop.id, id ?? parent);
    if (id === null || added.has(id)) continue;
    added.add(id);
    out.push({ id, parent });
  }
  return out;
}

/** Set while focus is given back (not moved by the reader): the diagram then neither pans nor zooms to it. */
let givingBack = false;

/**
 * Gives the focus back to where it was (e.g. the details card closing): to the element, or to the diagram's
 * pane when the element was picked on the far layer. Unlike a Tab into the pane, this does not zoom in to the
 * current element: a reader who clicked a box seen from far keeps the view they had.
 */
export function giveFocusBack(el: HTMLElement): void {
  givingBack = true;
  try {
    el.focus({ preventScroll: true });
  } finally {
    givingBack = false;
  }
}

const stopsCache = new WeakMap<Layout, KeyStop[]>();
/** keyStops, computed once per layout and only when the keyboard needs it (not for every new layout). */
function stopsOf(layout: Layout): KeyStop[] {
  let stops = stopsCache.get(layout);
  if (!stops) {
    stops = keyStops(layout);
    stopsCache.set(layout, stops);
  }
  return stops;
}

/** The first of keyStops, found without computing them all: the first host, or the folded group holding it. */
export function firstStop(layout: Layout): string | null {
  const host = layout.scene.elements.find((e) => e.kind === 'host');
  if (host && layout.byId.has(host.id)) return host.id;
  if (host?.kind === 'host' && layout.byId.has(hostGroupId(host))) return hostGroupId(host);
  return stopsOf(layout)[0]?.id ?? null;
}

export type StopKey = 'ArrowDown' | 'ArrowUp' | 'ArrowRight' | 'ArrowLeft' | 'Home' | 'End';

/**
 * Where a key moves from `id`: Down and Up read the outline's order; Right goes into what is listed under the
 * element (its first nested box), Left out to the box it is listed under; Home and End go to the first and last.
 * Null: nowhere to go.
 */
export function nextStop(stops: readonly KeyStop[], id: string, key: StopKey): string | null {
  if (stops.length === 0) return null;
  const i = stops.findIndex((s) => s.id === id);
  if (key === 'Home') return stops[0]?.id ?? null;
  if (key === 'End') return stops[stops.length - 1]?.id ?? null;
  if (i < 0) return stops[0]?.id ?? null;
  if (key === 'ArrowDown') return stops[i + 1]?.id ?? null;
  if (key === 'ArrowUp') return stops[i - 1]?.id ?? null;
  if (key === 'ArrowRight') {
    const next = stops[i + 1];
    return next && next.parent === id ? next.id : null;
  }
  return stops[i]?.parent ?? null;
}

const STOP_KEYS = new Set<string>(['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End']);

const boxOf = (root: HTMLElement, id: string) =>
  root.querySelector<HTMLElement>(`.${ELEMENT_CLASS}[data-id="${CSS.escape(id)}"]`);

/** The element (or folded group) a DOM node belongs to. */
const stopIdAt = (target: EventTarget | null) =>
  target instanceof Element ? (target.closest(`.${ELEMENT_CLASS}`)?.getAttribute('data-id') ?? null) : null;

/** What the roving focus reads and keeps, shared by its handlers (refs: the handlers are attached once). */
interface Roving {
  root: HTMLElement;
  flow: { getState: () => ReactFlowState };
  setViewport: ReturnType<typeof useReactFlow>['setViewport'];
  glide: GlideTarget;
  state: RefObject<{ reduced: boolean; enabled: boolean; layout: Layout }>;
  /** The current box's id: the Tab stop. */
  current: RefObject<string | null>;
  /** The box made the Tab stop, so that the next one can be put back. */
  stopEl: RefObject<HTMLElement | null>;
}

/** Gives the Tab stop to the current box, or the pane when it is not in the DOM. */
function placeStop(r: Roving): void {
  const pane = r.root.querySelector<HTMLElement>('.react-flow');
  // Whatever React Flow draws over the diagram (zoom buttons, the attribution link) is reached by keys
  // or the pointer, not Tab: the diagram is one stop.
  for (const el of r.root.querySelectorAll<HTMLElement>(
    '.react-flow__panel :is(a[href], button, [tabindex]):not([tabindex="-1"])',
  ))
    el.tabIndex = -1;
  const id = r.state.current.enabled ? r.current.current : null;
  const el = id ? boxOf(r.root, id) : null;
  if (r.stopEl.current && r.stopEl.current !== el && r.stopEl.current.isConnected)
    r.stopEl.current.tabIndex = -1;
  r.stopEl.current = el;
  if (el && el.tabIndex !== 0) el.tabIndex = 0;
  if (!pane) return;
  const paneStop = r.state.current.enabled && !el && id !== null;
  if (paneStop && pane.tabIndex !== 0) pane.tabIndex = 0;
  else if (!paneStop && pane.hasAttribute('tabindex')) pane.removeAttribute('tabindex');
}

/** Moves the view to `next` (a glide unless motion is reduced), from where a running glide ends. */
function glideTo(
  r: Roving,
  next: (from: { x: number; y: number; zoom: number }) => ReturnType<typeof zoomedBy> | null,
) {
  const duration = r.state.current.reduced ? 0 : KEY_GLIDE_MS;
  const [x, y, zoom] = r.flow.getState().transform;
  // A key pressed during a glide (a zoom) aims at the viewport that glide ends on: from the frame it is
  // passing, the glide's end would undo the move.
  const target = next(r.glide.aim({ x, y, zoom }));
  if (!target) return;
  r.glide.start(target, duration);
  void r.setViewport(target, { duration });
}

/**
 * Brings a box into view (fully, with a margin: viewport.bringIntoView) and focuses it once it is in the DOM.
 * Returns a cancel for the wait.
 */
function focusStop(r: Roving, id: string, place: () => void): () => void {
  r.current.current = id;
  const box = r.state.current.layout.byId.get(id);
  const el = boxOf(r.root, id);
  if (box) {
    const { width, height } = r.flow.getState();
    glideTo(r, (from) => bringIntoView(box, from, { w: width, h: height }, el !== null));
  }
  if (el) {
    place();
    el.focus({ preventScroll: true });
    return () => undefined;
  }
  // Not drawn yet: it mounts once the view has moved to it.
  let tries = 0;
  let waiting = 0;
  const retry = () => {
    const found = boxOf(r.root, id);
    if (found) {
      place();
      found.focus({ preventScroll: true });
    } else if (++tries < 120) waiting = requestAnimationFrame(retry);
  };
  waiting = requestAnimationFrame(retry);
  return () => cancelAnimationFrame(waiting);
}

/** + and − zoom by a step about the centre, 0 fits the whole diagram; each from a running glide's end. */
function zoomKey(r: Roving, key: string): boolean {
  const { width, height } = r.flow.getState();
  const canvas = { w: width, h: height };
  const { layout } = r.state.current;
  if (key === '+' || key === '=') glideTo(r, (from) => zoomedBy(from, ZOOM_STEP, canvas));
  else if (key === '-' || key === '_') glideTo(r, (from) => zoomedBy(from, 1 / ZOOM_STEP, canvas));
  else if (key === '0')
    glideTo(r, () => startViewport(layout.width, layout.height, width, height, false, MAX_ZOOM));
  else return false;
  return true;
}

/** Attaches the roving focus's handlers to the diagram's element; returns their removal. */
function attachRoving(r: Roving, placeNow: RefObject<() => void>): () => void {
  const place = () => placeStop(r);
  placeNow.current = place;
  let queued = 0;
  const later = () => {
    if (!queued)
      queued = requestAnimationFrame(() => {
        queued = 0;
        place();
      });
  };
  place();
  // Boxes mount and unmount as the view pans (a big diagram draws only what is in view) and as it changes.
  const observer = new MutationObserver(later);
  observer.observe(r.root, { childList: true, subtree: true });
  let cancelWait: () => void = () => undefined;
  const focus = (id: string) => {
    cancelWait();
    cancelWait = focusStop(r, id, place);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!r.state.current.enabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const id = stopIdAt(e.target);
    const onPane = e.target instanceof HTMLElement && e.target.classList.contains('react-flow');
    if (!id && !onPane) return;
    if (STOP_KEYS.has(e.key)) {
      const next = id ? nextStop(stopsOf(r.state.current.layout), id, e.key as StopKey) : r.current.current;
      // The diagram's keys are its own: a tour's arrow keys act when the focus is elsewhere.
      e.preventDefault();
      e.stopPropagation();
      if (next) focus(next);
    } else if (zoomKey(r, e.key)) e.preventDefault();
  };
  const onFocusIn = (e: FocusEvent) => {
    const id = stopIdAt(e.target);
    if (id && r.state.current.layout.byId.has(id)) {
      // The focus moved by pointer or by a link: the Tab stop follows it.
      r.current.current = id;
      place();
    } else if (
      !givingBack &&
      e.target instanceof HTMLElement &&
      e.target.classList.contains('react-flow') &&
      e.target.matches(':focus-visible') &&
      r.current.current
    ) {
      focus(r.current.current);
    }
  };
  r.root.addEventListener('keydown', onKeyDown);
  r.root.addEventListener('focusin', onFocusIn);
  return () => {
    placeNow.current = () => undefined;
    observer.disconnect();
    cancelAnimationFrame(queued);
    cancelWait();
    r.root.removeEventListener('keydown', onKeyDown);
    r.root.removeEventListener('focusin', onFocusIn);
  };
}

/**
 * One Tab stop per diagram (a roving tabindex): every box is focusable from script only (tabindex -1, in
 * toFlow and the chips), except the current one; the zoom buttons and the attribution link are taken out of
 * the Tab order too (the keys below zoom). The arrow keys, Home and End move through the boxes in the outline's
 * order and bring the focused box into view; + and - zoom, 0 fits. Where the current box is not drawn in the
 * DOM (panned away in a big diagram, or the far layer), the diagram's pane is the Tab stop and hands the focus
 * on to the box, brought into view. Lives inside React Flow (it moves the viewport).
 */
export function RovingFocus({
  frame,
  layout,
  enabled,
  glide,
}: {
  /** The diagram's element: its keys and focus are handled here. */
  frame: RefObject<HTMLDivElement | null>;
  layout: Layout;
  /** Off for a diagram that is only a picture (not interactive): nothing in it is a Tab stop. */
  enabled: boolean;
  /** Where a running glide ends (the diagram's, shared with its placement and zoom buttons). */
  glide: GlideTarget;
}) {
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  const reduced = usePrefersReducedMotion();
  const current = useRef<string | null>(null);
  const stopEl = useRef<HTMLElement | null>(null);
  const state = useRef({ reduced, enabled, layout });
  useLayoutEffect(() => {
    state.current = { reduced, enabled, layout };
    // A new layout keeps the current box where it is still drawn (another view, an unfolded host).
    if (current.current === null || !layout.byId.has(current.current)) current.current = firstStop(layout);
  });
  // Gives the Tab stop to the current box again after each render (a new layout, interactive on or off).
  const placeNow = useRef<() => void>(() => undefined);
  useLayoutEffect(() => placeNow.current());
  useEffect(() => {
    const root = frame.current;
    if (!root) return;
    return attachRoving({ root, flow, setViewport, glide, state, current, stopEl }, placeNow);
  }, [frame, flow, setViewport, glide]);
  if (!enabled) return null;
  return <KeysHint />;
}

/**
 * The keys, shown while a box has the keyboard focus (CSS, diagram.css): the zoom buttons are out of the Tab
 * order. Screen readers hear the same in every box's description.
 */
function KeysHint() {
  return (
    <Panel position="bottom-left" className="sl-keys-hint" aria-hidden="true">
      <kbd>↑</kbd>
      <kbd>↓</kbd> move ·{' '}
      <kbd>
        <Icon name="arrowRight" size={11} label="Right" />
      </kbd>{' '}
      in ·{' '}
      <kbd>
        <Icon name="arrowLeft" size={11} label="Left" />
      </kbd>{' '}
      out · <kbd>Enter</kbd> details · <kbd>+</kbd>
      <kbd>−</kbd> zoom
    </Panel>
  );
}
