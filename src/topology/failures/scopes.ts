import type { Scene, ServiceElement } from '../scene';

/**
 * The parts of a cloud that keep their own control-plane state: Nova cells (cells v2) and regions. The
 * failure engine resolves what a component needs inside its scope first (a cell's conductor uses its
 * cell's database and queue), then the scopes above it (the region, the whole cloud).
 *
 * Facts (docs/scale.md, docs/failures.md): each cell has its own database, message queue and conductor;
 * the API-level services (nova-api, the scheduler, the super conductor, the API database) sit above every
 * cell. A cell whose database or queue is unreachable is a "down cell": the API still answers, lists that
 * cell's instances with status UNKNOWN (microversion 2.69), and nothing in that cell can be created,
 * changed or deleted; the instances keep running. Each region has its own endpoints in the Keystone
 * catalog, so its own API level; one Keystone may serve every region.
 */

/** `''` for the whole cloud, `cell:<id>` for a Nova cell, `region:<id>` for a region. */
export type ScopeKey = string;
export const CLOUD: ScopeKey = '';

/** A cell's own process: its database and queue (majorities), or its conductor (any instance). */
interface CellProcess {
  processId: string;
  name: string;
  /** Its instances (`<process>@<host>`) in this view. */
  members: readonly string[];
  quorum: boolean;
}

/** A cell: its own processes, its hosts, and the instances (VMs and bare-metal instances) it manages. */
interface CellInfo {
  id: string;
  name: string;
  region?: string | undefined;
  processes: readonly CellProcess[];
  hosts: readonly string[];
  /** The instances on its hosts. */
  vms: readonly string[];
}

/** A cell or region, in words and by key. */
export interface ScopeInfo {
  key: ScopeKey;
  level: 'cell' | 'region';
  id: string;
  name: string;
  /** A cell's region. */
  region?: string | undefined;
  /** The instances (VMs, bare-metal instances) on its hosts. */
  vms: readonly string[];
}

export interface Scoping {
  cells: readonly CellInfo[];
  /** The regions, when the model has more than one (with one, a region changes nothing). */
  regions: readonly ScopeInfo[];
  /** A cell's or region's description; undefined for the whole cloud. */
  info: (key: ScopeKey) => ScopeInfo | undefined;
  /** The scope of a component that is not per-host: a cell process's cell, a region's own process's region, else the cloud. */
  ofProcess: (instances: readonly ServiceElement[]) => ScopeKey;
  /** The innermost scope of a host: its cell, else its region (several regions), else the cloud. */
  ofHost: (host: string) => ScopeKey;
  /** A scope and the scopes above it, innermost first, ending with the cloud. */
  chain: (key: ScopeKey) => readonly ScopeKey[];
}

const cache = new WeakMap<Scene, Scoping>();

export const cellKey = (id: string): ScopeKey => `cell:${id}`;
const regionKey = (id: string): ScopeKey => `region:${id}`;

/** The cells and regions of a scene and how its components and hosts sit in them (cached per scene). */
export function scopingOf(scene: Scene): Scoping {
  const hit = cache.get(scene);
  if (hit) return hit;
  const hostRegion = new Map<string, string>();
  const hostCell = new Map<string, string>();
  const regionIds: string[] = [];
  for (const el of scene.elements)
    if (el.kind === 'host') {
      if (el.region !== undefined) {
        hostRegion.set(el.id, el.region);
        if (!regionIds.includes(el.region)) regionIds.push(el.region);
      }
      if (el.cell !== undefined) hostCell.set(el.id, el.cell);
    }
  const multiRegion = regionIds.length > 1;
  const cells = cellsOf(scene);
  const placeName = (level: 'region' | 'cell', id: string) =>
    scene.places?.find((p) => p.level === level && p.id === id)?.name ?? id;
  const regionVms = new Map<string, string[]>(regionIds.map((r) => [r, []]));
  if (multiRegion)
    for (const el of scene.elements)
      if (el.kind === 'vm') {
        const r = hostRegion.get(el.host);
        if (r !== undefined) regionVms.get(r)?.push(el.id);
      }
  const infos = new Map<ScopeKey, ScopeInfo>();
  const regions: ScopeInfo[] = multiRegion
    ? regionIds.map((id) => ({
        key: regionKey(id),
        level: 'region',
        id,
        name: placeName('region', id),
        vms: regionVms.get(id) ?? [],
      }))
    : [];
  for (const r of regions) infos.set(r.key, r);
  for (const c of cells)
    infos.set(cellKey(c.id), {
      key: cellKey(c.id),
      level: 'cell',
      id: c.id,
      name: c.name,
      region: c.region,
      vms: c.vms,
    });
  // A process counts as one region's when every instance runs in that region and another region runs its own
  // copy (a process of the same name): one Keystone in the first region still serves every region.
  const regionsByName = new Map<string, Set<string>>();
  if (multiRegion)
    for (const el of scene.elements)
      if (el.kind === 'service') {
        const r = hostRegion.get(el.host);
        if (r === undefined) continue;
        const set = regionsByName.get(el.name) ?? new Set<string>();
        set.add(r);
        regionsByName.set(el.name, set);
      }
  const chains = new Map<ScopeKey, ScopeKey[]>();
  // Each host's innermost scope, computed once (the engine asks for every instance, every round).
  const hostScope = new Map<string, ScopeKey>();
  for (const [host, cell] of hostCell) hostScope.set(host, cellKey(cell));
  if (multiRegion)
    for (const [host, region] of hostRegion) if (!hostScope.has(host)) hostScope.set(host, regionKey(region));
  const scoping: Scoping = {
    cells,
    regions,
    info: (key) => infos.get(key),
    ofProcess: (instances) => {
      const first = instances[0];
      if (!first) return CLOUD;
      if (first.cell !== undefined) return cellKey(first.cell);
      if (!multiRegion) return CLOUD;
      const region = hostRegion.get(first.host);
      if (region === undefined || !instances.every((s) => hostRegion.get(s.host) === region)) return CLOUD;
      return (regionsByName.get(first.name)?.size ?? 0) > 1 ? regionKey(region) : CLOUD;
    },
    ofHost: (host) => hostScope.get(host) ?? CLOUD,
    chain: (key) => {
      let c = chains.get(key);
      if (c) return c;
      const info = infos.get(key);
      const region =
        info?.level === 'cell' && info.region !== undefined && multiRegion
          ? regionKey(info.region)
          : undefined;
      c = key === CLOUD ? [CLOUD] : region !== undefined ? [key, region, CLOUD] : [key, CLOUD];
      chains.set(key, c);
      return c;
    },
  };
  cache.set(scene, scoping);
  return scoping;
}

/** The cells of a scene (from the model's cells and its per-cell processes and hosts), in model order. */
function cellsOf(scene: Scene): CellInfo[] {
  const byId = new Map<
    string,
    {
      info: CellInfo;
      procs: Map<string, CellProcess & { members: string[] }>;
      hosts: string[];
      vms: string[];
    }
  >();
  const cell = (id: string) => {
    let c = byId.get(id);
    if (!c) {
      const place = scene.places?.find((p) => p.level === 'cell' && p.id === id);
      const hosts: string[] = [];
      const vms: string[] = [];
      c = {
        info: { id, name: place?.name ?? id, region: place?.region, processes: [], hosts, vms },
        procs: new Map(),
        hosts,
        vms,
      };
      byId.set(id, c);
    }
    return c;
  };
  for (const p of scene.places ?? []) if (p.level === 'cell') cell(p.id);
  for (const el of scene.elements) {
    if (el.kind === 'host' && el.cell !== undefined) cell(el.cell).hosts.push(el.id);
    else if (el.kind === 'vm' && el.cell !== undefined) cell(el.cell).vms.push(el.id);
    else if (el.kind === 'service' && el.cell !== undefined) {
      const procs = cell(el.cell).procs;
      const p = procs.get(el.processId);
      if (p) p.members.push(el.id);
      else
        procs.set(el.processId, {
          processId: el.processId,
          name: el.name,
          members: [el.id],
          quorum: el.quorum,
        });
    }
  }
  return [...byId.values()].map((c) => ({ ...c.info, processes: [...c.procs.values()] }));
}
