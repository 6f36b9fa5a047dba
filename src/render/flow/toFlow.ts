import type { Edge, Node, NodeHandle } from '@xyflow/react';
import { CHIP_KINDS, KINDS } from '../../kinds';
import {
  boxBounds,
  type Layout,
  type LayoutBand,
  type LayoutBox,
  type LayoutEdge,
} from '../../layout/layoutScene';
import type { SceneElement } from '../../topology/scene';
import { ariaLabelOf, foldedSummary } from '../describe';

/** Data of a node that draws a scene element. */
type ElementNodeData = {
  el: SceneElement;
  box: LayoutBox;
  /** For a folded host, project or cluster: what it holds, in words. */
  folded?: string;
};
/** Data of a band's background node. */
type BandNodeData = { band: LayoutBand };
/** Data of the one node that draws every edge (cheaper than one React Flow edge each). */
type EdgesNodeData = {
  edges: readonly LayoutEdge[];
  width: number;
  height: number;
  /** Ids in the highlighted stack: their edges are lit, the others dimmed. */
  lit?: ReadonlySet<string> | null;
  /** Ids that are down in a what-if: their edges are drawn as broken. */
  down?: ReadonlySet<string> | null;
  /**
   * With the far layer: only lit and broken edges are drawn. From far the others are not shown (hairlines
   * over the boxes), and a thousand hidden paths would still cost their creation at every change.
   */
  markedOnly?: boolean;
};

export type ElementNode = Node<ElementNodeData>;
/**
 * One small box drawn inside a ChipsNode, or a box of the far layer (which also needs a folded box's summary:
 * it draws the boxes' labels from FAR_ZOOM on).
 */
export type ChipItem = { el: SceneElement; box: LayoutBox; folded?: string };
/**
 * Data of a node that draws several small boxes at once: the service instances of one host, the pods of
 * one Kubernetes node, the networks, volumes and load balancers of one project. One React Flow node for
 * many chips (most of a diagram's boxes) keeps React Flow's per-node work off them.
 */
type ChipsNodeData = {
  chips: readonly ChipItem[];
  /** The node's top-left corner; chips are placed relative to it. */
  x: number;
  y: number;
  /** Classes of the moment per chip (highlight, lens, what-if, compare), parallel to `chips`. */
  cls?: readonly string[];
  /** A fading copy of chips that left the diagram (nothing in it is focusable or addressable). */
  ghost?: boolean;
};
export type ChipsNode = Node<ChipsNodeData, 'chips'>;
/** Data of the far layer: its boxes as chips, and the zoom it is about to be placed at, when known. */
type FarNodeData = ChipsNodeData & {
  /**
   * The layout's edges: drawn on the canvas, under its boxes, where labels are (from FAR_ZOOM on), as the
   * edges node draws them up close; the edges node then draws only the lit and broken ones.
   */
  edges?: readonly LayoutEdge[];
  /**
   * So that its canvas is drawn once, at that zoom's resolution, rather than first at the zoom of the moment
   * (the previous layout's) and again.
   */
  zoom?: number;
};
/** The far layer: every box of a big diagram seen from far, in one node, drawn on a canvas (FarCanvas). */
export type FarNode = Node<FarNodeData, 'far'>;
/** Data of a folded group of hosts or projects (not a scene element: clicking it unfolds it). */
type GroupNodeData = {
  box: LayoutBox;
  /** What a what-if does inside the group, in words (set by the app while failures are shown). */
  failures?: string;
};
export type GroupNode = Node<GroupNodeData, 'group'>;
export type BandNode = Node<BandNodeData, 'band'>;
export type EdgesNode = Node<EdgesNodeData, 'edges'>;
export type DiagramNode = ElementNode | BandNode | EdgesNode | GroupNode | ChipsNode | FarNode;

/** The class every element's box carries (a node's wrapper, or a chip): with `data-id`, it addresses it. */
export const ELEMENT_CLASS = 'sl-el';

/** React Flow's node type of an element drawn as a node of its own; 'chips' for a chip's kind. */
function nodeTypeOf(el: SceneElement): string {
  const drawn = KINDS[el.kind].drawn;
  return drawn.as === 'node' ? drawn.nodeType : 'chips';
}

/**
 * Boxes are read-only. `handles: []` says no box has connection handles (edges are drawn by one SVG node),
 * so, with `measured` sizes from the layout, React Flow has nothing to measure: it does not re-render every
 * box after mounting to record handle positions.
 */
const NO_HANDLES: NodeHandle[] = [];
const fixed = { draggable: false, connectable: false, deletable: false, handles: NO_HANDLES } as const;

/**
 * What a screen reader calls each kind of node. React Flow says "node" by default, which in this diagram
 * would be confused with a Kubernetes node; the folded groups stay plain buttons.
 */
const ROLE_DESCRIPTION = {
  band: { 'aria-roledescription': 'layer' },
  edges: { 'aria-roledescription': undefined },
  // Boxes are focusable from script only: the diagram is one Tab stop, which the app moves from box to box
  // with the arrow keys (a roving tabindex, app/diagram/RovingFocus.tsx).
  group: { 'aria-roledescription': undefined, tabIndex: -1 },
  chips: { 'aria-roledescription': undefined },
  element: { 'aria-roledescription': 'diagram element', tabIndex: -1 },
} as const;

/**
 * Where a node sits and how big it is. Positions are absolute (no parentId: React Flow would recompute every
 * child's internals, and re-render it, on each update of the node list; the layout places every box and the
 * z-order is manual). Sizes come from the layout, so React Flow needs no measuring pass before it is ready.
 */
const placed = (x: number, y: number, w: number, h: number) => ({
  position: { x, y },
  width: w,
  height: h,
  measured: { width: w, height: h },
  style: { width: w, height: h },
});

/**
 * The data of a layout's band and edge nodes, one object per layout: drawing the same layout again (the far
 * layer on or off) keeps them, and the diagram tells a new layout by its first node's data.
 */
const bandDatas = new WeakMap<LayoutBand, BandNodeData>();
const edgesDatas = new WeakMap<Layout, EdgesNodeData>();
const farEdgesDatas = new WeakMap<Layout, EdgesNodeData>();
function bandData(band: LayoutBand): BandNodeData {
  const known = bandDatas.get(band);
  if (known) return known;
  const data = { band };
  bandDatas.set(band, data);
  return data;
}
function edgesData(layout: Layout, far: boolean): EdgesNodeData {
  const datas = far ? farEdgesDatas : edgesDatas;
  const known = datas.get(layout);
  if (known) return known;
  const data = far
    ? { edges: layout.edges, width: layout.width, height: layout.height, markedOnly: true }
    : { edges: layout.edges, width: layout.width, height: layout.height };
  datas.set(layout, data);
  return data;
}

/** Below this zoom the boxes' text (9–13 px) would be under 4 px on screen: it is not drawn. */
export const FAR_ZOOM = 0.3;

/**
 * Below this zoom a big diagram (FAR_LAYER_MIN_BOXES or more) is drawn as one far layer: every box on one
 * canvas in one node, instead of a React Flow node (and its contents) each; from FAR_ZOOM on, with its labels
 * (3 to 6 px high on screen here). Closer, the boxes in view are elements again, whose text can be selected
 * and which the keyboard reaches one by one.
 */
export const NEAR_ZOOM = 0.5;

/** From this many boxes on, a diagram seen from below NEAR_ZOOM is drawn as one far layer. */
export const FAR_LAYER_MIN_BOXES = 400;

/** A band's background node. */
function bandNode(band: LayoutBand): BandNode {
  return {
    id: `band:${band.id}`,
    type: 'band',
    ...placed(band.x, band.y, band.w, band.h),
    data: bandData(band),
    selectable: false,
    focusable: false,
    zIndex: 0,
    ariaRole: 'group',
    ariaLabel: `${band.label} layer`,
    domAttributes: ROLE_DESCRIPTION.band,
    ...fixed,
  };
}

/** The one node that draws every edge, over the bands and under the boxes. */
function edgesNode(layout: Layout, far: boolean): EdgesNode {
  return {
    id: 'edges:all',
    type: 'edges',
    ...placed(0, 0, layout.width, layout.height),
    style: { width: layout.width, height: layout.height, pointerEvents: 'none' },
    data: edgesData(layout, far),
    selectable: false,
    focusable: false,
    zIndex: 1,
    domAttributes: ROLE_DESCRIPTION.edges,
    ...fixed,
  };
}

/** A folded group of hosts or projects, or an open structure bar: a button that folds or unfolds it. */
function groupNode(box: LayoutBox): GroupNode {
  return {
    id: box.id,
    type: 'group',
    ...placed(box.x, box.y, box.w, box.h),
    data: { box },
    zIndex: 2,
    ariaRole: 'button',
    ariaLabel:
      box.kind === 'structure'
        ? `${box.label ?? 'group'}, open: ${box.summary ?? ''}. Activate to fold.`
        : `${box.label ?? 'group'}, folded: ${[box.summary, box.detail].filter(Boolean).join(' · ')}. Activate to unfold.`,
    className: ELEMENT_CLASS,
    domAttributes: ROLE_DESCRIPTION.group,
    ...fixed,
  };
}

/** An element drawn as a node of its own, `depth` boxes deep (a parent is drawn below its children). */
function elementNode(layout: Layout, el: SceneElement, box: LayoutBox, depth: number): ElementNode {
  return {
    id: box.id,
    type: nodeTypeOf(el),
    ...placed(box.x, box.y, box.w, box.h),
    data: layout.collapsed.has(box.id)
      ? { el, box, folded: foldedSummary(layout.scene, box.id) }
      : { el, box },
    zIndex: 2 + depth,
    ariaRole: 'group',
    ariaLabel: ariaLabelOf(el),
    className: ELEMENT_CLASS,
    domAttributes: ROLE_DESCRIPTION.element,
    ...fixed,
  };
}

/** The chips of one holder, or every box of the far layer. */
interface ChipGroup {
  /** The node's place in the node list (its first box's). */
  at: number;
  z: number;
  items: ChipItem[];
}

/** A node of chips (or the far layer) at the bounds of its items; null for no items. */
function chipsNode(
  layout: Layout,
  id: string,
  { z, items }: ChipGroup,
  options: { far?: boolean; farZoom?: number },
): ChipsNode | FarNode | null {
  const bounds = boxBounds(items.map((c) => c.box));
  if (!bounds) return null;
  const { x: x0, y: y0, width, height } = bounds;
  const placement = placed(x0, y0, width, height);
  return {
    id,
    type: options.far ? 'far' : 'chips',
    ...placement,
    // The gaps between chips show what is below (a Kubernetes node, a project): only chips take the pointer.
    style: { ...placement.style, pointerEvents: 'none' },
    data: options.far
      ? {
          chips: items,
          x: x0,
          y: y0,
          edges: layout.edges,
          ...(options.farZoom !== undefined ? { zoom: options.farZoom } : {}),
        }
      : { chips: items, x: x0, y: y0 },
    zIndex: z,
    // The chips are the focusable, labelled elements; their container is neither.
    focusable: false,
    selectable: false,
    domAttributes: ROLE_DESCRIPTION.chips,
    ...fixed,
  } as ChipsNode | FarNode;
}

/** Which node of chips a box goes into: its parent box (pods, project resources), a service's host column, the far layer. */
function chipKey(el: SceneElement, box: LayoutBox, far: boolean): string {
  if (far) return 'far';
  return `chips:${box.parent ?? (el.kind === 'service' ? `@${el.host}` : box.id)}`;
}

/**
 * A laid-out scene as React Flow nodes: bands behind, one node for all edges, then the element boxes
 * at their absolute positions (parents before children, so a parent is drawn below its children).
 * With `far`, every element box goes into one far node (the far layer), in the same order; `farZoom` is the
 * zoom the layout will be placed at, when known.
 */
export function layoutToFlow(
  layout: Layout,
  options: { far?: boolean; farZoom?: number } = {},
): { nodes: DiagramNode[]; edges: Edge[] } {
  const far = options.far === true;
  const nodes: DiagramNode[] = layout.bands.map(bandNode);
  nodes.push(edgesNode(layout, far));
  const depth = new Map<string, number>();
  const chipGroups = new Map<string, ChipGroup>();
  for (const box of layout.boxes) {
    if (box.kind === 'host-group' || box.kind === 'project-group' || box.kind === 'structure') {
      depth.set(box.id, 0);
      nodes.push(groupNode(box));
      continue;
    }
    const el = layout.scene.byId.get(box.id);
    if (!el) continue;
    const parent = box.parent ? layout.byId.get(box.parent) : undefined;
    const d = parent ? (depth.get(parent.id) ?? 0) + 1 : 0;
    depth.set(box.id, d);
    if (!far && !CHIP_KINDS.has(el.kind)) {
      nodes.push(elementNode(layout, el, box, d));
      continue;
    }
    const item: ChipItem =
      far && layout.collapsed.has(box.id)
        ? { el, box, folded: foldedSummary(layout.scene, box.id) }
        : { el, box };
    const key = chipKey(el, box, far);
    const group = chipGroups.get(key);
    if (group) group.items.push(item);
    else {
      chipGroups.set(key, { at: nodes.length, z: 2 + d, items: [item] });
      nodes.push(null as unknown as DiagramNode); // its place in the order: replaced below
    }
  }
  for (const [id, group] of chipGroups) {
    const node = chipsNode(layout, id, group, options);
    if (node) nodes[group.at] = node; // a group is made with its first chip: never empty
  }
  return { nodes, edges: [] };
}
