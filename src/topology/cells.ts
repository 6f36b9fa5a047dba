import type { Scene, ServiceElement } from './scene';

/**
 * Nova cells v2, for Explain and What if: which majorities belong to which cell, and which instances a cell
 * manages. A narrow module on purpose: the failure engine asks it two things (a cell's majority groups, and
 * which cells a set of down elements takes out of management) and adds what it says to its own story.
 *
 * Facts (docs/scale.md): each cell has its own database and message queue, and its conductor; the API-level
 * services (nova-api, the scheduler, the super conductor, the API database) sit above every cell. A cell
 * whose database or queue is unreachable is a "down cell": the API still answers, lists that cell's
 * instances with status UNKNOWN (microversion 2.69), and nothing in that cell can be created, changed or
 * deleted; the instances themselves keep running on their hypervisors. Other cells are not affected.
 */

/** A cell's processes that need a majority (its database and queue) or at least one instance (its conductor). */
export interface CellProcess {
  processId: string;
  name: string;
  /** Its instances (`<process>@<host>`) in this view. */
  members: readonly string[];
  /** Needs a majority (Galera, RabbitMQ quorum queues); otherwise one instance up is enough. */
  quorum: boolean;
}

/** A cell: its own processes, its hosts, and the instances (VMs and bare-metal instances) it manages. */
export interface CellInfo {
  id: string;
  name: string;
  region?: string | undefined;
  processes: readonly CellProcess[];
  hosts: readonly string[];
  /** The instances on its hosts. */
  vms: readonly string[];
}

const cellCache = new WeakMap<Scene, CellInfo[]>();

/** The cells of a scene (from the model's cells and its per-cell processes and hosts), in model order. */
export function cellsOf(scene: Scene): readonly CellInfo[] {
  const hit = cellCache.get(scene);
  if (hit) return hit;
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
      const procs = new Map<string, CellProcess & { members: string[] }>();
      const hosts: string[] = [];
      const vms: string[] = [];
      c = {
        info: { id, name: place?.name ?? id, region: place?.region, processes: [], hosts, vms },
        procs,
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
  const out = [...byId.values()].map((c) => ({ ...c.info, processes: [...c.procs.values()] }));
  cellCache.set(scene, out);
  return out;
}

/** Whether a service instance is a per-cell process (its cell's database, queue or conductor). */
export const isCellProcess = (s: ServiceElement): boolean => s.cell !== undefined;

/** A cell that a failure takes out of management, and why. */
export interface CellOutage {
  cell: CellInfo;
  /** The cell's processes that lost their majority, or every instance. */
  lost: readonly { process: CellProcess; up: number; needed: number }[];
  /** Its instances that keep running but cannot be managed (not down themselves). */
  unmanageable: readonly string[];
}

const majorityOf = (n: number) => Math.floor(n / 2) + 1;

/**
 * The cells whose own database, message queue or conductor is lost when `down` is down: a quorum process
 * below its majority, or a process with every instance down. Their running instances become unmanageable;
 * instances of other cells do not.
 */
export function cellOutages(scene: Scene, down: ReadonlySet<string>): CellOutage[] {
  const out: CellOutage[] = [];
  for (const cell of cellsOf(scene)) {
    const lost: { process: CellProcess; up: number; needed: number }[] = [];
    for (const p of cell.processes) {
      const up = p.members.reduce((n, m) => n + (down.has(m) ? 0 : 1), 0);
      const needed = p.quorum ? majorityOf(p.members.length) : 1;
      if (up < needed) lost.push({ process: p, up, needed });
    }
    if (lost.length === 0) continue;
    out.push({ cell, lost, unmanageable: cell.vms.filter((v) => !down.has(v)) });
  }
  return out;
}

/** One sentence per cell out of management, for the what-if's story. */
export function cellOutageSentences(outages: readonly CellOutage[], totalCells: number): string[] {
  return outages.map(({ cell, lost, unmanageable }) => {
    const what = lost
      .map(({ process, up, needed }) =>
        process.quorum
          ? `${process.name} lost its majority (${up} of ${process.members.length} up, ${needed} needed)`
          : `every ${process.name} is down`,
      )
      .join(' and ');
    const others = totalCells - 1;
    return `Cell ${cell.name}: ${what}. Its ${unmanageable.length} running ${unmanageable.length === 1 ? 'instance keeps' : 'instances keep'} running but cannot be created, changed or deleted (the API lists them as UNKNOWN)${others > 0 ? `; the other ${others} ${others === 1 ? 'cell is' : 'cells are'} not affected` : ''}.`;
  });
}

/** "cell3: mariadb 3 members, a majority is 2" lines for Explain › Numbers: every cell's majorities. */
export function cellMajorities(
  scene: Scene,
): { cell: string; process: string; size: number; majority: number }[] {
  return cellsOf(scene).flatMap((c) =>
    c.processes
      .filter((p) => p.quorum)
      .map((p) => ({
        cell: c.name,
        process: p.name,
        size: p.members.length,
        majority: majorityOf(p.members.length),
      })),
  );
}

/** A cell's database: its quorum process named like one (mariadb, mysql, galera, db), else its first quorum process. */
export function cellDatabase(cell: CellInfo): CellProcess | undefined {
  const quorum = cell.processes.filter((p) => p.quorum);
  return quorum.find((p) => /maria|mysql|galera|db|database|percona/i.test(p.name)) ?? quorum[0];
}

// ---------------------------------------------------------------------------------------------------------
// Regions: each has its own API-level services (nova-api, its API database...); Keystone may serve them all.

/** The region of each host (when the model has more than one region). */
function hostRegions(scene: Scene): Map<string, string> | undefined {
  const regions = new Set<string>();
  const out = new Map<string, string>();
  for (const el of scene.elements)
    if (el.kind === 'host' && el.region !== undefined) {
      regions.add(el.region);
      out.set(el.id, el.region);
    }
  return regions.size > 1 ? out : undefined;
}

/**
 * The region a process serves alone, when every instance of it runs in one region of a cloud with several
 * (region one's nova-api, its API database); undefined for a process shared by regions (one Keystone) or in a
 * cloud of one region.
 */
export function regionOfProcess(scene: Scene, instances: readonly ServiceElement[]): string | undefined {
  const regions = hostRegions(scene);
  if (!regions) return undefined;
  const first = regions.get(instances[0]?.host ?? '');
  if (first === undefined || !instances.every((s) => regions.get(s.host) === first)) return undefined;
  // Regional only when another region runs its own copy (a process of the same name): one Keystone in
  // one region still serves every region.
  const name = instances[0]?.name;
  const elsewhere = scene.elements.some(
    (e) => e.kind === 'service' && e.name === name && regions.get(e.host) !== first && regions.has(e.host),
  );
  return elsewhere ? first : undefined;
}

/** A region whose own API level is lost: its instances keep running, unmanaged; other regions are not affected. */
export interface RegionOutage {
  region: string;
  /** The region's processes lost: names and why. */
  lost: readonly string[];
  unmanageable: readonly string[];
}

/** The running instances of each region whose own API-level majority or every API instance is lost. */
export function regionOutages(
  scene: Scene,
  lost: readonly { region: string; what: string }[],
  down: ReadonlySet<string>,
): RegionOutage[] {
  const regions = hostRegions(scene);
  if (!regions || lost.length === 0) return [];
  const byRegion = new Map<string, string[]>();
  for (const l of lost) byRegion.set(l.region, [...(byRegion.get(l.region) ?? []), l.what]);
  return [...byRegion].map(([region, what]) => ({
    region,
    lost: what,
    unmanageable: scene.elements
      .filter((e) => e.kind === 'vm' && !down.has(e.id) && regions.get(e.host) === region)
      .map((e) => e.id),
  }));
}

/** One sentence per region whose own API level is lost. */
export function regionOutageSentences(outages: readonly RegionOutage[]): string[] {
  return outages.map(
    (o) =>
      `Region ${o.region}: ${o.lost.join(' and ')}. Its ${o.unmanageable.length} running ${o.unmanageable.length === 1 ? 'instance keeps' : 'instances keep'} running, but nothing in ${o.region} can be created or changed; the other regions keep their own API level.`,
  );
}
