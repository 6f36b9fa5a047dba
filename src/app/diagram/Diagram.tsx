import { Controls, ReactFlow, type Viewport } from '@xyflow/react';
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Layout } from '../../layout/layoutScene';
import { nodeTypes } from '../../render/flow/nodeTypes';
import { FAR_LAYER_MIN_BOXES, layoutToFlow, NEAR_ZOOM } from '../../render/flow/toFlow';
import type { Scene } from '../../topology/scene';
import { firstDiagramDrawn } from '../afterFirstDiagram';
import { layoutFor, useCollapsed, useScene } from '../derived';
import { useApp } from '../store';
import { TourFrameWatcher } from '../tour/TourFrameWatcher';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';
import { OverviewMap, ZoomButtons } from './DiagramChrome';
import { RovingFocus } from './RovingFocus';
import { isReady, type ReadinessEvent, ReadinessMachine } from './readiness';
import { embedProblemsText, StaleBanner } from './StaleBanner';
import { useDecoratedNodes } from './useDecoratedNodes';
import { useFrameHandlers, useNodeHandlers } from './useDiagramHandlers';
import { useViewTransition } from './useViewTransition';
import {
  type CanvasSize,
  type Distance,
  distanceOf,
  EMBED_MAX_FIT_ZOOM,
  GlideTarget,
  MAX_ZOOM,
  MIN_ZOOM,
  startViewport,
} from './viewport';
import { FarWatcher, ReadyWatcher, ZoomWatcher } from './watchers';

// The diagram's thin React layer: placement lives in viewport.ts, readiness in readiness.ts, the React Flow
// children that apply them in watchers.tsx, pointer and key handling in useDiagramHandlers.ts.

export { fittedHeight } from './viewport';

const READ_ONLY_HINT =
  'A read-only diagram, one Tab stop. The arrow keys go from element to element in the order of the outline: Down and Up through it, Right into what is listed under an element, Left back out, Home and End to the first and last. Enter opens the details of the focused element, Escape closes them. Plus and minus zoom, 0 fits the whole diagram.';

/**
 * React Flow's screen-reader texts, rewritten for a viewer: its defaults speak of selecting, deleting and
 * moving nodes with the arrow keys, none of which this diagram does (e2e/a11y.spec.ts checks no such
 * wording is exposed).
 */
const ARIA_LABELS = {
  'node.a11yDescription.default': READ_ONLY_HINT,
  'node.a11yDescription.keyboardDisabled': READ_ONLY_HINT,
  // Announced only when a node is moved with the keyboard, which cannot happen here (nodes are fixed).
  'node.a11yDescription.ariaLiveMessage': () => '',
  'edge.a11yDescription.default': 'A line from an element to what it runs on.',
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole diagram',
  'controls.interactive.ariaLabel': 'Lock or unlock panning and zooming',
  'minimap.ariaLabel': 'Overview of the whole diagram',
  'handle.ariaLabel': 'Connection point',
};

/** How an embed shows its diagram (the app's page gives none). */
export interface EmbedDisplay {
  /** The minimap, when part of the diagram is out of view (off by default in an embed: it would cover it). */
  minimap: boolean;
  /** Where the zoom buttons go (the embed's bar), or null: over the diagram. */
  zoomSlot: HTMLElement | null;
  /** Each layout, once painted. */
  onDrawn?: (layout: Layout) => void;
}

/** React Flow draws no edges here (an edges node draws the links): one array, so no render is a change of edges. */
const NO_EDGES: never[] = [];

/** Props of a second, synced diagram (compare): its viewport follows the shared one. */
export interface FlowSync {
  testId: string;
  viewport: Viewport | undefined;
  onViewportChange: (v: Viewport) => void;
  /** Places the view (fit) when its layout changes; the other pane follows the shared viewport. */
  place: boolean;
  /** Extra classes per element id (the differences in compare). */
  marks?: ReadonlyMap<string, string>;
}

type Start = CanvasSize & { viewport: Viewport };

/**
 * The canvas is measured before React Flow mounts, so its very first frame shows the diagram placed (React
 * Flow would measure it after mounting, and the first placement would come a render later).
 */
function useStart(
  frame: RefObject<HTMLDivElement | null>,
  layout: Layout,
  readable: boolean,
  maxFit: number,
): Start | null {
  const [start, setStart] = useState<Start | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured once, when mounted; later layouts are placed by ReadyWatcher.
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const w = el.clientWidth;
    const h = el.clientHeight;
    setStart({ w, h, viewport: startViewport(layout.width, layout.height, w, h, readable, maxFit) });
  }, []);
  return start;
}

/**
 * A big diagram seen from far is drawn as one far layer (plain boxes, toFlow). Every new layout is placed
 * (ReadyWatcher), so whether it starts far is known before React Flow moves; after that, the zoom decides.
 */
function useFarLayer(
  frame: RefObject<HTMLDivElement | null>,
  layout: Layout,
  start: Start | null,
  o: { big: boolean; readable: boolean; maxFit: number },
) {
  const [zoomed, setZoomed] = useState<{ layout: Layout; distance: Distance } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout (or the first measure) is placed anew.
  const placedZoom = useMemo(() => {
    const el = frame.current;
    if (!o.big || !el) return undefined;
    return startViewport(layout.width, layout.height, el.clientWidth, el.clientHeight, o.readable, o.maxFit)
      .zoom;
  }, [layout, start]);
  const placedFar = placedZoom !== undefined && placedZoom < NEAR_ZOOM;
  const farLayer = o.big && (zoomed?.layout === layout ? zoomed.distance !== 'near' : placedFar);
  // Far out, text in the boxes is a few pixels high: it is not drawn (a map's level of detail).
  const distance: Distance = zoomed
    ? zoomed.distance
    : start !== null
      ? distanceOf(start.viewport.zoom)
      : 'near';
  const shown = useRef(layout);
  useLayoutEffect(() => {
    shown.current = layout;
  });
  const onFar = useCallback((d: Distance) => setZoomed({ layout: shown.current, distance: d }), []);
  return { farLayer, distance, onFar, placedZoom };
}

/**
 * The diagram's readiness (readiness.ts), written on the element itself as its ready marker, not rendered:
 * the diagram is drawn by then, and rendering the whole flow again to change one attribute would only delay
 * it. A new layout clears it before it is painted; an event for a layout no longer shown is ignored.
 */
function useReadiness(
  frame: RefObject<HTMLDivElement | null>,
  layout: Layout,
  onDrawn: ((layout: Layout) => void) | undefined,
) {
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  const [machine] = useState(
    () =>
      new ReadinessMachine<Layout>(layout, (phase, shown) => {
        frame.current?.setAttribute('data-ready', isReady(phase) ? 'true' : 'false');
        if (phase !== 'drawn') return;
        firstDiagramDrawn();
        drawn.current?.(shown);
      }),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new layout clears the marker.
  useLayoutEffect(() => {
    machine.send({ type: 'layout', layout });
    frame.current?.setAttribute('data-ready', isReady(machine.phase) ? 'true' : 'false');
  }, [layout]);
  return useCallback((event: ReadinessEvent<Layout>) => machine.send(event), [machine]);
}

export function Flow({
  scene,
  colorMode,
  sync,
  embed,
}: {
  scene: Scene;
  colorMode: 'light' | 'dark';
  sync?: FlowSync;
  embed?: EmbedDisplay | undefined;
}) {
  const collapsed = useCollapsed(scene);
  const hidden = useApp((s) => s.hiddenLayers);
  const interactive = useApp((s) => s.interactive);
  // A running tour places the view itself: each step frames what it speaks of (tour/TourFrameWatcher).
  const touring = useApp((s) => s.tourFrame !== null) && !sync;
  const layout = layoutFor(scene, collapsed, hidden);
  const frame = useRef<HTMLDivElement>(null);
  const big = layout.boxes.length >= FAR_LAYER_MIN_BOXES;
  // An embed always shows the whole diagram (its height follows the width), never a part of it from the left.
  const readable = !sync && !big && !embed;
  const maxFit = embed ? EMBED_MAX_FIT_ZOOM : MAX_ZOOM;
  const start = useStart(frame, layout, readable, maxFit);
  const { farLayer, distance, onFar, placedZoom } = useFarLayer(frame, layout, start, {
    big,
    readable,
    maxFit,
  });
  // A pane that places its own view tells the far layer the zoom it is placing it at (a synced pane follows
  // the other's viewport).
  const ownZoom = !sync || sync.place ? placedZoom : undefined;
  const base = useMemo(
    () => layoutToFlow(layout, { far: farLayer, farZoom: ownZoom }).nodes,
    [layout, farLayer, ownZoom],
  );
  const reduced = usePrefersReducedMotion();
  // A big diagram changes without fades (nor glides, see the class below): from far there is nothing to read,
  // and up close boxes mount as they scroll into view (a fade class would replay then).
  const { appeared, ghosts } = useViewTransition(layout, base, !reduced && !big);
  const decorated = useDecoratedNodes(scene, base, appeared, sync?.marks);
  const nodes = useMemo(() => (ghosts.length ? [...decorated, ...ghosts] : decorated), [decorated, ghosts]);
  const send = useReadiness(frame, layout, embed?.onDrawn);
  const frameHandlers = useFrameHandlers(collapsed);
  const focused = useApp((s) => (s.hovered ?? s.selected) !== null);
  return (
    <div
      ref={frame}
      // A big diagram changes at once: gliding thousands of boxes costs more than it shows.
      className={`sl-diagram h-full w-full${reduced || big ? '' : ' sl-motion'}`}
      data-testid={sync?.testId ?? 'diagram'}
      data-view={scene.view}
      data-far={distance === 'far' ? 'true' : undefined}
      data-far-layer={farLayer ? 'true' : undefined}
      data-focus={focused ? 'true' : undefined}
      {...frameHandlers}
    >
      {start ? (
        <FlowCanvas
          {...{ scene, colorMode, sync, embed, layout, nodes, frame, start, send, distance, onFar }}
          {...{ collapsed, interactive, touring, big, reduced, readable, maxFit, marker: base[0] }}
        />
      ) : null}
    </div>
  );
}

/** React Flow with the diagram's nodes, and the children that place, focus and zoom it. */
function FlowCanvas({
  scene,
  colorMode,
  sync,
  embed,
  layout,
  nodes,
  frame,
  start,
  send,
  distance,
  onFar,
  collapsed,
  interactive,
  touring,
  big,
  reduced,
  readable,
  maxFit,
  marker,
}: {
  scene: Scene;
  colorMode: 'light' | 'dark';
  sync: FlowSync | undefined;
  embed: EmbedDisplay | undefined;
  layout: Layout;
  nodes: ReturnType<typeof useDecoratedNodes>;
  frame: RefObject<HTMLDivElement | null>;
  start: Start;
  send: (event: ReadinessEvent<Layout>) => void;
  distance: Distance;
  onFar: (distance: Distance) => void;
  collapsed: ReadonlySet<string>;
  interactive: boolean;
  touring: boolean;
  big: boolean;
  reduced: boolean;
  readable: boolean;
  maxFit: number;
  marker: ReturnType<typeof useDecoratedNodes>[number] | undefined;
}) {
  // Set when the user pans or zooms (programmatic moves have no event): then resizes keep their viewport.
  const userMoved = useRef(false);
  // Where a running glide of ours ends (viewport.GlideTarget): keys aim there, not at the passing frame.
  const [glide] = useState(() => new GlideTarget());
  // While the canvas pans or zooms, boxes sliding under the pointer do not light up their stacks.
  const moving = useRef(false);
  const handlers = useNodeHandlers(scene, collapsed, interactive, moving);
  return (
    <ReactFlow
      nodes={nodes}
      edges={NO_EDGES}
      nodeTypes={nodeTypes}
      colorMode={colorMode}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      nodesFocusable={interactive}
      edgesFocusable={false}
      panOnDrag={interactive}
      // In an embed the wheel scrolls the page it is in; Ctrl + wheel, a pinch and the zoom buttons zoom.
      zoomOnScroll={interactive && !embed}
      zoomOnPinch={interactive}
      panOnScroll={false}
      preventScrolling={interactive && !embed}
      zIndexMode="manual"
      // A big diagram seen closer than the far layer mounts only the boxes in view.
      onlyRenderVisibleElements={big}
      // Double-click folds and unfolds (d3-zoom's double-click zoom would swallow the event).
      zoomOnDoubleClick={false}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      defaultViewport={start.viewport}
      {...(sync ? { viewport: sync.viewport, onViewportChange: sync.onViewportChange } : {})}
      ariaLabelConfig={ARIA_LABELS}
      aria-label={`Diagram of the ${scene.view} view`}
      onMoveStart={(event) => {
        moving.current = true;
        if (event) {
          userMoved.current = true;
          glide.cancel();
        }
        // While the canvas moves, it is one composited layer (moved, not repainted, each frame: CSS on
        // data-moving, set on the element, so the diagram does not render again).
        frame.current?.setAttribute('data-moving', 'true');
      }}
      onMoveEnd={() => {
        moving.current = false;
        frame.current?.removeAttribute('data-moving');
      }}
      {...handlers}
    >
      <ReadyWatcher
        place={(!sync || sync.place) && !touring}
        synced={sync !== undefined}
        // A synced pane's viewport is controlled: a glide would be cut short at its first step (the
        // controlled viewport is set back to it). A big diagram changes without glides.
        animate={!reduced && !sync && !big}
        {...{ layout, marker, send, userMoved, glide, start, readable, maxFit }}
      />
      <RovingFocus frame={frame} layout={layout} enabled={interactive} glide={glide} />
      <FarWatcher distance={distance} onChange={onFar} />
      {sync ? null : <ZoomWatcher layout={layout} glide={glide} />}
      {touring ? <TourFrameWatcher layout={layout} /> : null}
      {interactive && embed ? (
        <ZoomButtons
          slot={embed.zoomSlot}
          {...{ userMoved, glide, maxFit }}
          width={layout.width}
          height={layout.height}
        />
      ) : interactive ? (
        <Controls showInteractive={false} position="top-right" orientation="horizontal" />
      ) : null}
      {/* The diagram is placed from its first frame (defaultViewport): the map shows when part of it is out of view. */}
      {sync || touring || (embed && !embed.minimap) ? null : (
        <OverviewMap width={layout.width} height={layout.height} />
      )}
    </ReactFlow>
  );
}

export function Diagram({
  colorMode,
  embed,
}: {
  colorMode: 'light' | 'dark';
  /** Shown in an embed (embed.html, the web component): see EmbedDisplay. */
  embed?: EmbedDisplay;
}) {
  const scene = useScene();
  const empty = useApp((s) => s.draft === '');
  const issues = useApp((s) => s.issues);
  const failed = useApp((s) => (s.loading === null && s.notice?.kind === 'error' ? s.notice.text : null));
  if (!scene)
    return (
      <div
        className="grid h-full min-h-24 place-items-center p-8 text-center text-sm text-slate-600 dark:text-slate-300"
        data-testid="diagram"
        data-ready="false"
        role={embed && (!empty || failed) ? 'alert' : undefined}
      >
        {!embed
          ? empty
            ? 'Loading the model…'
            : 'No valid model yet: the editor lists what to fix.'
          : empty
            ? (failed ?? 'Loading the model…')
            : embedProblemsText(issues)}
      </div>
    );
  return (
    <>
      <StaleBanner embedded={embed !== undefined} />
      <Flow scene={scene} colorMode={colorMode} embed={embed} />
    </>
  );
}
