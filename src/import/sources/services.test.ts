import { describe, expect, it } from 'vitest';
import { newState } from '../state';
import { readComputeServices, readNetworkAgents } from './services';

describe('readComputeServices', () => {
  it("places Nova's services on their hosts and leaves out what is not Nova's", () => {
    const s = newState([], {});
    readComputeServices(
      s,
      [
        { binary: 'nova-scheduler', host: 'ctl1' },
        { binary: 'nova-compute', host: 'cmp1' },
        { binary: 'cinder-volume', host: 'ctl1' },
      ],
      new Map(),
    );
    expect(s.procs.get('nova-compute')?.hosts).toEqual(new Set(['cmp1']));
    expect(s.hosts.get('cmp1')?.roles.has('compute')).toBe(true);
    expect(s.matched).toEqual(['2 compute services placed on their hosts.']);
    expect(s.unmatched).toEqual(["Compute services that are not Nova's were left out: cinder-volume."]);
  });

  it("places a service that reports a pod's name as its host on that pod's node", () => {
    const s = newState([], {});
    readComputeServices(
      s,
      [{ binary: 'nova-scheduler', host: 'nova-scheduler-7f9c' }],
      new Map([['nova-scheduler-7f9c', 'node1']]),
    );
    expect([...s.hosts.keys()]).toEqual(['node1']);
    expect(s.matched[1]).toBe(
      "1 compute service report a pod's name as their host (nova-scheduler-7f9c): placed on the pods' nodes.",
    );
  });
});

describe('readNetworkAgents', () => {
  it('makes an L3 agent host a network host, and leaves out agents of unknown types', () => {
    const s = newState([], {});
    readNetworkAgents(
      s,
      [
        { type: 'L3 agent', binary: 'neutron-l3-agent', host: 'net1' },
        { type: 'Made-up agent', host: 'net1' },
      ],
      new Map(),
    );
    expect(s.hosts.get('net1')?.roles.has('network')).toBe(true);
    expect(s.procs.has('neutron-l3-agent')).toBe(true);
    expect(s.matched).toEqual(['1 network agent placed on their hosts.']);
    expect(s.unmatched).toEqual(['Network agents of unknown types were left out: Made-up agent.']);
  });
});
