import { describe, expect, it } from 'vitest';
import { hostNamed, newState } from '../state';
import { readZones } from './zones';

function cloud() {
  const s = newState([], {});
  for (const name of ['cmp1', 'cmp2', 'cmp3']) hostNamed(s, name, 'hypervisor list').roles.add('compute');
  hostNamed(s, 'ctl1', 'host list').roles.add('controller');
  return s;
}

describe('readZones', () => {
  it("takes a compute host's zone from its nova-compute service, then the zone list, then an aggregate", () => {
    const s = cloud();
    readZones(
      s,
      [
        { binary: 'nova-compute', host: 'cmp1', zone: 'az1' },
        { binary: 'nova-scheduler', host: 'ctl1', zone: 'internal' },
      ],
      [{ zone: 'az2', host: 'cmp2', service: 'nova-compute' }, { zone: 'nova-volumes' }],
      [{ name: 'gpu', zone: 'az2', hosts: ['cmp3', 'ctl1'] }],
    );
    expect(['cmp1', 'cmp2', 'cmp3', 'ctl1'].map((h) => s.hosts.get(h)?.zone?.name)).toEqual([
      'az1',
      'az2',
      'az2',
      undefined,
    ]);
    expect(s.aggregateRows.map((a) => a.name)).toEqual(['gpu']);
    expect(s.matched).toEqual([
      '2 availability zones (az1 and az2) over 3 hosts.',
      'Zones with no compute host in the input (volume or network zones, or empty): nova-volumes; not drawn.',
      '1 host aggregate.',
    ]);
  });

  it('keeps the first zone a host is given, and says so', () => {
    const s = cloud();
    readZones(
      s,
      [{ binary: 'nova-compute', host: 'cmp1', zone: 'az1' }],
      [{ zone: 'az2', host: 'cmp1' }],
      [],
    );
    expect(s.hosts.get('cmp1')?.zone?.name).toBe('az1');
    // (listNames shortens each entry to 60 characters, so the second source may be cut.)
    expect(s.unmatched).toHaveLength(1);
    expect(s.unmatched[0]).toMatch(
      /^Hosts given two zones kept the first: cmp1: az1 \(compute services\), not az2/,
    );
  });
});
