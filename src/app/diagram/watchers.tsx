import { useStore as useFlowStore, useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import { boxBounds, type Layout } from '../../layout/layoutScene';
import type { DiagramNode } from '../../render/flow/toFlow';
import { useApp } from '../store';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';
import type { ReadinessEvent } from './readiness';
import {
  type CanvasSize,
  type Distance,
  distanceOf,
  type GlideTarget,
  PLACE_GLIDE_MS,
  refitsOnResize,
  sameViewport,
  startViewport,
  zoomToViewport,
} from './viewport';

// The children of React Flow that apply the viewport module's decisions (React Flow's store lives inside it).

/**
 * Places the view and tells the readiness machine when React Flow holds and has measured exactly these nodes,
 * then when they are painted, then when the placement has settled. Refits when the canvas changes size (the
 * editor opens, the window resizes) unless the user has panned or zoomed (viewport.refitsOnResize): only the
 * layout and the canvas size place the view, so a theme change never moves it.
 */
export function ReadyWatcher({
  place,
  synced,
  animate,
  layout,
  marker,
  send,
  userMoved,
  glide,
  start,
  readable,
  maxFit,
}: {
  /** Whether this diagram places its own view (a synced pane does not). */
  place: boolean;
  /** Whether its viewport is shared with another pane (compare). */
  synced: boolean;
  /** Later placements glide (the first one never does). */
  animate: boolean;
  layout: Layout;
  /** The first node of this layout: React Flow holds this layout when its first node has this data. */
  marker: DiagramNode | undefined;
  send: (event: ReadinessEvent<Layout>) => void;
  userMoved: { current: boolean };
  glide: GlideTarget;
  /** The canvas size measured before React Flow mounted. */
  start: CanvasSize;
  /** Whether a narrow canvas starts at a readable zoom instead of fitting everything (see startViewport). */
  readable: boolean;
  /** The largest zoom a fit may pick. */
  maxFit: number;
}) {
  const initialized = useNodesInitialized();
  // Decoration copies node objects but keeps their data: the first node's data identifies the layout.
  const current = useFlowStore((s) => s.nodes[0]?.data === marker?.data);
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  // React Flow measures its canvas after mounting; until then, the size Flow measured before mounting it.
  const canvas = useFlowStore((s) => ({ w: s.width || start.w, h: s.height || start.h }), shallow);
  const placed = useRef(false);
  const placeView = useCallback((): Promise<unknown> | undefined => {
    if (!place) return undefined;
    const duration = animate && placed.current ? PLACE_GLIDE_MS : 0;
    placed.current = true;
    const next = startViewport(layout.width, layout.height, canvas.w, canvas.h, readable, maxFit);
    // Already there (the first layout is mounted at its placement): moving would only render the flow again.
    // A synced pane moves anyway: that is how the other pane learns the viewport.
    const [x, y, zoom] = flow.getState().transform;
    if (sameViewport({ x, y, zoom }, next) && !synced) return undefined;
    glide.start(next, duration);
    return setViewport(next, { duration });
  }, [place, animate, layout, canvas.w, canvas.h, readable, maxFit, setViewport, flow, synced, glide]);
  const lastSize = useRef(canvas);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the canvas size changes, nothing else.
  useEffect(() => {
    const before = lastSize.current;
    lastSize.current = canvas;
    // The first placement is the effect's below; this one only follows later size changes.
    const measured = initialized && current;
    if (
      refitsOnResize({
        placed: placed.current,
        measured,
        userMoved: userMoved.current,
        before,
        after: canvas,
      })
    )
      placeView();
  }, [canvas]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout (view, model, folding) is placed again.
  useEffect(() => {
    if (!initialized || !current) return;
    let painted = 0;
    let live = true;
    userMoved.current = false;
    send({ type: 'held', layout });
    const placing = placeView();
    // Drawn once the frame that draws this layout has been painted: a task queued from that frame's
    // animation callback runs after its paint. Settled once its placement glide (if any) has ended.
    const frame = requestAnimationFrame(() => {
      painted = window.setTimeout(() => {
        send({ type: 'painted', layout });
        void Promise.resolve(placing).then(() => {
          if (live) send({ type: 'settled', layout });
        });
      }, 0);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(painted);
    };
  }, [initialized, current, layout]);
  return null;
}

/** Tells when the zoom crosses FAR_ZOOM or NEAR_ZOOM (viewport.distanceOf). */
export function FarWatcher({
  distance: assumed,
  onChange,
}: {
  distance: Distance;
  onChange: (distance: Distance) => void;
}) {
  // Until React Flow's pan and zoom start, its store holds zoom 1, not the placed one: nothing to report.
  const distance = useFlowStore((s) => (s.panZoom ? distanceOf(s.transform[2]) : assumed));
  // Only a change: on mounting, the zoom is the one the diagram was placed at, which it assumed already (a
  // call would only render the whole flow once more).
  useEffect(() => {
    if (distance !== assumed) onChange(distance);
  }, [distance, assumed, onChange]);
  return null;
}

/**
 * Zooms to the elements a search, a details link or a tour step asked for, by their boxes in the layout
 * (chips are not React Flow nodes). A request for elements not drawn yet (being unfolded) waits for them.
 */
export function ZoomWatcher({ layout, glide }: { layout: Layout; glide: GlideTarget }) {
  const request = useApp((s) => s.zoomTo);
  const { setViewport } = useReactFlow();
  const canvas = useFlowStore((s) => ({ w: s.width, h: s.height }), shallow);
  const reduced = usePrefersReducedMotion();
  const done = useRef<unknown>(null);
  useEffect(() => {
    if (!request || done.current === request || canvas.w === 0 || canvas.h === 0) return;
    const bounds = boxBounds(request.ids.flatMap((id) => layout.byId.get(id) ?? []));
    if (!bounds) return;
    done.current = request;
    const viewport = zoomToViewport(bounds, request.ids.length > 1, canvas);
    const duration = reduced ? 0 : 350;
    glide.start(viewport, duration);
    void setViewport(viewport, { duration });
  }, [request, layout, canvas, setViewport, reduced, glide]);
  return null;
}
