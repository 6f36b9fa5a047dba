import { describe, expect, it } from 'vitest';
import { newState } from '../state';
import { readHostList } from './hostList';

describe('readHostList', () => {
  it("gives each host the role its Nova service says, and the service's process", () => {
    const s = newState([], {});
    readHostList(s, [
      { host: 'ctl1', service: 'scheduler' },
      { host: 'cmp1', service: 'compute' },
      { host: 'cmp1.example', service: 'compute' },
    ]);
    expect([...(s.hosts.get('ctl1')?.roles ?? [])]).toEqual(['controller']);
    expect([...(s.hosts.get('cmp1')?.roles ?? [])]).toEqual(['compute']);
    expect([...s.procs.keys()].sort()).toEqual(['nova-compute', 'nova-scheduler']);
    expect(s.matched).toEqual(['The host list named 2 hosts.']);
  });
});
