import { describe, expect, it } from 'vitest';
import { validateModel } from '../../model/validate';
import { addVm, hostNamed, newState, projectNamed } from '../state';
import { assembleModel } from './model';

describe('assembleModel', () => {
  it('gives VMs with no compute host in the input a stand-in compute host, and says so', () => {
    const s = newState([], {});
    addVm(s, {
      server: { id: 'S1', name: 'web' },
      name: 'web',
      project: projectNamed(s, 'demo'),
      flavor: 'm1',
    });
    const { model, counts } = assembleModel(s, false);
    expect(validateModel(model).ok).toBe(true);
    expect(model.hosts.map((h) => h.id)).toEqual(['unknown-compute-host']);
    expect([counts.hosts, counts.vms, counts.projects]).toEqual([0, 1, 1]);
    expect(s.unmatched).toEqual([
      'The input names no hosts: the VMs are shown on one stand-in compute host.',
    ]);
  });

  it('orders hosts by role then name, and gives ids from names (hosts first, then what runs on them)', () => {
    const s = newState([], {});
    hostNamed(s, 'cmp10', 'hypervisor list').roles.add('compute');
    hostNamed(s, 'cmp2', 'hypervisor list').roles.add('compute');
    hostNamed(s, 'ctl', 'host list').roles.add('controller');
    const p = projectNamed(s, 'demo');
    addVm(s, { server: { name: 'cmp2' }, name: 'cmp2', project: p, flavor: 'm1', host: s.hosts.get('cmp2') });
    const { model } = assembleModel(s, true);
    expect(validateModel(model).ok).toBe(true);
    expect(model.hosts.map((h) => h.id)).toEqual(['ctl', 'cmp2', 'cmp10']);
    // The VM named like a host gets the next free id, and keeps its name.
    expect(model.projects?.[0]?.vms).toEqual([{ id: 'cmp2-2', name: 'cmp2', flavor: 'm1', host: 'cmp2' }]);
  });
});
