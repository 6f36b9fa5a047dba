import { describe, expect, it } from 'vitest';
import { newState } from '../state';
import { readHypervisors } from './hypervisors';

describe('readHypervisors', () => {
  it('makes each hypervisor a compute host with its cores and memory (MiB as GiB)', () => {
    const s = newState([], {});
    readHypervisors(s, [{ name: 'cmp1.cloud.example', type: 'QEMU', vcpus: 64, memoryMb: 262144 }]);
    const h = s.hosts.get('cmp1');
    expect(h && [...h.roles]).toEqual(['compute']);
    expect([h?.cores, h?.ramGiB]).toEqual([64, 256]);
    expect(s.matched).toEqual(['1 hypervisor: compute hosts.']);
  });

  it('leaves out Ironic hypervisors: they are bare-metal nodes, not hosts VMs run on', () => {
    const s = newState([], {});
    readHypervisors(s, [{ name: 'node-uuid-1', type: 'ironic' }]);
    expect(s.hosts.size).toBe(0);
    expect(s.matched).toEqual([
      '1 Ironic hypervisor (bare-metal nodes, not compute hosts) left out: node-uuid-1.',
    ]);
  });

  it('ignores capacities no machine has', () => {
    const s = newState([], {});
    readHypervisors(s, [{ name: 'cmp1', vcpus: 0, memoryMb: -1 }]);
    expect([s.hosts.get('cmp1')?.cores, s.hosts.get('cmp1')?.ramGiB]).toEqual([undefined, undefined]);
  });
});
