import type { Model } from '../../model/schema';
import { naturalCompare } from '../fields';
import { IdAllocator } from '../ids';
import { cap, hostKey, type ImportState } from '../state';
import { type Assembly, hostId } from './assembly';

/** The model's availability zones and host aggregates. */

/** Zone ids by zone name. Zone ids have their own namespace (a zone and a host may share a name). */
export function zoneIdsOf(s: ImportState): Map<string, string> {
  const zoneAlloc = new IdAllocator();
  const zoneIds = new Map<string, string>();
  for (const h of [...s.hosts.values()].sort((a, b) =>
    naturalCompare(a.zone?.name ?? '', b.zone?.name ?? ''),
  ))
    if (h.zone && !zoneIds.has(h.zone.name)) zoneIds.set(h.zone.name, zoneAlloc.take(h.zone.name, 'zone'));
  // Aggregates may expose zones with no compute host in the input: still zones of the model.
  for (const a of s.aggregateRows)
    if (a.zone && a.zone.toLowerCase() !== 'internal' && !zoneIds.has(a.zone))
      zoneIds.set(a.zone, zoneAlloc.take(a.zone, 'zone'));
  return zoneIds;
}

export const availabilityZonesOf = (
  zoneIds: ReadonlyMap<string, string>,
): NonNullable<Model['availabilityZones']> =>
  [...zoneIds].map(([name, id]) => (id === name ? { id } : { id, name: cap(name, 1000) }));

/** The aggregates with their hosts' ids (once the hosts have theirs). */
export function aggregatesOf(
  a: Assembly,
  zoneIds: ReadonlyMap<string, string>,
): NonNullable<Model['aggregates']> {
  const aggregateIds = new IdAllocator();
  return a.s.aggregateRows.map((g) => {
    const id = aggregateIds.take(g.name, 'aggregate');
    const members = [
      ...new Set((g.hosts ?? []).map((h) => hostId(a, hostKey(h))).filter((h) => h !== undefined)),
    ];
    const zone = g.zone && g.zone.toLowerCase() !== 'internal' ? zoneIds.get(g.zone) : undefined;
    return {
      id,
      ...(id !== g.name ? { name: cap(g.name, 1000) } : {}),
      ...(zone ? { zone } : {}),
      hosts: members,
    };
  });
}
