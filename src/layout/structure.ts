import type { HostElement, Scene } from '../topology/scene';

/**
 * The cloud's own structure, as the layout folds and labels it: region › availability zone › cell › rack.
 * A level is used only where the model has it; racks count as a level only for hosts in a zone or cell (a
 * model with racks alone keeps its hosts grouped by kind, as before, and so do a region's own hosts).
 */
export const STRUCTURE_LEVELS = ['region', 'zone', 'cell', 'rack'] as const;
export type StructureLevel = (typeof STRUCTURE_LEVELS)[number];

/** One group of hosts in the structure: its id (`group:<level>:…`), level and the words to show. */
export interface StructureGroup {
  id: string;
  level: StructureLevel;
  /** The model's id of the region, zone or cell; the rack's text. */
  key: string;
  /** E.g. "Zone az1". */
  label: string;
}

const LEVEL_WORD: Record<StructureLevel, string> = {
  region: 'Region',
  zone: 'Zone',
  cell: 'Cell',
  rack: 'Rack',
};

/** Whether a host is placed in the structure (a region, zone or cell). */
export const isStructured = (h: HostElement): boolean =>
  h.region !== undefined || h.zone !== undefined || h.cell !== undefined;

/**
 * The id of a structure group. Regions and zones are unique in a model; a cell may span zones, so under a zone
 * it is scoped by it (`group:cell:cell1@az1`); racks by the innermost group above them (rack names repeat).
 */
function structureGroupId(level: StructureLevel, key: string, scope = ''): string {
  if (level === 'rack') return `group:rack:${scope}/${key}`;
  if (level === 'cell' && scope !== '') return `group:cell:${key}@${scope}`;
  return `group:${level}:${key}`;
}

const cache = new WeakMap<HostElement, readonly StructureGroup[]>();

/** A host's groups, outermost first (empty for a host outside any region, zone or cell). */
export function structureOf(h: HostElement, names?: ReadonlyMap<string, string>): readonly StructureGroup[] {
  const hit = names === undefined ? cache.get(h) : undefined;
  if (hit) return hit;
  const out: StructureGroup[] = [];
  if (isStructured(h)) {
    const add = (level: StructureLevel, key: string | undefined) => {
      if (key === undefined) return;
      const scope = level === 'cell' ? (h.zone ?? '') : (out[out.length - 1]?.id ?? '');
      const id = structureGroupId(level, key, scope);
      const name = names?.get(`${level}:${key}`) ?? key;
      out.push({ id, level, key, label: `${LEVEL_WORD[level]} ${name}` });
    };
    add('region', h.region);
    add('zone', h.zone);
    add('cell', h.cell);
    // Racks inside zones and cells; a region's own hosts (controllers, storage) fold by kind instead.
    if (h.zone !== undefined || h.cell !== undefined) add('rack', h.rack);
  }
  if (names === undefined) cache.set(h, out);
  return out;
}

/** Display names of a scene's regions, zones and cells, by `<level>:<id>` (from the model; ids when unnamed). */
export function structureNames(scene: Scene): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const p of scene.places ?? []) out.set(`${p.level}:${p.id}`, p.name);
  return out;
}

/** The outermost folded group of a host, if any. */
export function foldedGroupOf(h: HostElement, collapsed: ReadonlySet<string>): StructureGroup | undefined {
  for (const g of structureOf(h)) if (collapsed.has(g.id)) return g;
  return undefined;
}

/** What a group of hosts holds: the numbers a folded group shows. */
export interface GroupTally {
  hosts: number;
  vms: number;
  /** Bare-metal instances among the VMs. */
  baremetal: number;
  /** vCPUs of its VMs (known flavors only) and physical cores of its hosts (known capacity only). */
  vcpus: number;
  cores: number;
}

/** "1,040 hosts · 7,280 VMs · 1.4 vCPU per core": what a folded group of hosts says. */
export function tallyWords(t: GroupTally): string {
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const parts = [`${n(t.hosts)} ${t.hosts === 1 ? 'host' : 'hosts'}`];
  const vms = t.vms - t.baremetal;
  if (vms > 0) parts.push(`${n(vms)} ${vms === 1 ? 'VM' : 'VMs'}`);
  if (t.baremetal > 0) parts.push(`${n(t.baremetal)} bare metal`);
  if (t.vcpus > 0 && t.cores > 0) parts.push(`${(t.vcpus / t.cores).toFixed(1)} vCPU/core`);
  return parts.join(' · ');
}

/** The same in two lines for a folded box: "1,040 hosts · 7,280 VMs" and "12 bare metal · 1.4 vCPU/core". */
export function tallyLines(t: GroupTally): [string, string] {
  const words = tallyWords(t).split(' · ');
  const vms = t.vms - t.baremetal > 0 ? 2 : 1;
  return [words.slice(0, vms).join(' · '), words.slice(vms).join(' · ')];
}

/**
 * The tally of every structure group of a scene (and of any other group key `groupOf` gives a host), in one
 * pass over the elements.
 */
export function tallyGroups(
  scene: Scene,
  groupsOf: (h: HostElement) => readonly string[],
): Map<string, GroupTally> {
  const out = new Map<string, GroupTally>();
  const of = (id: string) => {
    let t = out.get(id);
    if (!t) {
      t = { hosts: 0, vms: 0, baremetal: 0, vcpus: 0, cores: 0 };
      out.set(id, t);
    }
    return t;
  };
  const hostGroups = new Map<string, readonly string[]>();
  for (const el of scene.elements) {
    if (el.kind === 'host') {
      const groups = groupsOf(el);
      hostGroups.set(el.id, groups);
      for (const g of groups) {
        const t = of(g);
        t.hosts++;
        t.cores += el.baremetal ? 0 : (el.capacity?.cores ?? 0);
      }
    } else if (el.kind === 'vm') {
      for (const g of hostGroups.get(el.host) ?? []) {
        const t = of(g);
        t.vms++;
        if (el.baremetal) t.baremetal++;
        else t.vcpus += el.vcpus ?? 0;
      }
    }
  }
  return out;
}

/**
 * What a what-if does inside each group of hosts (`groupsOf`: a host's group ids): "2 hosts down · 140 VMs
 * down · 900 VMs unmanageable"; groups untouched are absent.
 */
export function failureWords(
  scene: Scene,
  groupsOf: (h: HostElement) => readonly string[],
  down: ReadonlySet<string>,
  unmanageable: ReadonlySet<string>,
): Map<string, string> {
  const counts = new Map<string, [number, number, number]>();
  const bump = (h: HostElement | undefined, i: 0 | 1 | 2) => {
    if (!h) return;
    for (const g of groupsOf(h)) {
      let c = counts.get(g);
      if (!c) {
        c = [0, 0, 0];
        counts.set(g, c);
      }
      c[i]++;
    }
  };
  for (const el of scene.elements) {
    if (el.kind === 'host' && down.has(el.id)) bump(el, 0);
    else if (el.kind === 'vm' && (down.has(el.id) || unmanageable.has(el.id))) {
      const h = scene.byId.get(el.host);
      bump(h?.kind === 'host' ? h : undefined, down.has(el.id) ? 1 : 2);
    }
  }
  const out = new Map<string, string>();
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  for (const [g, [hosts, vmsDown, vmsUnmanaged]] of counts)
    out.set(
      g,
      [
        hosts > 0 ? `${n(hosts)} ${hosts === 1 ? 'host' : 'hosts'} down` : '',
        vmsDown > 0 ? `${n(vmsDown)} ${vmsDown === 1 ? 'VM' : 'VMs'} down` : '',
        vmsUnmanaged > 0 ? `${n(vmsUnmanaged)} ${vmsUnmanaged === 1 ? 'VM' : 'VMs'} unmanageable` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    );
  return out;
}

/** How many folded boxes a structured cloud may start with across the screen before a level stays folded. */
export const START_BOXES = 16;

/**
 * The structure groups a big structured scene starts with folded: every group at every level, minus the
 * levels opened from the top while the boxes they show stay at most START_BOXES (2 regions of 3 zones each
 * start as 6 zones; 20 cells would be too many). Unfolding a group then shows its next level folded.
 */
export function defaultStructureFolds(hosts: readonly HostElement[]): Set<string> {
  const all = new Set<string>();
  const atDepth: Set<string>[] = [];
  for (const h of hosts) {
    structureOf(h).forEach((g, depth) => {
      all.add(g.id);
      let set = atDepth[depth];
      if (!set) {
        set = new Set();
        atDepth[depth] = set;
      }
      set.add(g.id);
    });
  }
  // Open depth d when the groups at depth d + 1 (what opening d shows) are few enough.
  for (let d = 0; d < atDepth.length - 1; d++) {
    const next = atDepth[d + 1];
    if (!next || next.size > START_BOXES) break;
    for (const id of atDepth[d] ?? []) all.delete(id);
  }
  return all;
}
