import type { Edge, Node, NodeHandle } from '@xyflow/react';
import type { Layout, LayoutBand, LayoutBox, LayoutEdge } from '../layout/layoutScene';
import type { SceneElement } from '../topology/scene';
import { ariaLabelOf, foldedSummary } from './describe';

/** Data of a node that draws a scene element. */
export type ElementNodeData = {
  el: SceneElement;
  box: LayoutBox;
  /** For a folded host, project or cluster: what it holds, in words. */
  folded?: string;
};
/** Data of a band's background node. */
export type BandNodeData = { band: LayoutBand };
/** Data of the one node that draws every edge (cheaper than one React Flow edge each). */
export type EdgesNodeData = {
  edges: readonly LayoutEdge[];
  width: number;
  height: number;
  /** Ids in the highlighted stack: their edges are lit, the others dimmed. */
  lit?: ReadonlySet<string> | null;
  /** Ids that are down in a what-if: their edges are drawn as broken. */
  down?: ReadonlySet<string> | null;
};

export type ElementNode = Node<ElementNodeData>;
/** Data of a folded group of hosts or projects (not a scene element: clicking it unfolds it). */
export type GroupNodeData = { box: LayoutBox };
export type GroupNode = Node<GroupNodeData, 'group'>;
export type BandNode = Node<BandNodeData, 'band'>;
export type EdgesNode = Node<EdgesNodeData, 'edges'>;
export type DiagramNode = ElementNode | BandNode | EdgesNode | GroupNode;

/** React Flow's node type for each kind of element. */
export const NODE_TYPE: Record<SceneElement['kind'], string> = {
  host: 'host',
  'operator-cluster': 'cluster',
  'tenant-cluster': 'cluster',
  'k8s-node': 'k8sNode',
  service: 'chip',
  pod: 'chip',
  project: 'project',
  network: 'resource',
  'load-balancer': 'resource',
  volume: 'resource',
  vm: 'vm',
};

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
  group: { 'aria-roledescription': undefined },
  element: { 'aria-roledescription': 'diagram element' },
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
 * A laid-out scene as React Flow nodes: bands behind, one node for all edges, then the element boxes
 * at their absolute positions (parents before children, so a parent is drawn below its children).
 */
export function layoutToFlow(layout: Layout): { nodes: DiagramNode[]; edges: Edge[] } {
  const nodes: DiagramNode[] = [];
  for (const band of layout.bands) {
    nodes.push({
      id: `band:${band.id}`,
      type: 'band',
      ...placed(band.x, band.y, band.w, band.h),
      data: { band },
      selectable: false,
      focusable: false,
      zIndex: 0,
      ariaRole: 'group',
      ariaLabel: `${band.label} layer`,
      domAttributes: ROLE_DESCRIPTION.band,
      ...fixed,
    });
  }
  nodes.push({
    id: 'edges:all',
    type: 'edges',
    ...placed(0, 0, layout.width, layout.height),
    style: { width: layout.width, height: layout.height, pointerEvents: 'none' },
    data: { edges: layout.edges, width: layout.width, height: layout.height },
    selectable: false,
    focusable: false,
    zIndex: 1,
    domAttributes: ROLE_DESCRIPTION.edges,
    ...fixed,
  });
  const depth = new Map<string, number>();
  for (const box of layout.boxes) {
    const el = layout.scene.byId.get(box.id);
    if (box.kind === 'host-group' || box.kind === 'project-group') {
      depth.set(box.id, 0);
      nodes.push({
        id: box.id,
        type: 'group',
        ...placed(box.x, box.y, box.w, box.h),
        data: { box },
        zIndex: 2,
        ariaRole: 'button',
        ariaLabel: `${box.label ?? 'group'}, folded: ${box.summary ?? ''}. Activate to unfold.`,
        domAttributes: ROLE_DESCRIPTION.group,
        ...fixed,
      });
      continue;
    }
    if (!el) continue;
    const parent = box.parent ? layout.byId.get(box.parent) : undefined;
    const d = parent ? (depth.get(parent.id) ?? 0) + 1 : 0;
    depth.set(box.id, d);
    nodes.push({
      id: box.id,
      type: NODE_TYPE[el.kind],
      ...placed(box.x, box.y, box.w, box.h),
      data: layout.collapsed.has(box.id)
        ? { el, box, folded: foldedSummary(layout.scene, box.id) }
        : { el, box },
      zIndex: 2 + d,
      ariaRole: 'group',
      ariaLabel: ariaLabelOf(el),
      domAttributes: ROLE_DESCRIPTION.element,
      ...fixed,
    });
  }
  return { nodes, edges: [] };
}
