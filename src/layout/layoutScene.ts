import { assertNever } from '../model/assertNever';
import type {
  ElementKind,
  HostElement,
  K8sNodeElement,
  Layer,
  OperatorClusterElement,
  PodElement,
  ProjectElement,
  Relation,
  Scene,
  SceneElement,
  ServiceElement,
  TenantClusterElement,
  VmElement,
} from '../topology/scene';
import {
  defaultStructureFolds,
  foldedGroupOf,
  isStructured,
  STRUCTURE_LEVELS,
  type StructureLevel,
  structureNames,
  structureOf,
  tallyGroups,
  tallyLines,
  tallyWords,
} from './structure';
import { nameWidth, textWidth } from './text';

/** A positioned box. Coordinates are absolute, in px at zoom 1; y grows downwards. */
export interface LayoutBox {
  id: string;
  /**
   * An element's kind, a folded group of hosts or of projects, or an open region, zone, cell or rack (a bar
   * under its hosts): ids `group:…`, not scene elements.
   */
  kind: ElementKind | 'host-group' | 'project-group' | 'structure';
  layer: Layer;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The box this one sits inside, if any (always earlier in `boxes`). */
  parent?: string | undefined;
  /** For a folded group or a structure bar: its title and what it holds. */
  label?: string;
  summary?: string;
  /** For a structure bar: its level. */
  level?: StructureLevel;
  /** For a folded region, zone, cell or rack: a second line (bare-metal instances, vCPUs per core). */
  detail?: string;
}

/** A labelled horizontal band of the diagram (a layer may have one band per row of projects). */
export interface LayoutBand {
  id: string;
  layer: Layer;
  label: string;
  sublabel: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutEdge {
  id: string;
  kind: Relation['kind'];
  from: string;
  to: string;
  /** Start and end points; renderers draw a vertical S-curve between them. */
  points: readonly [{ x: number; y: number }, { x: number; y: number }];
}

/** A scene with every element placed: what the renderers draw. */
export interface Layout {
  scene: Scene;
  width: number;
  height: number;
  /** Bands from top to bottom. */
  bands: readonly LayoutBand[];
  /** Parents come before their children. */
  boxes: readonly LayoutBox[];
  byId: ReadonlyMap<string, LayoutBox>;
  edges: readonly LayoutEdge[];
  /** The ids drawn folded (their contents are left out). */
  collapsed: ReadonlySet<string>;
}

/** What to leave out: collapsed hosts, projects and clusters (their contents), and hidden layers. */
export interface LayoutOptions {
  collapsed?: ReadonlySet<string>;
  /** Layers not to draw; hiding tenant VMs hides tenant Kubernetes too (it sits on them). Hardware always shows. */
  hiddenLayers?: ReadonlySet<Layer>;
}

const NONE: ReadonlySet<never> = new Set();

/** Models with more elements than this start collapsed (hosts, projects and clusters folded). */
const COLLAPSE_ABOVE = 600;

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

/** How many hosts of a kind (or projects) it takes before a big model starts with them grouped. */
const GROUP_AT = 12;
/** The id of the folded group of all projects. */
export const PROJECTS_GROUP = 'group:projects';
const ROLE_WORDS: Record<string, string> = {
  controller: 'controllers',
  network: 'network hosts',
  compute: 'compute hosts',
  storage: 'storage hosts',
  baremetal: 'bare-metal nodes',
};
/** The id of the folded group a host belongs to: by role, and by membership of the operator's cluster. */
export function hostGroupId(h: HostElement): string {
  const role = h.roles.includes('compute') ? 'compute' : (h.roles[0] ?? 'host');
  // Hosts in a zone or cell fold by that structure, not by kind; a region's own hosts by kind within it.
  if (isStructured(h)) return `group:${role}:in:${h.region ?? h.zone ?? h.cell}`;
  return `group:${role}${h.operatorMember ? '' : ':outside'}`;
}

/** Sizes in px. Text sizes match the CSS of the renderers. */
const SIZES = {
  margin: 16,
  bandLabel: 21,
  bandPad: 8,
  colGap: 6,
  groupGap: 14,
  chipH: 18,
  chipGap: 3,
  chipFont: 10,
  chipPadX: 22,
  chipAreaMax: 210,
  hostH: 54,
  hostFont: 10,
  nodeH: 22,
  clusterHead: 20,
  clusterPad: 6,
  vmW: 116,
  vmH: 38,
  vmGap: 8,
  projectHead: 22,
  projectPad: 8,
  projectGap: 16,
  resourceH: 18,
  resourceFont: 10,
  podFont: 10,
  nodeHead: 18,
  summaryH: 16,
  barH: 16,
  barGap: 3,
} as const;
const S = SIZES;

const ROLE_ORDER = ['controller', 'network', 'compute', 'storage', 'baremetal'] as const;

/**
 * Hosts in column order: in a cloud with regions, zones or cells, by them first (hosts outside any, the API
 * level, on the left; then by region, zone, cell and rack in the order the model first names them), so that
 * each group's hosts are contiguous; then operator-cluster members first (so its box is contiguous in a cloud
 * without that structure), then by role.
 */
export function orderHosts(hosts: readonly HostElement[]): HostElement[] {
  const rank = (h: HostElement) => Math.min(...h.roles.map((r) => ROLE_ORDER.indexOf(r)));
  const firstSeen = new Map<string, number>();
  for (const h of hosts)
    for (const g of structureOf(h)) if (!firstSeen.has(g.id)) firstSeen.set(g.id, firstSeen.size);
  const path = (h: HostElement) => structureOf(h).map((g) => firstSeen.get(g.id) ?? 0);
  const byPath = (a: readonly number[], b: readonly number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
    return a.length - b.length;
  };
  const member = (h: HostElement) => Number(h.operatorMember);
  return hosts
    .map((h, i) => ({ h, i, path: path(h), rank: rank(h) }))
    .sort(
      (a, b) =>
        (firstSeen.size > 0 ? byPath(a.path, b.path) : 0) ||
        member(b.h) - member(a.h) ||
        a.rank - b.rank ||
        a.i - b.i,
    )
    .map(({ h }) => h);
}

interface Chip {
  el: SceneElement;
  w: number;
}

/** Greedy rows of chips within `width`; each row is justified later. */
function flowRows(chips: readonly Chip[], width: number, gap: number): Chip[][] {
  const rows: Chip[][] = [];
  let row: Chip[] = [];
  let used = 0;
  for (const chip of chips) {
    const w = Math.min(chip.w, width);
    if (row.length > 0 && used + gap + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? gap : 0) + w;
    row.push({ el: chip.el, w });
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Lays out rows of chips justified to `width` starting at (x, y); returns the boxes. */
function placeRows(
  rows: readonly Chip[][],
  x: number,
  y: number,
  width: number,
  h: number,
  gap: number,
  parent: string | undefined,
  out: LayoutBox[],
): void {
  rows.forEach((row, r) => {
    const natural = row.reduce((s, c) => s + c.w, 0) + gap * (row.length - 1);
    const extra = Math.max(0, width - natural) / row.length;
    let cx = x;
    const cy = y + r * (h + gap);
    row.forEach((c, i) => {
      // The last chip takes the rounding remainder so rows end flush.
      const w = i === row.length - 1 ? x + width - cx : Math.round(c.w + extra);
      out.push({ id: c.el.id, kind: c.el.kind, layer: c.el.layer, x: cx, y: cy, w, h, parent });
      cx += w + gap;
    });
  });
}

const rowsHeight = (n: number, h: number, gap: number) => (n === 0 ? 0 : n * h + (n - 1) * gap);

function hostLines(h: HostElement): string[] {
  const cap = h.capacity;
  const capacity = [
    cap?.cores !== undefined ? `${cap.cores} cores` : '',
    cap?.ramGiB !== undefined ? `${cap.ramGiB} GiB` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return [h.roles.join(' · '), capacity];
}

/** The text lines a host box shows (shared with the renderers). */
export const hostSubtitle = hostLines;

interface ProjectPlan {
  project: ProjectElement;
  w: number;
  h: number;
  /** Boxes relative to the project's top-left. */
  children: LayoutBox[];
  /** Per tenant cluster: the x-range of its VMs, relative. */
  clusterRuns: Map<string, { x0: number; x1: number }>;
}

function planProject(
  project: ProjectElement,
  contents: readonly SceneElement[],
  folded: boolean,
): ProjectPlan {
  if (folded) {
    const w =
      textWidth('PROJECT', 9) * 1.1 + nameWidth(project.name, 12, true) + textWidth(project.owner, 10) + 28;
    return {
      project,
      w: Math.max(w, 150) + S.projectPad * 2,
      h: S.projectHead + S.summaryH + S.projectPad,
      children: [],
      clusterRuns: new Map(),
    };
  }
  const vms = contents.filter((e): e is VmElement => e.kind === 'vm');
  const resources = contents.filter(
    (e) => e.kind === 'network' || e.kind === 'load-balancer' || e.kind === 'volume',
  );

  // VMs: one row per tenant cluster (so its Kubernetes can sit right above), then a grid of plain VMs.
  const runs = new Map<string, VmElement[]>();
  const plain: VmElement[] = [];
  for (const vm of vms) {
    if (vm.cluster === undefined) plain.push(vm);
    else {
      const run = runs.get(vm.cluster);
      if (run) run.push(vm);
      else runs.set(vm.cluster, [vm]);
    }
  }
  const children: LayoutBox[] = [];
  const clusterRuns = new Map<string, { x0: number; x1: number }>();
  const placedVms: { vm: VmElement; x: number; row: number }[] = [];
  let x = 0;
  for (const [cluster, run] of runs) {
    const x0 = x;
    for (const vm of run) {
      placedVms.push({ vm, x, row: 0 });
      x += S.vmW + S.vmGap;
    }
    clusterRuns.set(cluster, { x0, x1: x - S.vmGap });
    x += S.projectGap - S.vmGap + S.clusterPad * 2;
  }
  const cols =
    plain.length === 0 ? 0 : Math.min(plain.length, Math.max(4, Math.ceil(Math.sqrt(plain.length * 2))));
  const gridRows = cols === 0 ? 0 : Math.ceil(plain.length / cols);
  plain.forEach((vm, i) => {
    placedVms.push({ vm, x: x + (i % cols) * (S.vmW + S.vmGap), row: Math.floor(i / cols) });
  });
  const vmRows = Math.max(runs.size > 0 ? 1 : 0, gridRows);
  const vmsW = Math.max(0, ...placedVms.map((p) => p.x + S.vmW));

  // "PROJECT" (uppercase, letter-spaced), the name, the owner, and the paddings and gaps between them.
  const headerW =
    textWidth('PROJECT', 9) * 1.1 +
    nameWidth(project.name, 12, true) +
    textWidth(project.owner, 10) +
    6 * 2 +
    16;
  const chips: Chip[] = resources.map((el) => ({
    el,
    w: nameWidth(resourceLabel(el), S.resourceFont) + 26,
  }));
  const innerW = Math.max(
    vmsW,
    headerW,
    Math.min(
      360,
      chips.reduce((s, c) => s + c.w + 4, 0),
    ),
  );
  const resRows = flowRows(chips, innerW, 4);
  const resH = rowsHeight(resRows.length, S.resourceH, 4);
  const vmsH = rowsHeight(vmRows, S.vmH, S.vmGap);
  const pad = S.projectPad;
  const resY = S.projectHead;
  const vmY = resY + (resH > 0 ? resH + 6 : 0);
  placeRows(resRows, pad, resY, innerW, S.resourceH, 4, project.id, children);
  // Plain VMs are aligned to the bottom so that cluster runs and the grid share a bottom line.
  for (const { vm, x: vx, row } of placedVms) {
    const bottomRow = vm.cluster !== undefined ? vmRows - 1 : row + (vmRows - gridRows);
    children.push({
      id: vm.id,
      kind: 'vm',
      layer: vm.layer,
      x: pad + vx,
      y: vmY + bottomRow * (S.vmH + S.vmGap),
      w: S.vmW,
      h: S.vmH,
      parent: project.id,
    });
  }
  for (const [cluster, run] of clusterRuns) clusterRuns.set(cluster, { x0: run.x0 + pad, x1: run.x1 + pad });
  return {
    project,
    w: innerW + pad * 2,
    h: vmY + vmsH + pad,
    children,
    clusterRuns,
  };
}

/** The short text a resource chip shows. */
export function resourceLabel(el: SceneElement): string {
  if (el.kind === 'network') return `${el.name}${el.cidr ? ` ${el.cidr}` : ''}`;
  if (el.kind === 'volume') return `${el.name} · ${el.sizeGiB} GB`;
  return el.name;
}

interface ClusterPlan {
  cluster: TenantClusterElement;
  nodeH: number;
  h: number;
}

/**
 * Places a scene: layered bands, bottom-up (hardware at the bottom). Hosts are columns shared by the
 * hardware, operator-Kubernetes and OpenStack bands, so what runs on a host sits right above it; tenant
 * projects sit above, each tenant cluster right above its VMs. Linear in the number of elements.
 */
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

export function layoutScene(scene: Scene, options: LayoutOptions = {}): Layout {
  const collapsed = options.collapsed ?? NONE;
  const hiddenLayers = options.hiddenLayers ?? NONE;
  const hide = {
    services: hiddenLayers.has('openstack'),
    operator: hiddenLayers.has('operator-k8s'),
    projects: hiddenLayers.has('tenant-vms'),
    tenantK8s: hiddenLayers.has('tenant-k8s') || hiddenLayers.has('tenant-vms'),
  };
  const boxes: LayoutBox[] = [];
  const edges: LayoutEdge[] = [];
  const { flags } = scene;

  const hosts: HostElement[] = [];
  const servicesByHost = new Map<string, ServiceElement[]>();
  const opNodes = new Map<string, K8sNodeElement>();
  let opCluster: OperatorClusterElement | undefined;
  const projects: ProjectElement[] = [];
  const projectContents = new Map<string, SceneElement[]>();
  const tenantClusters: TenantClusterElement[] = [];
  const tenantNodes = new Map<string, K8sNodeElement[]>();
  const podsByNode = new Map<string, PodElement[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const el of scene.elements) {
    switch (el.kind) {
      case 'host':
        hosts.push(el);
        break;
      case 'service':
        if (!hide.services && !collapsed.has(el.host)) push(servicesByHost, el.host, el);
        break;
      case 'operator-cluster':
        if (!hide.operator) opCluster = el;
        break;
      case 'k8s-node':
        if (collapsed.has(el.cluster)) break;
        if (el.clusterKind === 'operator') {
          if (!hide.operator) opNodes.set(el.machine, el);
        } else if (!hide.tenantK8s) push(tenantNodes, el.cluster, el);
        break;
      case 'project':
        if (!hide.projects) projects.push(el);
        break;
      case 'vm':
      case 'network':
      case 'load-balancer':
      case 'volume':
        if (!collapsed.has(el.project)) push(projectContents, el.project, el);
        break;
      case 'tenant-cluster':
        if (!hide.tenantK8s && !collapsed.has(el.project)) tenantClusters.push(el);
        break;
      case 'pod':
        push(podsByNode, el.runsOn, el);
        break;
      default:
        assertNever(el, 'element kind');
    }
  }

  // Host columns: a folded group of hosts is one column, drawn as one box.
  const groupMembers = new Map<string, HostElement[]>();
  const columnOf = new Map<string, string>();
  const ordered: HostElement[] = [];
  const names = structureNames(scene);
  const groupLabel = new Map<string, string>();
  for (const h of orderHosts(hosts)) {
    const folded = foldedGroupOf(h, collapsed);
    const g = folded?.id ?? hostGroupId(h);
    if (!collapsed.has(g)) {
      ordered.push(h);
      continue;
    }
    if (folded && !groupLabel.has(g))
      groupLabel.set(g, structureOf(h, names).find((x) => x.id === g)?.label ?? g);
    columnOf.set(h.id, g);
    const members = groupMembers.get(g);
    if (members) {
      members.push(h);
      continue;
    }
    groupMembers.set(g, [h]);
    // A stand-in host for the column (never an element: the group box takes its place).
    ordered.push({
      ...h,
      id: g,
      name: groupLabel.get(g) ?? ROLE_WORDS[g.split(':')[1] ?? ''] ?? 'hosts',
      rack: undefined,
      capacity: undefined,
    });
  }
  // What each folded group holds, and each open structure group (for its bar), in one pass.
  const tallies = tallyGroups(scene, (h) => {
    const out = structureOf(h).map((g) => g.id);
    const column = columnOf.get(h.id);
    if (column !== undefined && !out.includes(column)) out.push(column);
    return out;
  });
  const groupSummary = (id: string): string => {
    const t = tallies.get(id);
    return t ? tallyWords(t) : '';
  };
  const groupLines = (id: string): [string, string] => {
    const t = tallies.get(id);
    return t ? tallyLines(t) : ['', ''];
  };
  for (const members of groupMembers.values()) for (const m of members) servicesByHost.delete(m.id);
  const columnChips = ordered.map((h) =>
    (servicesByHost.get(h.id) ?? []).map((el) => ({ el, w: nameWidth(el.name, S.chipFont) + S.chipPadX })),
  );
  const hostMinW = ordered.map((h) =>
    Math.max(
      groupMembers.has(h.id) ? 170 : 0,
      ...(groupLabel.has(h.id) ? groupLines(h.id).map((l) => textWidth(l, 10) + 28) : [0]),
      nameWidth(h.name, 12) + (h.rack ? nameWidth(h.rack, 9) + 26 : 16),
      ...hostLines(h).map((l) => textWidth(l, S.hostFont) + 16),
      opNodes.has(h.id) ? nameWidth(`${h.name} · control-plane`, 10) + 16 : 0,
      76,
    ),
  );
  // The densest column sets how many chip rows the OpenStack band has; sparser columns get narrower.
  const maxRows = Math.max(
    1,
    ...columnChips.map(
      (chips, i) => flowRows(chips, Math.max(S.chipAreaMax, hostMinW[i] ?? 0), S.chipGap).length,
    ),
  );
  const colW = columnChips.map((chips, i) => {
    const widest = Math.max(0, ...chips.map((c) => c.w));
    let w = Math.max(hostMinW[i] ?? 0, Math.min(widest, S.chipAreaMax));
    while (w < S.chipAreaMax && flowRows(chips, w, S.chipGap).length > maxRows) w += 8;
    return Math.ceil(w);
  });
  const colX: number[] = [];
  let x = S.margin;
  const groupOf = (h: HostElement) =>
    `${h.operatorMember}:${h.roles.includes('compute') ? 'c' : h.roles[0]}:${structureOf(h)[0]?.id ?? ''}:${structureOf(h)[1]?.id ?? ''}`;
  ordered.forEach((h, i) => {
    const prev = ordered[i - 1];
    if (prev) x += groupOf(prev) === groupOf(h) ? S.colGap : S.groupGap;
    colX.push(x);
    x += colW[i] ?? 0;
  });
  const hostAreaW = x + S.margin;
  const columnRows = columnChips.map((chips, i) => flowRows(chips, colW[i] ?? 0, S.chipGap));
  const stackH = Math.max(0, ...columnRows.map((rows) => rowsHeight(rows.length, S.chipH, S.chipGap)));

  // Tenant projects, flowed into rows no wider than the host area.
  const groupedProjects = collapsed.has(PROJECTS_GROUP) && projects.length > 1 ? projects.splice(0) : [];
  const plans = projects.map((p) => planProject(p, projectContents.get(p.id) ?? [], collapsed.has(p.id)));
  let projectGroupSummary = '';
  if (groupedProjects.length > 0) {
    let vms = 0;
    let clusters = 0;
    for (const e of scene.elements) {
      if (e.kind === 'vm') vms++;
      if (e.kind === 'tenant-cluster') clusters++;
    }
    const stand: ProjectElement = {
      id: PROJECTS_GROUP,
      kind: 'project',
      name: `${groupedProjects.length} projects`,
      layer: 'tenant-vms',
      owner: 'tenant',
    };
    const plan = planProject(stand, [], true);
    plan.w = Math.max(plan.w, 280);
    plan.h += 14; // room for the "click to unfold" line
    projectGroupSummary = `${vms} VMs${clusters ? ` · ${clusters} tenant Kubernetes clusters` : ''}`;
    plans.push(plan);
  }
  const clusterPlans = new Map<string, ClusterPlan>();
  for (const c of tenantClusters) {
    if (collapsed.has(c.id)) {
      clusterPlans.set(c.id, { cluster: c, nodeH: 0, h: S.clusterHead + S.summaryH + S.clusterPad });
      continue;
    }
    const nodes = tenantNodes.get(c.id) ?? [];
    const maxPods = Math.max(0, ...nodes.map((n) => podsByNode.get(n.id)?.length ?? 0));
    const nodeH = S.nodeHead + rowsHeight(maxPods, S.chipH - 2, S.chipGap) + (maxPods > 0 ? 4 : 0) + 4;
    clusterPlans.set(c.id, { cluster: c, nodeH, h: S.clusterHead + nodeH + S.clusterPad });
  }
  const maxRowW = Math.max(hostAreaW - S.margin * 2, 900);
  const rows: { plans: ProjectPlan[]; w: number }[] = [];
  for (const plan of plans) {
    const row = rows[rows.length - 1];
    if (row && row.w + S.projectGap + plan.w <= maxRowW) {
      row.plans.push(plan);
      row.w += S.projectGap + plan.w;
    } else rows.push({ plans: [plan], w: plan.w });
  }
  const width = Math.max(hostAreaW, ...rows.map((r) => r.w + S.margin * 2));
  const hostShift = Math.round((width - hostAreaW) / 2);

  // Vertical plan, top to bottom: tenant rows (last row on top), OpenStack, operator k8s, hardware.
  const bands: LayoutBand[] = [];
  let y = S.margin;
  const band = (id: string, layer: Layer, label: string, sublabel: string, h: number) => {
    const b: LayoutBand = { id, layer, label, sublabel, x: 0, y, w: width, h };
    bands.push(b);
    y += h;
    return b;
  };

  const rowOrder = rows.map((r, i) => ({ r, i })).reverse();
  for (const { r, i } of rowOrder) {
    const suffix = rows.length > 1 ? `-${i + 1}` : '';
    const rowX = Math.round((width - r.w) / 2);
    const clustersInRow = r.plans.flatMap((p) =>
      [...p.clusterRuns.keys()].filter((c) => clusterPlans.has(c)),
    );
    // Tenant Kubernetes above its VMs.
    if (flags.k8sInTenant && clustersInRow.length > 0) {
      const h = S.bandLabel + Math.max(...clustersInRow.map((c) => clusterPlans.get(c)?.h ?? 0)) + S.bandPad;
      const b = band(
        `tenant-k8s${suffix}`,
        'tenant-k8s',
        "Tenants' Kubernetes",
        'owned by tenants · nodes are their VMs',
        h,
      );
      let px = rowX;
      for (const plan of r.plans) {
        for (const [cid, run] of plan.clusterRuns) {
          const cp = clusterPlans.get(cid);
          if (!cp) continue;
          const cx = px + run.x0 - S.clusterPad;
          const cy = b.y + b.h - S.bandPad - cp.h;
          boxes.push({
            id: cid,
            kind: 'tenant-cluster',
            layer: 'tenant-k8s',
            x: cx,
            y: cy,
            w: run.x1 - run.x0 + S.clusterPad * 2,
            h: cp.h,
          });
          const vmX = new Map(plan.children.filter((c) => c.kind === 'vm').map((c) => [c.id, px + c.x]));
          for (const node of tenantNodes.get(cid) ?? []) {
            const nx = vmX.get(node.machine);
            if (nx === undefined) continue;
            const ny = cy + S.clusterHead;
            boxes.push({
              id: node.id,
              kind: 'k8s-node',
              layer: 'tenant-k8s',
              x: nx,
              y: ny,
              w: S.vmW,
              h: cp.nodeH,
              parent: cid,
            });
            const pods = (podsByNode.get(node.id) ?? []).map((el) => ({ el, w: S.vmW - 8 }));
            placeRows(
              pods.map((p) => [p]),
              nx + 4,
              ny + S.nodeHead,
              S.vmW - 8,
              S.chipH - 2,
              S.chipGap,
              node.id,
              boxes,
            );
          }
        }
        px += plan.w + S.projectGap;
      }
    }
    const h = S.bandLabel + Math.max(...r.plans.map((p) => p.h)) + S.bandPad;
    const b = band(
      `tenant-vms${suffix}`,
      'tenant-vms',
      'Tenant projects & VMs',
      "VMs run on the compute hosts' hypervisor",
      h,
    );
    let px = rowX;
    for (const plan of r.plans) {
      const py = b.y + b.h - S.bandPad - plan.h;
      const isGroup = plan.project.id === PROJECTS_GROUP;
      boxes.push({
        id: plan.project.id,
        kind: isGroup ? 'project-group' : 'project',
        ...(isGroup ? { label: plan.project.name, summary: projectGroupSummary } : {}),
        layer: 'tenant-vms',
        x: px,
        y: py,
        w: plan.w,
        h: plan.h,
      });
      for (const c of plan.children) boxes.push({ ...c, x: c.x + px, y: c.y + py });
      px += plan.w + S.projectGap;
    }
  }

  const deployedBy = scene.deployment.form === 'processes' ? 'processes' : 'containers';
  const stackTop = new Map<string, number>();
  if (!hide.services) {
    const osBand = band(
      'openstack',
      'openstack',
      'OpenStack services',
      flags.controlPlaneOnK8s && opCluster
        ? `pods on the operator's Kubernetes (${opCluster.tool})${
            ordered.some((h) => !h.operatorMember && servicesByHost.has(h.id))
              ? ` · ${deployedBy} on hosts outside it`
              : ''
          }`
        : `${deployedBy} placed by ${scene.deployment.tool} · control plane, compute, network, storage`,
      S.bandLabel + stackH + S.bandPad,
    );
    ordered.forEach((h, i) => {
      const rowsOf = columnRows[i] ?? [];
      const top = osBand.y + osBand.h - S.bandPad - rowsHeight(rowsOf.length, S.chipH, S.chipGap);
      stackTop.set(h.id, top);
      placeRows(rowsOf, (colX[i] ?? 0) + hostShift, top, colW[i] ?? 0, S.chipH, S.chipGap, undefined, boxes);
    });
  }

  if (flags.controlPlaneOnK8s && opCluster) {
    const opFolded = collapsed.has(opCluster.id);
    const opInnerH = opFolded ? S.summaryH : S.nodeH;
    const b = band(
      'operator-k8s',
      'operator-k8s',
      "Operator's Kubernetes",
      'owned by the cloud operator · nodes are the hosts',
      S.bandLabel + S.clusterHead + opInnerH + S.clusterPad + S.bandPad,
    );
    // A folded cluster still spans its member hosts; only its nodes are left out.
    const idx = ordered
      .map((h, i) => ((opFolded ? h.operatorMember : opNodes.has(h.id)) ? i : -1))
      .filter((i) => i >= 0);
    const first = idx[0];
    const last = idx[idx.length - 1];
    if (first !== undefined && last !== undefined) {
      const x0 = (colX[first] ?? 0) + hostShift - S.clusterPad;
      const x1 = (colX[last] ?? 0) + (colW[last] ?? 0) + hostShift + S.clusterPad;
      const cy = b.y + S.bandLabel;
      boxes.push({
        id: opCluster.id,
        kind: 'operator-cluster',
        layer: 'operator-k8s',
        x: x0,
        y: cy,
        w: x1 - x0,
        h: S.clusterHead + opInnerH + S.clusterPad,
      });
      for (const i of idx) {
        const host = ordered[i] as HostElement;
        const node = opNodes.get(host.id);
        if (!servicesByHost.has(host.id)) stackTop.set(host.id, cy + S.clusterHead);
        if (!node) continue;
        boxes.push({
          id: node.id,
          kind: 'k8s-node',
          layer: 'operator-k8s',
          x: (colX[i] ?? 0) + hostShift,
          y: cy + S.clusterHead,
          w: colW[i] ?? 0,
          h: S.nodeH,
          parent: opCluster.id,
        });
      }
    }
  }

  const racks = new Set(hosts.map((h) => h.rack).filter(Boolean));
  const bars = structureBars(ordered, collapsed, names, colX, colW, hostShift);
  const barRows = new Set(bars.map((b) => b.row));
  const barLevels = STRUCTURE_LEVELS.filter((_, i) => barRows.has(i));
  const barsH = barLevels.length * (S.barH + S.barGap);
  const hw = band(
    'hardware',
    'hardware',
    'Hardware',
    `${hosts.length} ${hosts.length === 1 ? 'host' : 'hosts'}${structureWords(scene)}${racks.size ? ` in ${racks.size} ${racks.size === 1 ? 'rack' : 'racks'}` : ''}`,
    S.bandLabel + S.hostH + barsH + S.bandPad,
  );
  // Open regions, zones, cells and racks: a bar under their hosts, finest level nearest the hosts.
  for (const bar of bars) {
    const row = barLevels.length - 1 - barLevels.indexOf(STRUCTURE_LEVELS[bar.row] as StructureLevel);
    boxes.push({
      id: bar.id,
      kind: 'structure',
      layer: 'hardware',
      level: STRUCTURE_LEVELS[bar.row],
      x: bar.x0,
      y: hw.y + S.bandLabel + S.hostH + S.barGap + row * (S.barH + S.barGap),
      w: bar.x1 - bar.x0,
      h: S.barH,
      label: bar.label,
      summary: groupSummary(bar.id),
    });
  }
  ordered.forEach((h, i) => {
    const hx = (colX[i] ?? 0) + hostShift;
    const hy = hw.y + S.bandLabel;
    const members = groupMembers.get(h.id);
    if (members) {
      const at = {
        id: h.id,
        kind: 'host-group',
        layer: 'hardware',
        x: hx,
        y: hy,
        w: colW[i] ?? 0,
        h: S.hostH,
      } as const;
      const vms = tallies.get(h.id)?.vms ?? 0;
      const [summary, detail] = groupLines(h.id);
      boxes.push(
        groupLabel.has(h.id)
          ? { ...at, label: h.name, summary, detail }
          : {
              ...at,
              label: `${members.length} ${h.name}`,
              summary: vms ? `${vms} VMs run on them` : (members[0]?.roles.join(' · ') ?? ''),
            },
      );
    } else
      boxes.push({ id: h.id, kind: 'host', layer: 'hardware', x: hx, y: hy, w: colW[i] ?? 0, h: S.hostH });
    if (!stackTop.has(h.id)) stackTop.set(h.id, hy);
  });

  const byId = new Map<string, LayoutBox>();
  for (const b of boxes) byId.set(b.id, b);

  // VMs to the host they run on: into the top of that host's column.
  for (const r of scene.relations) {
    if (r.kind !== 'runs-on') continue;
    const from = byId.get(r.from);
    const target = columnOf.get(r.to) ?? r.to;
    const to = byId.get(target);
    if (!from || !to || from.kind !== 'vm' || (to.kind !== 'host' && to.kind !== 'host-group')) continue;
    edges.push({
      id: r.id,
      kind: r.kind,
      from: r.from,
      to: target,
      points: [
        { x: from.x + from.w / 2, y: from.y + from.h },
        { x: to.x + to.w / 2, y: stackTop.get(target) ?? to.y },
      ],
    });
  }

  return { scene, width, height: y + S.margin, bands, boxes, byId, edges, collapsed };
}

/** ", 2 regions, 6 zones, 20 cells" for the hardware band's sublabel ("" without structure). */
function structureWords(scene: Scene): string {
  const n = { region: 0, zone: 0, cell: 0 };
  for (const p of scene.places ?? []) n[p.level]++;
  const parts: string[] = [];
  if (n.region > 1) parts.push(`${n.region} regions`);
  if (n.zone > 0) parts.push(`${n.zone} ${n.zone === 1 ? 'zone' : 'zones'}`);
  if (n.cell > 0) parts.push(`${n.cell} ${n.cell === 1 ? 'cell' : 'cells'}`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

interface Bar {
  id: string;
  label: string;
  /** Its level's index in STRUCTURE_LEVELS. */
  row: number;
  x0: number;
  x1: number;
}

/**
 * The bars of the open structure groups: for each level, runs of adjacent columns in the same open group. A
 * folded group is a column of its own (its box says what it is), so it gets no bar of its level, only of the
 * open levels above it.
 */
function structureBars(
  ordered: readonly HostElement[],
  collapsed: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
  colX: readonly number[],
  colW: readonly number[],
  shift: number,
): Bar[] {
  const bars: Bar[] = [];
  // A group split across the operator cluster's edge (a storage host beside its zone's members) gets one bar.
  const used = new Set<string>();
  const open: (Bar | undefined)[] = STRUCTURE_LEVELS.map(() => undefined);
  ordered.forEach((h, i) => {
    // A folded group's stand-in keeps the host's fields: its groups are the ones above the folded one.
    const groups = structureOf(h, names);
    const x0 = (colX[i] ?? 0) + shift;
    const x1 = x0 + (colW[i] ?? 0);
    STRUCTURE_LEVELS.forEach((level, row) => {
      const g = groups.find((x) => x.level === level);
      const current = open[row];
      const show = g !== undefined && !collapsed.has(g.id) && h.id !== g.id && !isFoldedBelow(h.id, g.id);
      if (show && current && current.id === g.id) {
        current.x1 = x1;
        return;
      }
      open[row] = undefined;
      if (show && !used.has(g.id)) {
        used.add(g.id);
        const bar: Bar = { id: g.id, label: g.label, row, x0, x1 };
        bars.push(bar);
        open[row] = bar;
      }
    });
  });
  return bars;
}

/** Whether the column `columnId` is a folded group at or above group `groupId`'s level (then it has no bar there). */
function isFoldedBelow(columnId: string, groupId: string): boolean {
  if (!columnId.startsWith('group:')) return false;
  const level = (id: string) => STRUCTURE_LEVELS.indexOf(id.split(':')[1] as StructureLevel);
  const c = level(columnId);
  return c >= 0 && c <= level(groupId);
}
