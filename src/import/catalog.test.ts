import { describe, expect, it } from 'vitest';
import { processOfAgent, processOfComputeService, processOfPod } from './catalog';
import { clusterPrefix, serverIdOfProviderId, workloadsOf } from './clusters';
import { IdAllocator, sanitizeId } from './ids';
import type { K8sPod } from './parse';

const helm = (application: string, component: string) =>
  processOfPod(
    new Map([
      ['application', application],
      ['component', component],
    ]),
  );
const idOf = (m: ReturnType<typeof processOfPod>) => ('process' in m ? m.process.id : m.skip);

describe('openstack-helm pods as processes', () => {
  it.each([
    ['nova', 'api', 'nova-api'],
    ['nova', 'os-api', 'nova-api'],
    ['nova', 'metadata', 'nova-api'],
    ['nova', 'conductor', 'nova-conductor'],
    ['nova', 'scheduler', 'nova-scheduler'],
    ['nova', 'novnc-proxy', 'nova-novncproxy'],
    ['nova', 'compute', 'nova-compute'],
    ['keystone', 'api', 'keystone-api'],
    ['glance', 'api', 'glance-api'],
    ['placement', 'api', 'placement-api'],
    ['neutron', 'server', 'neutron-server'],
    ['neutron', 'neutron-ovs-agent', 'neutron-ovs-agent'],
    ['neutron', 'neutron-dhcp-agent', 'neutron-dhcp-agent'],
    ['neutron', 'neutron-l3-agent', 'neutron-l3-agent'],
    ['neutron', 'neutron-metadata-agent', 'neutron-metadata-agent'],
    ['neutron', 'neutron-ovn-metadata-agent', 'ovn-metadata-agent'],
    ['cinder', 'api', 'cinder-api'],
    ['cinder', 'scheduler', 'cinder-scheduler'],
    ['cinder', 'volume', 'cinder-volume'],
    ['horizon', 'server', 'horizon'],
    ['mariadb', 'server', 'mariadb'],
    ['rabbitmq', 'server', 'rabbitmq'],
    ['memcached', 'server', 'memcached'],
    ['libvirt', 'libvirt', 'libvirt'],
    ['openvswitch', 'server', 'openvswitch'],
    ['openvswitch', 'openvswitch-vswitchd', 'openvswitch'],
    ['ovn', 'ovn-controller', 'ovn-controller'],
    ['ovn', 'ovn-northd', 'ovn-northd'],
    ['ovn', 'ovn-ovsdb-nb', 'ovn-nb-db'],
    ['heat', 'engine', 'heat-engine'],
    ['octavia', 'health-manager', 'octavia-health-manager'],
  ])('application=%s component=%s is %s', (app, component, id) => {
    expect(idOf(helm(app, component))).toBe(id);
  });

  it('knows the workload and role of the data plane and the quorum members', () => {
    const compute = helm('nova', 'compute');
    const db = helm('mariadb', 'server');
    const libvirt = helm('libvirt', 'libvirt');
    expect('process' in compute && compute.process).toMatchObject({ roles: ['compute'], k8s: 'DaemonSet' });
    expect('process' in libvirt && libvirt.process).toMatchObject({ roles: ['compute'], k8s: 'DaemonSet' });
    expect('process' in db && db.process).toMatchObject({
      roles: ['controller'],
      k8s: 'StatefulSet',
      quorum: true,
    });
  });

  it('imports an unknown component of an OpenStack service by its labels, and skips jobs and others', () => {
    expect(helm('nova', 'archive-thing')).toMatchObject({
      process: { id: 'nova-archive-thing' },
      generic: true,
    });
    expect(idOf(helm('keystone', 'db-sync'))).toBe('job');
    expect(idOf(helm('nova', 'ks-endpoints'))).toBe('job');
    expect(idOf(helm('mariadb', 'ingress'))).toBe('infrastructure-extra');
    expect(idOf(helm('prometheus', 'server'))).toBe('not-openstack');
    expect(idOf(processOfPod(new Map([['k8s-app', 'kube-dns']])))).toBe('not-openstack');
    expect(idOf(processOfPod(new Map([['app', 'rook-ceph-mon']])))).toBe('ceph-mon');
    // Label values are data: no prototype lookups.
    expect(idOf(helm('__proto__', 'constructor'))).toBe('not-openstack');
    expect(idOf(helm('nova', '__proto__'))).toBe('nova-__proto__');
  });

  it('maps compute services and network agents', () => {
    expect(processOfComputeService('nova-compute')?.roles).toEqual(['compute']);
    expect(processOfComputeService('nova-conductor')?.roles).toEqual(['controller']);
    expect(processOfComputeService('cinder-volume')).toBeUndefined();
    expect(processOfAgent('L3 agent', 'neutron-l3-agent')).toMatchObject({
      process: { id: 'neutron-l3-agent' },
      hostRole: 'network',
    });
    expect(processOfAgent('DHCP agent', undefined)?.hostRole).toBe('network');
    expect(processOfAgent('Open vSwitch agent', 'neutron-openvswitch-agent')).toEqual({
      process: expect.objectContaining({ id: 'neutron-ovs-agent', roles: ['network', 'compute'] }),
    });
    expect(processOfAgent('OVN Controller Gateway agent', 'ovn-controller')?.hostRole).toBe('network');
    expect(processOfAgent('OVN Controller agent', 'ovn-controller')?.hostRole).toBeUndefined();
    expect(processOfAgent('OVN Metadata agent', 'neutron-ovn-metadata-agent')?.process.id).toBe(
      'ovn-metadata-agent',
    );
    expect(processOfAgent('Mystery agent', 'mystery')).toBeUndefined();
  });
});

describe('clusters', () => {
  it.each([
    ['undercloud-nodes.json', 'undercloud'],
    ['undercloud_pods.json', 'undercloud'],
    ['tenant-a.nodes.json', 'tenant-a'],
    ['dir/prod-k8s-pods.json', 'prod-k8s'],
    ['C:\\out\\lab-node.json', 'lab'],
    ['nodes.json', ''],
    ['pods.json', ''],
    ['undercloud-nodes-pods.json', 'undercloud'],
    ['everything.json', 'everything'],
  ])('%s names cluster "%s"', (file, prefix) => {
    expect(clusterPrefix(file)).toBe(prefix);
  });

  it.each([
    ['openstack:///9b4d5e6f-7a8b-4c9d-9e0f-2a3b4c5d6e04', '9b4d5e6f-7a8b-4c9d-9e0f-2a3b4c5d6e04'],
    ['openstack:///RegionOne/ac5e6f7a-8b9c-4d0e-8f1a-3b4c5d6e7f05', 'ac5e6f7a-8b9c-4d0e-8f1a-3b4c5d6e7f05'],
    ['openstack://RegionOne/abc', 'abc'],
    ['aws:///eu-west-1a/i-0abc', undefined],
    ['kind://docker/kind/kind-control-plane', undefined],
    ['', undefined],
  ])('providerID %j names server %j', (providerID, id) => {
    expect(serverIdOfProviderId(providerID)).toBe(id);
  });

  it('gathers tenant workloads from pods, leaving out the system namespaces and finished pods', () => {
    const pod = (
      name: string,
      ns: string,
      ownerKind: string,
      ownerName: string,
      extra: Partial<K8sPod> = {},
    ): K8sPod => ({
      name,
      namespace: ns,
      labels: new Map(
        ownerKind === 'ReplicaSet' ? [['pod-template-hash', ownerName.split('-').pop() ?? '']] : [],
      ),
      ownerKind,
      ownerName,
      nodeName: 'n1',
      ...extra,
    });
    const w = workloadsOf([
      pod('web-7b9c8d6f5-a', 'default', 'ReplicaSet', 'web-7b9c8d6f5'),
      pod('web-7b9c8d6f5-b', 'default', 'ReplicaSet', 'web-7b9c8d6f5'),
      pod('db-0', 'shop', 'StatefulSet', 'db'),
      pod('agent-x', 'shop', 'DaemonSet', 'agent'),
      pod('coredns-1-a', 'kube-system', 'ReplicaSet', 'coredns-1'),
      pod('calico-node-a', 'calico-system', 'DaemonSet', 'calico-node'),
      pod('migrate-a', 'shop', 'Job', 'migrate'),
      pod('old-1-a', 'default', 'ReplicaSet', 'old-1', { phase: 'Failed' }),
    ]);
    expect(w).toEqual([
      { namespace: 'default', name: 'web', kind: 'Deployment', pods: 2 },
      { namespace: 'shop', name: 'db', kind: 'StatefulSet', pods: 1 },
      { namespace: 'shop', name: 'agent', kind: 'DaemonSet', pods: 1 },
    ]);
  });
});

describe('ids', () => {
  it.each([
    ['web-1', 'web-1'],
    ['__proto__', 'proto'],
    ['constructor', 'constructor'],
    ['my server (old)', 'my-server-old'],
    ['café.example', 'cafe.example'],
    ['.hidden', 'hidden'],
    ['a/b#c@d:e', 'a-b-c-d-e'],
    ['日本', ''],
    ['x'.repeat(300), 'x'.repeat(90)],
  ])('%j becomes %j', (name, id) => {
    expect(sanitizeId(name)).toBe(id);
    if (id) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  it('hands out unique ids, ignoring case, with a fallback for unusable names', () => {
    const ids = new IdAllocator();
    expect(ids.take('web', 'vm')).toBe('web');
    expect(ids.take('web', 'vm')).toBe('web-2');
    expect(ids.take('Web', 'vm')).toBe('Web-3');
    expect(ids.take('日本', 'vm-1234')).toBe('vm-1234');
    expect(ids.take('', '')).toBe('item');
  });
});
