import { describe, expect, it } from 'vitest';
import type { KubeCluster } from '../clusters';
import type { K8sNode, K8sPod } from '../parse';
import { newState } from '../state';
import { chooseOperator, readOperatorNodes, readOperatorPods } from './operator';

const node = (name: string, labels: Record<string, string> = {}, controlPlane = false): K8sNode => ({
  name,
  labels: new Map(Object.entries(labels)),
  annotations: new Map(),
  controlPlane,
  cpu: 16,
  memoryGiB: 64,
});
const pod = (
  name: string,
  nodeName: string | undefined,
  labels: Record<string, string>,
  extra: Partial<K8sPod> = {},
): K8sPod => ({
  name,
  namespace: 'openstack',
  nodeName,
  labels: new Map(Object.entries(labels)),
  ...extra,
});
const cluster = (name: string, nodes: K8sNode[], pods: K8sPod[]): KubeCluster => ({
  name,
  files: [`${name}-nodes.json`],
  nodes,
  pods,
  hasNodeList: nodes.length > 0,
});

const undercloud = cluster(
  'undercloud',
  [
    node('n1', { 'openstack-control-plane': 'enabled' }, true),
    node('n2', { 'openstack-compute-node': 'enabled' }),
  ],
  [
    pod('nova-api-1', 'n1', { application: 'nova', component: 'os-api' }),
    pod('nova-db-sync-x', 'n1', { application: 'nova', component: 'db-sync' }, { ownerKind: 'Job' }),
    pod('keystone-api-1', undefined, { application: 'keystone', component: 'api' }),
    pod('coredns-1', 'n1', { 'k8s-app': 'kube-dns' }, { namespace: 'kube-system' }),
  ],
);
const tenant = cluster(
  'tenant',
  [node('t1')],
  [pod('web-1', 't1', { app: 'web' }, { namespace: 'default' })],
);

describe('chooseOperator', () => {
  it("picks the cluster with OpenStack pods or openstack-helm labels; the rest are tenants'", () => {
    const s = newState([], {});
    expect(chooseOperator(s, [tenant, undercloud])).toBe(undercloud);
    expect(s.operator?.namespace).toBe('openstack');
    expect(s.clusterRoles.get(tenant)).toBe('tenant');
  });

  it('takes the roles it is told, and says which told names no cluster has', () => {
    const s = newState([], { clusters: { undercloud: 'tenant', nowhere: 'operator' } });
    expect(chooseOperator(s, [tenant, undercloud])).toBeUndefined();
    expect(s.clusterRoles.get(undercloud)).toBe('tenant');
    expect(s.unmatched).toEqual([
      'No cluster of the input is called nowhere (the clusters are named after their files).',
    ]);
  });
});

describe('readOperatorNodes and readOperatorPods', () => {
  it("makes the operator's nodes hosts with their labels' roles, and its OpenStack pods processes on them", () => {
    const s = newState([], {});
    chooseOperator(s, [undercloud]);
    readOperatorNodes(s);
    const podNodes = readOperatorPods(s);
    expect([...(s.hosts.get('n1')?.roles ?? [])]).toEqual(['controller']);
    expect(s.hosts.get('n1')?.k8sControlPlane).toBe(true);
    expect([...(s.hosts.get('n2')?.roles ?? [])]).toEqual(['compute']);
    expect([...s.procs.values()].map((p) => [p.def.id, [...p.hosts], p.pods])).toEqual([
      ['nova-api', ['n1'], 1],
    ]);
    expect(podNodes.get('nova-api-1')).toBe('n1');
    expect(s.unmatched).toContain(
      '1 OpenStack pod of cluster undercloud is not scheduled to a node; left out.',
    );
    expect(s.matched[1]).toMatch(
      /^1 OpenStack pod of cluster undercloud became 1 process on their nodes; not drawn: 1 job pod/,
    );
  });

  it('reads nothing without an operator cluster', () => {
    const s = newState([], {});
    readOperatorNodes(s);
    expect(readOperatorPods(s).size).toBe(0);
    expect(s.hosts.size + s.matched.length).toBe(0);
  });
});
