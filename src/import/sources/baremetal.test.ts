import { describe, expect, it } from 'vitest';
import { hostNamed, newState } from '../state';
import { readBaremetalNodes } from './baremetal';

describe('readBaremetalNodes', () => {
  it('makes each Ironic node a bare-metal host, remembering the instance deployed on it', () => {
    const s = newState([], {});
    readBaremetalNodes(s, [
      { name: 'bm-1', uuid: 'U1', instanceUuid: 'ABC', provisionState: 'active', powerState: 'power on' },
      { name: 'bm-2', uuid: 'U2', provisionState: 'available', maintenance: false },
    ]);
    const bm1 = s.hosts.get('bm-1');
    expect(bm1 && [...bm1.roles]).toEqual(['baremetal']);
    expect(bm1?.ironic).toEqual({ node: 'U1', provisionState: 'active', powerState: 'power on' });
    expect(s.nodeOfInstance.get('abc')).toBe(bm1);
    expect(s.matched).toEqual(['2 Ironic nodes: bare-metal hosts, 1 with an instance deployed on it.']);
  });

  it('leaves out a node named like a host already found (a node is not also a hypervisor)', () => {
    const s = newState([], {});
    hostNamed(s, 'cmp1', 'hypervisor list').roles.add('compute');
    readBaremetalNodes(s, [{ name: 'cmp1.example' }]);
    expect(s.hosts.get('cmp1')?.roles.has('baremetal')).toBe(false);
    expect(s.unmatched[0]).toMatch(
      /^Ironic nodes named like another host were left out .*: cmp1\.example\.$/,
    );
  });
});
