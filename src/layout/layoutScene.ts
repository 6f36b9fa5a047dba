import type { HostElement, Scene } from '../topology/scene';
import { hostGroupId, PROJECTS_GROUP } from './hosts';
import { SIZES as S } from './sizes';
import { collect, hiddenParts } from './stages/collect';
import { runsOnEdges } from './stages/edges';
import { placeHardwareBand } from './stages/hardwareBand';
import { type HostColumns, hostColumns } from './stages/hostColumns';
import { placeOpenStackBand, placeOperatorBand } from './stages/platformBands';
import { projectRows } from './stages/projectRows';
import { newStack } from './stages/stack';
import { placeTenantBands } from './stages/tenantBands';
import { defaultStructureFolds } from './structure';
import type { Layout, LayoutBox, LayoutOptions } from './types';

export { hostGroupId, hostSubtitle, orderHosts, PROJECTS_GROUP } from './hosts';
export { resourceLabel } from './stages/planProject';
export type { Layout, LayoutBand, LayoutBox, LayoutEdge, LayoutOptions } from './types';

const NONE: ReadonlySet<never> = new Set();

/** Models with more elements than this start collapsed (hosts, projects and clusters folded). */
const COLLAPSE_ABOVE = 600;
/** How many hosts of a kind (or projects) it takes before a big model starts with them grouped. */
const GROUP_AT = 12;

/** What a scene starts with collapsed: nothing for small scenes; every host, project and cluster for big ones. */
export function defaultCollapsed(scene: Scene): Set<string> {
  if (scene.elements.length <= COLLAPSE_ABOVE) return new Set();
  const ids = new Set<string>();
  for (const el of scene.elements)
    if (
      el.kind === 'host' ||
      el.kind === 'project' ||
      el.kind === 'tenant-cluster' ||
      el.kind === 'operator-cluster'
    )
      ids.add(el.id);
  // Many hosts of one kind fold into one box per kind, and many projects into one: the whole cloud fits the screen.
  const sizes = new Map<string, number>();
  let projects = 0;
  for (const el of scene.elements) {
    if (el.kind === 'host' && el.zone === undefined && el.cell === undefined)
      sizes.set(hostGroupId(el), (sizes.get(hostGroupId(el)) ?? 0) + 1);
    if (el.kind === 'project') projects++;
  }
  // A region's own hosts (its controllers, its storage) fold by kind at any count: its zones are what matter.
  for (const [group, n] of sizes) if (n >= GROUP_AT || group.includes(':in:')) ids.add(group);
  if (projects >= GROUP_AT) ids.add(PROJECTS_GROUP);
  // A structured cloud folds by its own structure (regions, zones, cells, racks).
  const hosts = scene.elements.filter((e): e is HostElement => e.kind === 'host');
  for (const id of defaultStructureFolds(hosts)) ids.add(id);
  return ids;
}

/** The smallest rectangle holding these boxes (null for none). */
export function boxBounds(
  boxes: Iterable<{ x: number; y: number; w: number; h: number }>,
): { x: number; y: number; width: number; height: number } | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return x1 < x0 ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The host columns centred in a diagram `width` wide (the host area is narrower when a project row is wider). */
function centre(cols: HostColumns, width: number): HostColumns {
  const shift = Math.round((width - cols.areaW) / 2);
  return { ...cols, x: cols.x.map((x) => x + shift) };
}

/**
 * Places a scene: layered bands, bottom-up (hardware at the bottom). Hosts are columns shared by the
 * hardware, operator-Kubernetes and OpenStack bands, so what runs on a host sits right above it; tenant
 * projects sit above, each tenant cluster right above its VMs. Linear in the number of elements.
 *
 * The stages, in order (each in `stages/`): collect the elements by where they go; size the host columns; flow
 * the projects into rows; stack the bands top to bottom (tenants, OpenStack, operator's Kubernetes, hardware);
 * draw the edges.
 */
export function layoutScene(scene: Scene, options: LayoutOptions = {}): Layout {
  const collapsed = options.collapsed ?? NONE;
  const hide = hiddenParts(options.hiddenLayers ?? NONE);
  const parts = collect(scene, collapsed, hide);
  const sized = hostColumns(scene, parts, collapsed);
  const rows = projectRows(scene, parts, collapsed, sized.areaW);
  const cols = centre(sized, rows.width);

  const stack = newStack(rows.width);
  placeTenantBands(stack, scene.flags.k8sInTenant, parts, rows);
  if (!hide.services) placeOpenStackBand(stack, scene, parts, cols);
  if (scene.flags.controlPlaneOnK8s && parts.opCluster)
    placeOperatorBand(stack, parts.opCluster, collapsed, parts, cols);
  placeHardwareBand(stack, scene, parts.hosts, cols, collapsed);

  const byId = new Map<string, LayoutBox>();
  for (const b of stack.boxes) byId.set(b.id, b);
  const edges = runsOnEdges(scene, byId, cols.columnOf, stack.columnTop);
  const { width, bands, boxes } = stack;
  return { scene, width, height: stack.y + S.margin, bands, boxes, byId, edges, collapsed };
}
