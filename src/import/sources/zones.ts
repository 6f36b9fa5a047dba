import { listNames, naturalCompare, plural } from '../fields';
import type { AggregateEntry, ComputeService, ZoneEntry } from '../parse';
import { hostKey, type ImportState } from '../state';

/**
 * Sources: `openstack availability zone list --long` and `openstack aggregate list --long` (with the compute
 * services' Zone column). A compute host's zone is the Zone column of its nova-compute service, else the zone
 * the availability zone list puts it in, else the zone of an aggregate it is in. Nova's `internal` zone (where
 * its control services report) is not a zone users can choose: left out.
 */
export function readZones(
  s: ImportState,
  services: readonly ComputeService[],
  zoneRows: readonly ZoneEntry[],
  aggregates: AggregateEntry[],
): void {
  const conflicts: string[] = [];
  const place = (hostName: string, zone: string | undefined, source: string) => {
    if (!zone || zone.toLowerCase() === 'internal') return;
    const h = s.hosts.get(hostKey(hostName));
    // A controller running nova-compute for Ironic is not a host of the zone: the nodes it drives are.
    if (!h || h.roles.has('controller') || !(h.roles.has('compute') || h.roles.has('baremetal'))) return;
    if (!h.zone) h.zone = { name: zone, source };
    else if (h.zone.name !== zone)
      conflicts.push(`${h.name}: ${h.zone.name} (${h.zone.source}), not ${zone} (${source})`);
  };
  for (const r of services) if (/nova-compute/.test(r.binary)) place(r.host, r.zone, 'compute services');
  for (const r of zoneRows)
    if (r.host && (r.service ?? 'nova-compute') === 'nova-compute') place(r.host, r.zone, 'zone list');
  for (const a of aggregates) for (const h of a.hosts ?? []) place(h, a.zone, `aggregate ${a.name}`);
  s.aggregateRows = aggregates;
  reportZones(s, zoneRows, conflicts);
}

function reportZones(s: ImportState, zoneRows: readonly ZoneEntry[], conflicts: string[]): void {
  const zoned = [...s.hosts.values()].filter((h) => h.zone);
  if (zoned.length) {
    const names = new Set(zoned.map((h) => h.zone?.name ?? ''));
    s.matched.push(
      `${plural(names.size, 'availability zone')} (${listNames([...names].sort(naturalCompare), 6)}) over ${plural(zoned.length, 'host')}.`,
    );
  }
  const hostless = [
    ...new Set(zoneRows.filter((r) => !r.host && r.zone !== 'internal').map((r) => r.zone)),
  ].filter((z) => !zoned.some((h) => h.zone?.name === z));
  if (hostless.length)
    s.matched.push(
      `Zones with no compute host in the input (volume or network zones, or empty): ${listNames(hostless.sort(naturalCompare))}; not drawn.`,
    );
  if (conflicts.length) s.unmatched.push(`Hosts given two zones kept the first: ${listNames(conflicts, 4)}.`);
  const aggregates = s.aggregateRows;
  if (aggregates.length) {
    const listed = aggregates.filter((a) => a.hosts !== undefined).length;
    s.matched.push(
      `${plural(aggregates.length, 'host aggregate')}${listed < aggregates.length ? ` (${aggregates.length - listed} without a Hosts column: an older client lists no hosts; their hosts are left empty)` : ''}.`,
    );
  }
}
