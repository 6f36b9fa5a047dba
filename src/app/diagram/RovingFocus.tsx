import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { hostGroupId, type Layout, orderHosts, PROJECTS_GROUP } from '../../layout/layoutScene';
import { Icon } from '../../render/Icon';
import { ELEMENT_CLASS, FAR_ZOOM } from '../../render/toFlow';
import { outlineOrder } from '../../topology/outline';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';

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
}: {
  /** The diagram's element: its keys and focus are handled here. */
  frame: RefObject<HTMLDivElement | null>;
  layout: Layout;
  /** Off for a diagram that is only a picture (not interactive): nothing in it is a Tab stop. */
  enabled: boolean;
}) {
  const flow = useStoreApi();
  const { zoomIn, zoomOut, fitView } = useReactFlow();
  const reduced = usePrefersReducedMotion();
  const current = useRef<string | null>(null);
  // The box made the Tab stop, so that the next one can be put back.
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
    /** Gives the Tab stop to the current box, or the pane when it is not in the DOM. */
    const place = () => {
      const pane = root.querySelector<HTMLElement>('.react-flow');
      // Whatever React Flow draws over the diagram (zoom buttons, the attribution link) is reached by keys
      // or the pointer, not Tab: the diagram is one stop.
      for (const el of root.querySelectorAll<HTMLElement>(
        '.react-flow__panel :is(a[href], button, [tabindex]):not([tabindex="-1"])',
      ))
        el.tabIndex = -1;
      const id = state.current.enabled ? current.current : null;
      const el = id ? boxOf(root, id) : null;
      if (stopEl.current && stopEl.current !== el && stopEl.current.isConnected) stopEl.current.tabIndex = -1;
      stopEl.current = el;
      if (el && el.tabIndex !== 0) el.tabIndex = 0;
      if (!pane) return;
      const paneStop = state.current.enabled && !el && id !== null;
      if (paneStop && pane.tabIndex !== 0) pane.tabIndex = 0;
      else if (!paneStop && pane.hasAttribute('tabindex')) pane.removeAttribute('tabindex');
    };
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
    observer.observe(root, { childList: true, subtree: true });

    /** Brings a box into view (fully, with a margin) and focuses it once it is in the DOM. */
    let waiting = 0;
    const focusStop = (id: string) => {
      current.current = id;
      cancelAnimationFrame(waiting);
      const box = state.current.layout.byId.get(id);
      const { transform, width, height, setCenter } = flow.getState();
      const [tx, ty, zoom] = transform;
      const el = boxOf(root, id);
      if (box) {
        const margin = 16;
        const left = box.x * zoom + tx;
        const top = box.y * zoom + ty;
        const inView =
          el !== null &&
          left >= margin &&
          top >= margin &&
          left + box.w * zoom <= width - margin &&
          top + box.h * zoom <= height - margin;
        // A box bigger than the view cannot be wholly in it: its top left corner in view is enough.
        const tooBig = box.w * zoom > width - 2 * margin || box.h * zoom > height - 2 * margin;
        const cornerInView = el !== null && left >= 0 && top >= 0 && left < width && top < height;
        if (!inView && !(tooBig && cornerInView)) {
          // Not in the DOM (far away in a big diagram, or on the far layer): come close enough to draw boxes.
          const z = el ? zoom : Math.max(zoom, FAR_ZOOM * 2);
          // Along an axis where it does not fit, its start is shown.
          const cx = box.w * z > width - 2 * margin ? box.x + (width / 2 - margin) / z : box.x + box.w / 2;
          const cy = box.h * z > height - 2 * margin ? box.y + (height / 2 - margin) / z : box.y + box.h / 2;
          void setCenter(cx, cy, { zoom: z, duration: state.current.reduced ? 0 : 200 });
        }
      }
      if (el) {
        place();
        el.focus({ preventScroll: true });
        return;
      }
      // Not drawn yet: it mounts once the view has moved to it.
      let tries = 0;
      const retry = () => {
        const found = boxOf(root, id);
        if (found) {
          place();
          found.focus({ preventScroll: true });
        } else if (++tries < 120) waiting = requestAnimationFrame(retry);
      };
      waiting = requestAnimationFrame(retry);
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (!state.current.enabled || e.altKey || e.ctrlKey || e.metaKey) return;
      const id = stopIdAt(e.target);
      const onPane = e.target instanceof HTMLElement && e.target.classList.contains('react-flow');
      if (!id && !onPane) return;
      const duration = state.current.reduced ? 0 : 200;
      if (STOP_KEYS.has(e.key)) {
        const next = id ? nextStop(stopsOf(state.current.layout), id, e.key as StopKey) : current.current;
        // The diagram's keys are its own: a tour's arrow keys act when the focus is elsewhere.
        e.preventDefault();
        e.stopPropagation();
        if (next) focusStop(next);
      } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        void zoomIn({ duration });
      } else if (e.key === '-' || e.key === '_') {
        e.preventDefault();
        void zoomOut({ duration });
      } else if (e.key === '0') {
        e.preventDefault();
        void fitView({ duration, padding: 0.02 });
      }
    };
    const onFocusIn = (e: FocusEvent) => {
      const id = stopIdAt(e.target);
      if (id && state.current.layout.byId.has(id)) {
        // The focus moved by pointer or by a link: the Tab stop follows it.
        current.current = id;
        place();
      } else if (
        !givingBack &&
        e.target instanceof HTMLElement &&
        e.target.classList.contains('react-flow') &&
        e.target.matches(':focus-visible') &&
        current.current
      ) {
        focusStop(current.current);
      }
    };
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    return () => {
      placeNow.current = () => undefined;
      observer.disconnect();
      cancelAnimationFrame(queued);
      cancelAnimationFrame(waiting);
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
    };
  }, [frame, flow, zoomIn, zoomOut, fitView]);
  if (!enabled) return null;
  // The keys, shown while a box has the keyboard focus (CSS, diagram.css): the zoom buttons are out of the
  // Tab order. Screen readers hear the same in every box's description.
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
