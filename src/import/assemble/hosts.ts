import { HOST_ROLES, type Host } from '../../model/schema';
import { naturalCompare } from '../fields';
import { cap, type HostRec } from '../state';
import type { Assembly } from './assembly';

/** The model's hosts, ordered by their first role then name; each host record gets its id. */
export function assembleHosts(
  a: Assembly,
  zoneIds: ReadonlyMap<string, string>,
): { hosts: Host[]; hostRecs: HostRec[] } {
  const roleRank = (h: HostRec) => Math.min(...[...h.roles].map((r) => HOST_ROLES.indexOf(r)));
  const hostRecs = [...a.s.hosts.values()].sort(
    (x, y) => roleRank(x) - roleRank(y) || naturalCompare(x.name, y.name),
  );
  const hosts: Host[] = hostRecs.map((h) => {
    h.id = a.ids.take(h.name, 'host');
    const host: Host = { id: h.id, roles: HOST_ROLES.filter((r) => h.roles.has(r)) };
    if (h.id !== h.name) host.name = cap(h.name, 1000);
    const capacity: NonNullable<Host['capacity']> = {};
    if (h.cores !== undefined && h.cores >= 1 && h.cores <= 100_000) capacity.cores = h.cores;
    if (h.ramGiB !== undefined && h.ramGiB > 0 && h.ramGiB <= 1_000_000) capacity.ramGiB = h.ramGiB;
    if (capacity.cores !== undefined || capacity.ramGiB !== undefined) host.capacity = capacity;
    if (h.zone) host.zone = zoneIds.get(h.zone.name) ?? h.zone.name;
    if (h.ironic) host.ironic = h.ironic;
    host.description = cap(`Imported from ${[...h.sources].join(', ')}.`, 2000);
    return host;
  });
  return { hosts, hostRecs };
}
