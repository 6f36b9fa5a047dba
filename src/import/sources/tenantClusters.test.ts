import { describe, expect, it } from 'vitest';
import type { KubeCluster } from '../clusters';
import type { K8sNode } from '../parse';
import { addVm, newState, projectNamed } from '../state';
import { readTenantCluster } from './tenantClusters';

const node = (name: string, providerID?: string, controlPlane = false): K8sNode => ({
  name,
  providerID,
  labels: new Map([['cluster.x-k8s.io/cluster-name', 'k']]),
  annotations: new Map(),
  controlPlane,
  kubeletVersion: 'v1.31.2',
});
const cluster = (nodes: K8sNode[]): KubeCluster => ({
  name: 'k',
  files: ['k-nodes.json'],
  nodes,
  pods: [],
  hasNodeList: true,
});

function withVms() {
  const s = newState([], {});
  const demo = projectNamed(s, 'demo');
  for (const [id, name] of [
    ['S1', 'k-cp-0'],
    ['S2', 'k-md-0'],
    ['S3', 'k-md-1'],
  ] as const)
    addVm(s, { server: { id, name }, name, project: demo, flavor: 'm1' });
  return s;
}

describe('readTenantCluster', () => {
  it("matches nodes to VMs by providerID (cloud-provider-openstack's openstack:///<server id>), then by name", () => {
    const s = withVms();
    readTenantCluster(
      s,
      cluster([
        node('k-cp-0', 'openstack:///S1', true),
        node('k-md-0', 'openstack://RegionOne/S2'),
        node('k-md-1'),
      ]),
      true,
    );
    const t = s.tenants[0];
    expect([t?.project.key, t?.tool, t?.version]).toEqual(['demo', 'cluster-api', 'v1.31.2']);
    expect(t?.controlPlane.map((v) => v.name)).toEqual(['k-cp-0']);
    expect(t?.workers.map((v) => v.name)).toEqual(['k-md-0', 'k-md-1']);
    expect(s.matched).toEqual([
      'Cluster k is a tenant cluster in project demo: 3 nodes matched to VMs (2 by providerID and 1 by name).',
    ]);
  });

  it('leaves out a cluster none of whose nodes is a VM', () => {
    const s = withVms();
    readTenantCluster(s, cluster([node('elsewhere', 'aws:///i-1')]), true);
    expect(s.tenants).toEqual([]);
    expect(s.unmatched).toEqual([
      "Node elsewhere of cluster k matches no VM (its providerID aws:///i-1 is not OpenStack's, no VM of that name).",
      'Cluster k: none of its 1 node matches a VM; the cluster is left out.',
    ]);
  });

  it('without a server list, shows the nodes as VMs of a project named after the cluster', () => {
    const s = newState([], {});
    readTenantCluster(s, cluster([node('k-cp-0', undefined, true), node('k-md-0')]), false);
    expect(s.vms.map((v) => [v.name, v.project.name, v.synthetic])).toEqual([
      ['k-cp-0', 'k-project', true],
      ['k-md-0', 'k-project', true],
    ]);
    expect(s.tenants[0]?.controlPlane.map((v) => v.name)).toEqual(['k-cp-0']);
  });
});
