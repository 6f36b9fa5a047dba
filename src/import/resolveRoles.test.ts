import { describe, expect, it } from 'vitest';
import { resolveRoles } from './resolveRoles';
import { hostNamed, newState } from './state';

describe('resolveRoles', () => {
  it('gives a role-less Kubernetes control-plane node the controller role, a host with a hint its hint, and leaves out the rest', () => {
    const s = newState([], {});
    hostNamed(s, 'cp1', 'kubectl nodes of u').k8sControlPlane = true;
    hostNamed(s, 'net1', 'network agents').hint = 'network';
    hostNamed(s, 'idle', 'kubectl nodes of u');
    hostNamed(s, 'cmp1', 'hypervisor list').roles.add('compute');
    hostNamed(s, 'cmp1.example', 'host list');
    resolveRoles(s);
    expect([...s.hosts.keys()]).toEqual(['cp1', 'net1', 'cmp1']);
    expect([...(s.hosts.get('cp1')?.roles ?? [])]).toEqual(['controller']);
    expect([...(s.hosts.get('net1')?.roles ?? [])]).toEqual(['network']);
    expect(s.unmatched[0]).toMatch(/^Host idle \(from kubectl nodes of u\) has no OpenStack role/);
    expect(s.matched).toEqual(['Host names matched without their domain: cmp1 = cmp1.example.']);
  });
});
