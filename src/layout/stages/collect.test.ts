import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../../topology/deriveScene';
import type { Layer } from '../../topology/scene';
import { type Collected, collect, hiddenParts } from './collect';

const scene = deriveScene(defaultModel(), 'both');
const NOTHING = hiddenParts(new Set());
const count = (c: Collected) => {
  const sum = (m: Map<string, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
  return (
    c.hosts.length +
    sum(c.servicesByHost) +
    c.opNodes.size +
    (c.opCluster ? 1 : 0) +
    c.projects.length +
    sum(c.projectContents) +
    c.tenantClusters.length +
    sum(c.tenantNodes) +
    sum(c.podsByNode)
  );
};
const hide = (...layers: Layer[]) => hiddenParts(new Set(layers));

describe('collect', () => {
  it('puts every element in exactly one place when nothing is hidden or folded', () => {
    const c = collect(scene, new Set(), NOTHING);
    expect(count(c)).toBe(scene.elements.length);
    for (const [host, services] of c.servicesByHost) for (const s of services) expect(s.host).toBe(host);
    for (const [host, node] of c.opNodes) expect(node.machine).toBe(host);
  });

  it('leaves out what a folded host, project or cluster holds, and keeps the folded box itself', () => {
    const project = c0().projects[0];
    const cluster = c0().tenantClusters[0];
    if (!project || !cluster) throw new Error('the default model has projects and a tenant cluster');
    const c = collect(scene, new Set(['kvm1', project.id, cluster.id]), NOTHING);
    expect(c.servicesByHost.has('kvm1')).toBe(false);
    expect(c.hosts.map((h) => h.id)).toContain('kvm1');
    expect(c.projectContents.has(project.id)).toBe(false);
    expect(c.projects).toContain(project);
    expect(c.tenantNodes.has(cluster.id)).toBe(false);
  });

  it('hides tenant Kubernetes with the tenant VMs it sits on, and never hides hardware', () => {
    const c = collect(scene, new Set(), hide('tenant-vms', 'openstack', 'operator-k8s', 'hardware'));
    expect(c.projects).toEqual([]);
    expect(c.tenantClusters).toEqual([]);
    expect(c.tenantNodes.size).toBe(0);
    expect(c.servicesByHost.size).toBe(0);
    expect(c.opCluster).toBeUndefined();
    expect(c.opNodes.size).toBe(0);
    expect(c.hosts).toHaveLength(scene.elements.filter((e) => e.kind === 'host').length);
  });

  it('hides only tenant Kubernetes when only it is hidden', () => {
    const c = collect(scene, new Set(), hide('tenant-k8s'));
    expect(c.tenantClusters).toEqual([]);
    expect(c.projects.length).toBeGreaterThan(0);
    expect(c.projectContents.size).toBeGreaterThan(0);
  });
});

function c0(): Collected {
  return collect(scene, new Set(), NOTHING);
}
