import {
  Controls,
  getViewportForBounds,
  MiniMap,
  type Node,
  Panel,
  ReactFlow,
  useStore as useFlowStore,
  useNodesInitialized,
  useReactFlow,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import {
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { shallow } from 'zustand/shallow';
import { boxBounds, type Layout } from '../../layout/layoutScene';
import type { LocatedIssue } from '../../model/locate';
import { Icon } from '../../render/Icon';
import { farElementAt } from '../../render/nodes/FarCanvas';
import { nodeTypes } from '../../render/nodeTypes';
import {
  type DiagramNode,
  ELEMENT_CLASS,
  FAR_LAYER_MIN_BOXES,
  FAR_ZOOM,
  layoutToFlow,
  NEAR_ZOOM,
} from '../../render/toFlow';
import type { Scene } from '../../topology/scene';
import { firstDiagramDrawn } from '../afterFirstDiagram';
import { layoutFor, useCollapsed, useScene } from '../derived';
import { useApp, useAppStore } from '../store';
import { TourFrameWatcher } from '../tour/TourFrameWatcher';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';
import { RovingFocus } from './RovingFocus';
import { useDecoratedNodes } from './useDecoratedNodes';
import { useViewTransition } from './useViewTransition';

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

const MINIMAP_COLORS: Record<string, string> = {
  host: '#94a3b8',
  cluster: '#8b5cf6',
  k8sNode: '#a78bfa',
  chips: '#f43f5e',
  project: '#7dd3fc',
  vm: '#38bdf8',
};
const minimapColor = (n: Node) =>
  n.type === 'band' || n.type === 'edges'
    ? 'transparent'
    : n.type === 'far'
      ? // The far layer is one node over the whole diagram: a neutral outline of it.
        '#cbd5e1'
      : (MINIMAP_COLORS[n.type ?? ''] ?? '#999');

const FIT = { padding: 0.02 } as const;
/** Below this fit zoom, text is unreadable: a narrow screen starts at a readable zoom, left-aligned. */
const MIN_READABLE_FIT = 0.45;

/** The first viewport for a diagram of w x h on a canvas of cw x ch (null: fit it all). */
function initialViewport(w: number, h: number, cw: number, ch: number) {
  const fit = Math.min(cw / w, ch / h);
  if (fit >= MIN_READABLE_FIT || cw === 0 || ch === 0) return null;
  const zoom = Math.min(1, Math.max(fit, (ch / h) * 0.98));
  return { x: 8, y: Math.max(0, (ch - h * zoom) / 2), zoom };
}

type CanvasSize = { w: number; h: number };

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 3;
/**
 * An embed's fit never enlarges the diagram past its natural size: a small model in a wide column is drawn at
 * zoom 1 (centred), not blown up.
 */
export const EMBED_MAX_FIT_ZOOM = 1;

/**
 * Where a diagram of w x h is placed on a canvas of cw x ch: all of it, fitted; or, when `readable` and the fit
 * would be unreadably small (a phone), at a readable zoom from the left. Compare's half-width panes, big
 * diagrams (an overview first, the far layer) and embeds (a guest in a page: always the whole diagram) fit.
 */
export function startViewport(
  w: number,
  h: number,
  cw: number,
  ch: number,
  readable: boolean,
  maxZoom = MAX_ZOOM,
): Viewport {
  return (
    (readable ? initialViewport(w, h, cw, ch) : null) ??
    getViewportForBounds({ x: 0, y: 0, width: w, height: h }, cw, ch, MIN_ZOOM, maxZoom, FIT.padding)
  );
}

/**
 * The canvas height (CSS px) at which a diagram of w x h, fitted to a canvas `cw` wide, is shown whole with
 * the width deciding the zoom: an embed's auto height. The padding is React Flow's (a fraction of each side,
 * rounded down to whole pixels), so `startViewport` on a canvas this tall picks the width's zoom.
 */
export function fittedHeight(w: number, h: number, cw: number): number {
  if (w <= 0 || h <= 0 || cw <= 0) return 0;
  const padX = 2 * Math.floor((cw - cw / (1 + FIT.padding)) * 0.5);
  const zoom = Math.min(Math.max((cw - padX) / w, MIN_ZOOM), EMBED_MAX_FIT_ZOOM);
  // The vertical padding is the same fraction of the height: h * zoom is what is left of it (+1 for rounding).
  return Math.ceil(h * zoom * (1 + FIT.padding)) + 1;
}

/**
 * Places the view and reports ready once React Flow holds and has measured exactly these nodes. Refits when
 * the canvas changes size (the editor opens, the window resizes) unless the user has panned or zoomed.
 */
function ReadyWatcher({
  place,
  synced,
  animate,
  layout,
  marker,
  onReady,
  userMoved,
  width,
  height,
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
  onReady: (layout: Layout) => void;
  userMoved: { current: boolean };
  width: number;
  height: number;
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
  const size = useFlowStore((s) => `${s.width}x${s.height}`);
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  // React Flow measures its canvas after mounting; until then, the size Flow measured before mounting it.
  const canvas = useFlowStore((s) => ({ w: s.width || start.w, h: s.height || start.h }), shallow);
  const placed = useRef(false);
  const placeView = useCallback(() => {
    if (!place) return;
    const duration = animate && placed.current ? 400 : 0;
    placed.current = true;
    const next = startViewport(width, height, canvas.w, canvas.h, readable, maxFit);
    // Already there (the first layout is mounted at its placement): moving would only render the flow again.
    // A synced pane moves anyway: that is how the other pane learns the viewport.
    const [x, y, zoom] = flow.getState().transform;
    const there =
      Math.abs(x - next.x) < 0.5 && Math.abs(y - next.y) < 0.5 && Math.abs(zoom - next.zoom) < 1e-6;
    if (there && !synced) return;
    void setViewport(next, { duration });
  }, [place, animate, width, height, canvas.w, canvas.h, readable, maxFit, setViewport, flow, synced]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the canvas size changes.
  useEffect(() => {
    // The first placement is the layout effect's (below); this one only follows later size changes.
    if (placed.current && initialized && current && !userMoved.current) placeView();
  }, [size]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout (view, model, folding) is placed again.
  useEffect(() => {
    if (!initialized || !current) return;
    let painted = 0;
    userMoved.current = false;
    placeView();
    // Ready once the frame that draws this layout has been painted: a task queued from that frame's
    // animation callback runs after its paint.
    const frame = requestAnimationFrame(() => {
      painted = window.setTimeout(() => onReady(layout), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(painted);
    };
  }, [initialized, current, layout]);
  return null;
}

/** The minimap, shown only when part of the diagram is out of view (at fit, it would cover it). */
function OverviewMap({ width, height }: { width: number; height: number }) {
  const partial = useFlowStore((s) => {
    // Until React Flow has measured its pane, nothing is known to be out of view.
    if (s.width === 0 || s.height === 0) return false;
    const [tx, ty, zoom] = s.transform;
    const slack = 4;
    return (
      tx < -slack ||
      ty < -slack ||
      tx + width * zoom > s.width + slack ||
      ty + height * zoom > s.height + slack
    );
  });
  if (!partial) return null;
  return (
    <MiniMap
      position="bottom-right"
      pannable
      zoomable
      nodeColor={minimapColor}
      nodeStrokeWidth={0}
      style={{ width: 160, height: 90 }}
    />
  );
}

const ZOOM_BUTTON =
  'grid size-7 place-items-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * An embed's zoom control: zoom out, zoom in, and back to the whole diagram. In the embed's bar when it has
 * one (a slot outside React Flow, filled through a portal), else over the diagram's top right corner.
 */
function ZoomButtons({
  slot,
  userMoved,
  width,
  height,
  maxFit,
}: {
  slot: HTMLElement | null;
  userMoved: { current: boolean };
  /** The diagram's size, to fit it. */
  width: number;
  height: number;
  maxFit: number;
}) {
  const { zoomIn, zoomOut, setViewport } = useReactFlow();
  const flow = useStoreApi();
  const duration = usePrefersReducedMotion() ? 0 : 200;
  const fit = () => {
    // Back to the placement a resize keeps up to date.
    userMoved.current = false;
    const s = flow.getState();
    void setViewport(startViewport(width, height, s.width, s.height, false, maxFit), { duration });
  };
  const zoom = (by: typeof zoomIn) => {
    // A zoom the reader chose is kept when the page resizes (as a pan or a wheel zoom is).
    userMoved.current = true;
    void by({ duration });
  };
  // Out of the Tab order, as the app's zoom controls: the diagram is one Tab stop and zooms with + / − / 0
  // (RovingFocus); the buttons are for the pointer.
  const buttons = (
    <fieldset className="sl-zoom flex items-center gap-1" data-testid="zoom">
      <legend className="sr-only">Zoom</legend>
      {(
        [
          ['Zoom out', 'minus', () => zoom(zoomOut)],
          ['Zoom in', 'plus', () => zoom(zoomIn)],
          ['Fit the whole diagram', 'fit', fit],
        ] as const
      ).map(([label, icon, onClick]) => (
        <button
          key={icon}
          type="button"
          className={ZOOM_BUTTON}
          tabIndex={-1}
          aria-label={label}
          title={label}
          onClick={onClick}
        >
          <Icon name={icon} size={14} />
        </button>
      ))}
    </fieldset>
  );
  return slot ? createPortal(buttons, slot) : <Panel position="top-right">{buttons}</Panel>;
}

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

const COLLAPSIBLE = new Set(['host', 'project', 'tenant-cluster', 'operator-cluster']);

/** The element (or folded group) under a DOM node, if any: its box, a node's wrapper or a chip, carries the id. */
function elementIdAt(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest(`.${ELEMENT_CLASS}`) : null;
  return el?.getAttribute('data-id') ?? null;
}

/** The element under the pointer: an element's DOM box, or a box drawn on the far layer's canvas. */
const elementAtPointer = (e: ReactMouseEvent) =>
  elementIdAt(e.target) ?? farElementAt(e.target, e.clientX, e.clientY);

/** How far the diagram is seen from: below FAR_ZOOM (no text), below NEAR_ZOOM (a big one is one layer), closer. */
type Distance = 'far' | 'mid' | 'near';
const distanceOf = (zoom: number): Distance => (zoom < FAR_ZOOM ? 'far' : zoom < NEAR_ZOOM ? 'mid' : 'near');

/** Tells when the zoom crosses FAR_ZOOM or NEAR_ZOOM (a child of React Flow: its store lives inside it). */
function FarWatcher({
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
function ZoomWatcher({ layout }: { layout: Layout }) {
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
    const many = request.ids.length > 1;
    const viewport = getViewportForBounds(
      bounds,
      canvas.w,
      canvas.h,
      MIN_ZOOM,
      // A tour's group of elements keeps its surroundings in view; a single search hit comes closer.
      many ? 1 : 1.4,
      many ? 0.15 : 0.6,
    );
    void setViewport(viewport, { duration: reduced ? 0 : 350 });
  }, [request, layout, canvas, setViewport, reduced]);
  return null;
}

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
  const store = useAppStore();
  const view = scene.view;
  const collapsed = useCollapsed(scene);
  const hidden = useApp((s) => s.hiddenLayers);
  const interactive = useApp((s) => s.interactive);
  // A running tour places the view itself: each step frames what it speaks of (tour/TourFrameWatcher).
  const touring = useApp((s) => s.tourFrame !== null) && !sync;
  const layout = layoutFor(scene, collapsed, hidden);
  // The canvas is measured before React Flow mounts, so its very first frame shows the diagram placed
  // (React Flow would measure it after mounting, and the first placement would come a render later).
  const frame = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<(CanvasSize & { viewport: Viewport }) | null>(null);
  // A big diagram seen from far is drawn as one far layer (plain boxes, toFlow). Every new layout is placed
  // (ReadyWatcher), so whether it starts far is known before React Flow moves; after that, the zoom decides.
  const big = layout.boxes.length >= FAR_LAYER_MIN_BOXES;
  // An embed always shows the whole diagram (its height follows the width), never a part of it from the left.
  const readable = !sync && !big && !embed;
  const maxFit = embed ? EMBED_MAX_FIT_ZOOM : MAX_ZOOM;
  const [zoomed, setZoomed] = useState<{ layout: Layout; distance: Distance } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout (or the first measure) is placed anew.
  const placedZoom = useMemo(() => {
    const el = frame.current;
    if (!big || !el) return undefined;
    return startViewport(layout.width, layout.height, el.clientWidth, el.clientHeight, readable, maxFit).zoom;
  }, [layout, start]);
  const placedFar = placedZoom !== undefined && placedZoom < NEAR_ZOOM;
  const farLayer = big && (zoomed?.layout === layout ? zoomed.distance !== 'near' : placedFar);
  // Far out, text in the boxes is a few pixels high: it is not drawn (a map's level of detail).
  const distance: Distance = zoomed
    ? zoomed.distance
    : start !== null
      ? distanceOf(start.viewport.zoom)
      : 'near';
  const far = distance === 'far';
  const shown = useRef(layout);
  useLayoutEffect(() => {
    shown.current = layout;
  });
  const onFar = useCallback((d: Distance) => setZoomed({ layout: shown.current, distance: d }), []);
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
  // Set when the user pans or zooms (programmatic moves have no event): then resizes keep their viewport.
  const userMoved = useRef(false);
  // The ready marker is written on the element itself, not rendered: the diagram is drawn by then, and
  // rendering the whole flow again to change one attribute would only delay it. A new layout clears it
  // before it is painted; a call for a layout no longer shown is ignored.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new layout clears the marker.
  useLayoutEffect(() => {
    frame.current?.setAttribute('data-ready', 'false');
  }, [layout]);
  const onDrawn = embed?.onDrawn;
  const onReady = useCallback(
    (ready: Layout) => {
      if (ready !== shown.current) return;
      frame.current?.setAttribute('data-ready', 'true');
      firstDiagramDrawn();
      onDrawn?.(ready);
    },
    [onDrawn],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured once, when mounted; later layouts are placed by ReadyWatcher.
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const w = el.clientWidth;
    const h = el.clientHeight;
    setStart({ w, h, viewport: startViewport(layout.width, layout.height, w, h, readable, maxFit) });
  }, []);
  // While the canvas pans or zooms, boxes sliding under the pointer do not light up their stacks.
  const moving = useRef(false);
  // The node handlers never change: each box's wrapper is memoized on them, so new functions on every
  // render (a hover, the ready marker) would re-render every box. They read the current scene from a ref.
  const latest = useRef({ scene, collapsed, interactive });
  useLayoutEffect(() => {
    latest.current = { scene, collapsed, interactive };
  });
  const handlers = useMemo(() => {
    const hoverAt = (e: ReactMouseEvent) => {
      if (moving.current) return;
      const id = elementAtPointer(e);
      const next = id && latest.current.scene.byId.has(id) ? id : null;
      if (store.getState().hovered !== next) store.getState().hover(next);
    };
    return {
      // A chip is not a node of its own: the element is the one under the pointer, else the node's.
      onNodeClick: (e: ReactMouseEvent, node: DiagramNode) => {
        const { scene, collapsed, interactive } = latest.current;
        if (!interactive) return;
        if (node.type === 'group') store.getState().toggleCollapsed(node.id, collapsed);
        else {
          const id = elementAtPointer(e) ?? node.id;
          if (scene.byId.has(id)) store.getState().select(id);
        }
      },
      onNodeDoubleClick: (e: ReactMouseEvent, node: DiagramNode) => {
        const { scene, collapsed } = latest.current;
        const el = scene.byId.get(elementAtPointer(e) ?? node.id);
        if (el && COLLAPSIBLE.has(el.kind)) store.getState().toggleCollapsed(el.id, collapsed);
      },
      onPaneClick: () => store.getState().select(null),
      // Hover is delegated: the pointer entering any element's box (a node or a chip) lights its stack.
      onMouseOver: (e: ReactMouseEvent) => hoverAt(e),
      // Over the far layer's canvas the box under the pointer changes without leaving an element.
      onMouseMove: (e: ReactMouseEvent) => {
        if (e.target instanceof HTMLCanvasElement) hoverAt(e);
      },
      onMouseLeave: () => store.getState().hover(null),
    };
  }, [store]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates Enter/Space and focus of the (focusable) element nodes inside.
    <div
      ref={frame}
      // A big diagram changes at once: gliding thousands of boxes costs more than it shows.
      className={`sl-diagram h-full w-full${reduced || big ? '' : ' sl-motion'}`}
      data-testid={sync?.testId ?? 'diagram'}
      data-view={view}
      data-far={far ? 'true' : undefined}
      data-far-layer={farLayer ? 'true' : undefined}
      data-focus={useApp((s) => (s.hovered ?? s.selected) !== null) ? 'true' : undefined}
      onKeyDown={(e) => {
        const id = elementIdAt(e.target);
        if (!id) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          // The element's key, not also a tour's next step (Space).
          e.stopPropagation();
          if (id.startsWith('group:')) store.getState().toggleCollapsed(id, collapsed);
          else store.getState().select(id);
        }
      }}
      onFocus={(e) => store.getState().hover(elementIdAt(e.target))}
      onBlur={(e) => {
        // Focus moving on to another box of this diagram (the arrow keys) lights that one instead: no clearing
        // in between, which would render every box twice.
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)))
          store.getState().hover(null);
      }}
    >
      {start ? (
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
          aria-label={`Diagram of the ${view} view`}
          onMoveStart={(event) => {
            moving.current = true;
            if (event) userMoved.current = true;
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
            layout={layout}
            marker={base[0]}
            onReady={onReady}
            userMoved={userMoved}
            width={layout.width}
            height={layout.height}
            start={start}
            readable={readable}
            maxFit={maxFit}
          />
          <RovingFocus frame={frame} layout={layout} enabled={interactive} />
          <FarWatcher distance={distance} onChange={onFar} />
          {sync ? null : <ZoomWatcher layout={layout} />}
          {touring ? <TourFrameWatcher layout={layout} /> : null}
          {interactive && embed ? (
            <ZoomButtons
              slot={embed.zoomSlot}
              userMoved={userMoved}
              width={layout.width}
              height={layout.height}
              maxFit={maxFit}
            />
          ) : interactive ? (
            <Controls showInteractive={false} position="top-right" orientation="horizontal" />
          ) : null}
          {/* The diagram is placed from its first frame (defaultViewport): the map shows when part of it is out of view. */}
          {sync || touring || (embed && !embed.minimap) ? null : (
            <OverviewMap width={layout.width} height={layout.height} />
          )}
        </ReactFlow>
      ) : null}
    </div>
  );
}

/**
 * What an embed says about a model with problems: a reader of a docs page has no editor, its author has the
 * CLI. Names the first problem (where, what) and how many there are.
 */
function embedProblemsText(issues: readonly LocatedIssue[]): string {
  const first = issues[0];
  if (!first) return "This diagram's model could not be read.";
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  const where = first.path !== '$' ? `${first.path}: ` : `line ${first.line}: `;
  return `This diagram's model has ${count}: ${where}${first.message}. Check it with \`stacklayers validate\`.`;
}

/** Says that the diagram is not the draft's, while the draft has problems. */
function StaleBanner({ embedded }: { embedded: boolean }) {
  const problems = useApp((s) => s.issues.length);
  const issues = useApp((s) => s.issues);
  const editorOpen = useApp((s) => s.editorOpen);
  const setEditorOpen = useApp((s) => s.setEditorOpen);
  if (problems === 0) return null;
  if (embedded)
    return (
      <div
        className="absolute top-2 left-1/2 z-10 max-w-[90%] -translate-x-1/2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-[12.5px] text-amber-950 shadow-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        data-testid="stale-banner"
      >
        {embedProblemsText(issues)} The diagram shows the last valid model.
      </div>
    );
  return (
    <div
      className="absolute top-2 left-1/2 z-10 flex -translate-x-1/2 items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-[12.5px] text-amber-950 shadow-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      data-testid="stale-banner"
    >
      <span>
        The draft has {problems} {problems === 1 ? 'problem' : 'problems'}: the diagram shows the last valid
        model.
      </span>
      {editorOpen ? null : (
        <button
          type="button"
          className="font-semibold underline focus-visible:outline-2 focus-visible:outline-blue-600"
          onClick={() => setEditorOpen(true)}
        >
          Show problems
        </button>
      )}
    </div>
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
