import { describe, expect, it } from 'vitest';
import { hostNamed, newState } from '../state';
import { hostsFromServers, readServers } from './servers';

describe('readServers', () => {
  it('puts each VM in its project on its compute host (names compared without the domain)', () => {
    const s = newState([], {});
    hostNamed(s, 'cmp1', 'hypervisor list').roles.add('compute');
    readServers(s, [
      { id: 'S1', name: 'web', flavor: 'm1.small', project: 'demo', host: 'cmp1.cloud.example' },
    ]);
    const vm = s.vmById.get('s1');
    expect([vm?.name, vm?.flavor, vm?.project.key, vm?.host?.key]).toEqual([
      'web',
      'm1.small',
      'demo',
      'cmp1',
    ]);
    expect(s.matched).toEqual(['1 VM in 1 project; 1 on its compute host.']);
  });

  it('places a bare-metal instance on the Ironic node deployed for it, in its zone', () => {
    const s = newState([], {});
    const node = hostNamed(s, 'bm-1', 'baremetal node list');
    node.roles.add('baremetal');
    s.nodeOfInstance.set('s9', node);
    readServers(s, [{ id: 'S9', name: 'db', flavor: 'bm', project: 'p', host: 'ctl1', zone: 'az1' }]);
    expect(s.vmById.get('s9')?.host).toBe(node);
    expect(node.zone).toEqual({ name: 'az1', source: 'server list' });
  });

  it('leaves unplaced what it cannot place, and says why', () => {
    const s = newState([], {});
    hostNamed(s, 'ctl1', 'host list').roles.add('controller');
    readServers(s, [
      { id: 'A', name: 'a', flavor: 'f', project: 'p', host: 'ctl1' },
      { id: 'B', name: 'b', flavor: 'f', project: 'p', host: 'gone' },
      { id: 'C', name: 'c', project: 'p' },
      { id: 'A', name: 'a-again', flavor: 'f', project: 'p' },
    ]);
    expect(s.vms.length).toBe(3);
    expect(s.unmatched).toEqual([
      'VM b runs on host gone, which is not among the hosts found; left unplaced.',
      'VM a runs on host ctl1, which is not a compute host in the input; left unplaced.',
      '1 VM has no host in the server list (c); Stacklayers places it (run the list as admin with --long for the hosts).',
      '1 VM without a flavor (c): shown as flavor "unknown".',
      'Servers listed twice (same ID) were read once: a-again.',
    ]);
  });
});

describe('hostsFromServers', () => {
  it('takes the hosts a server list names as compute hosts (when nothing else lists hosts)', () => {
    const s = newState([], {});
    hostsFromServers(s, [{ name: 'a', host: 'cmp1' }, { name: 'b', host: 'cmp1.example' }, { name: 'c' }]);
    expect([...s.hosts.keys()]).toEqual(['cmp1']);
    expect(s.hosts.get('cmp1')?.roles.has('compute')).toBe(true);
  });
});
