import type { HostElement } from '../topology/scene';
import { isStructured, structureOf } from './structure';

/** The id of the folded group of all projects. */
export const PROJECTS_GROUP = 'group:projects';

/** What a folded group of hosts of one role is called. */
export const ROLE_WORDS: Record<string, string> = {
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

/** The text lines a host box shows under its name (shared with the renderers): its roles, its capacity. */
export function hostSubtitle(h: HostElement): string[] {
  const cap = h.capacity;
  const capacity = [
    cap?.cores !== undefined ? `${cap.cores} cores` : '',
    cap?.ramGiB !== undefined ? `${cap.ramGiB} GiB` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return [h.roles.join(' · '), capacity];
}
