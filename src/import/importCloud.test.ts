import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/schema';
import { validateModel } from '../model/validate';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS } from '../topology/views';
import { type ImportFile, importCloud, importedAnything, recogniseFile } from './importCloud';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

/** The files of a fixture directory, as the CLI and the app hand them over. */
function fixture(dir: string): ImportFile[] {
  const path = join(FIXTURES, dir);
  return readdirSync(path)
    .filter((f) => f !== 'README.md')
    .map((name) => ({ name, text: readFileSync(join(path, name), 'utf8') }));
}

const json = (v: unknown) => JSON.stringify(v);
const expectValid = (model: Model) => {
  const r = validateModel(model);
  expect(r.ok ? [] : r.issues).toEqual([]);
};
const vmsOf = (m: Model) =>
  (m.projects ?? []).flatMap((p) => (p.vms ?? []).map((vm) => ({ ...vm, project: p.id })));
const processOf = (m: Model, id: string) => m.services.flatMap((s) => s.processes).find((p) => p.id === id);

describe('importing an openstack-helm cloud with a tenant cluster', () => {
  const { model, report, view } = importCloud(fixture('helm-cloud'));

  it('recognises every file and matches everything', () => {
    expect(report.files.map((f) => [f.name, f.kind, f.entries])).toEqual([
      ['compute-services.json', 'compute-services', 5],
      ['hypervisors.json', 'hypervisors', 2],
      ['loadbalancers.json', 'load-balancers', 2],
      ['network-agents.json', 'network-agents', 11],
      ['prod-k8s-nodes.json', 'k8s-nodes', 3],
      ['prod-k8s-pods.json', 'k8s-pods', 5],
      ['projects.json', 'projects', 4],
      ['servers.json', 'servers', 7],
      ['undercloud-nodes.json', 'k8s-nodes', 5],
      ['undercloud-pods.json', 'k8s-pods', 46],
      ['volumes.json', 'volumes', 2],
    ]);
    expect(report.unmatched).toEqual([]);
    expect(report.counts).toEqual({
      hosts: 5,
      services: 12,
      processes: 21,
      projects: 3,
      vms: 7,
      clusters: 2,
      loadBalancers: 2,
      volumes: 2,
    });
    expectValid(model);
    expect(view).toBe('both');
  });

  it('gives hosts their roles from node labels, pods, hypervisors and agents, matching names without domains', () => {
    expect(model.hosts.map((h) => [h.id, h.roles.join('+')])).toEqual([
      ['ctl1', 'controller+network'],
      ['ctl2', 'controller+network'],
      ['ctl3', 'controller+network'],
      ['cmp1', 'compute'],
      ['cmp2', 'compute'],
    ]);
    // cmp1.cloud.example (hypervisor list) is cmp1 (kubectl, server list): capacity from the hypervisor.
    expect(model.hosts[3]?.capacity).toEqual({ cores: 64, ramGiB: 512 });
    expect(report.matched).toContain(
      'Host names matched without their domain: cmp1 = cmp1.cloud.example and cmp2 = cmp2.cloud.example.',
    );
  });

  it('maps the operator pods to processes on the hosts they run on', () => {
    expect(processOf(model, 'nova-compute')).toMatchObject({ role: 'compute', k8s: 'DaemonSet' });
    expect(processOf(model, 'nova-compute')?.replicas).toBeUndefined();
    expect(processOf(model, 'libvirt')).toMatchObject({ role: 'compute', k8s: 'DaemonSet' });
    expect(processOf(model, 'nova-api')).toMatchObject({
      role: 'controller',
      replicas: 2,
      k8s: 'Deployment',
    });
    expect(processOf(model, 'nova-api')?.description).toBe(
      '2 pods on ctl1 and ctl2 (from pods of undercloud).',
    );
    expect(processOf(model, 'mariadb')).toMatchObject({
      role: 'controller',
      k8s: 'StatefulSet',
      quorum: true,
    });
    expect(processOf(model, 'mariadb')?.replicas).toBeUndefined();
    expect(processOf(model, 'neutron-ovs-agent')).toMatchObject({
      role: ['network', 'compute'],
      k8s: 'DaemonSet',
    });
    expect(processOf(model, 'neutron-l3-agent')).toMatchObject({ role: 'network' });
    expect(model.services.map((s) => s.id)).toEqual([
      'keystone',
      'nova',
      'placement',
      'glance',
      'neutron',
      'cinder',
      'horizon',
      'mariadb',
      'rabbitmq',
      'memcached',
      'libvirt',
      'openvswitch',
    ]);
    // nova-conductor's compute service names its pod (no host network): it is placed on the pod's node.
    expect(model.hosts.some((h) => h.id.startsWith('nova-'))).toBe(false);
    expect(processOf(model, 'nova-conductor')?.description).toContain('ctl1 and ctl2');
  });

  it('makes the undercloud the operator cluster with its control plane', () => {
    expect(model.operatorCluster).toMatchObject({
      id: 'undercloud',
      tool: 'openstack-helm',
      namespace: 'openstack',
      hosts: ['ctl1', 'ctl2', 'ctl3', 'cmp1', 'cmp2'],
      controlPlane: ['ctl1', 'ctl2', 'ctl3'],
    });
  });

  it('puts VMs in their projects on their hosts, and matches the tenant nodes by providerID and name', () => {
    const vms = vmsOf(model);
    expect(vms.map((v) => [v.id, v.project, v.host, v.flavor])).toEqual([
      ['prod-k8s-cp-0', 'acme-platform', 'cmp2', 'm1.medium'],
      ['prod-k8s-md-0', 'acme-platform', 'cmp1', 'm1.large'],
      ['prod-k8s-md-1', 'acme-platform', 'cmp2', 'm1.large'],
      ['db-1', 'acme-web', 'cmp1', 'm1.medium'],
      ['web-1', 'acme-web', 'cmp1', 'm1.small'],
      ['web-2', 'acme-web', 'cmp2', 'm1.small'],
      ['amphora-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'service', 'cmp1', 'amphora'],
    ]);
    expect(model.projects?.find((p) => p.id === 'service')?.owner).toBe('operator');
    expect(model.tenantClusters).toEqual([
      {
        id: 'prod-k8s',
        project: 'acme-platform',
        tool: 'cluster-api',
        kubernetesVersion: 'v1.31.4',
        controlPlane: ['prod-k8s-cp-0'],
        workers: ['prod-k8s-md-0', 'prod-k8s-md-1'],
        loadBalancers: ['k8s-clusterapi-cluster-default-prod-k8s-kubeapi'],
        volumes: ['pvc-6f1d2c3b-4a5e-4f6d-8c7b-9a0e1d2c3b4a'],
        workloads: [
          { id: 'postgres', kind: 'StatefulSet', replicas: 1 },
          { id: 'web', kind: 'Deployment', replicas: 2 },
        ],
      },
    ]);
    expect(report.matched).toContain(
      'Cluster prod-k8s is a tenant cluster in project acme-platform: 3 nodes matched to VMs (2 by providerID and 1 by name).',
    );
    const acme = model.projects?.find((p) => p.id === 'acme-web');
    expect(acme?.volumes).toEqual([
      expect.objectContaining({ id: 'db-1-data', sizeGiB: 50, attachedTo: 'db-1' }),
    ]);
  });

  it('draws in every view', () => {
    for (const v of VIEWS) expect(deriveScene(model, v).elements.length).toBeGreaterThan(30);
  });

  it('gives the same model whatever the order of the files', () => {
    const files = fixture('helm-cloud');
    const again = importCloud([...files].reverse());
    expect(again.model).toEqual(model);
    expect(again.report).toEqual(report);
  });
});

describe('partial inputs', () => {
  it('only a server list: its hosts become compute hosts, the VMs one project', () => {
    const { model, report, view } = importCloud(fixture('partial/servers-only'));
    expectValid(model);
    expect(view).toBe('traditional');
    expect(model.hosts.map((h) => [h.id, h.roles])).toEqual([
      ['node-a', ['compute']],
      ['node-b', ['compute']],
    ]);
    expect(vmsOf(model).map((v) => [v.id, v.host, v.flavor])).toEqual([
      ['app-1', 'node-a', 'm1.small'],
      ['app-2', 'node-b', 'm1.small'],
      ['db', 'node-a', 'm1.large'],
    ]);
    expect(model.projects?.[0]).toMatchObject({ id: 'unknown-project', name: '(project not in the input)' });
    expect(report.unmatched).toEqual([
      '3 VMs without a project column (app-1, app-2 and db): put in one project "(project not in the input)".',
    ]);
    expect(importedAnything(report)).toBe(true);
  });

  it('only kubectl of a tenant cluster: its nodes become VMs of a project of its own, on a stand-in host', () => {
    const { model, report, view } = importCloud(fixture('partial/tenant-kubectl'));
    expectValid(model);
    expect(view).toBe('k8s-in-tenant');
    expect(model.hosts.map((h) => h.id)).toEqual(['unknown-compute-host']);
    expect(report.counts.hosts).toBe(0);
    expect(model.tenantClusters?.[0]).toMatchObject({
      id: 'dev',
      project: 'dev-project',
      controlPlane: ['dev-control-plane-x7k2p'],
      workers: ['dev-md-0-4m9qz', 'dev-md-0-8s2wt'],
      kubernetesVersion: 'v1.30.8',
      workloads: [
        { id: 'api', kind: 'Deployment', replicas: 3 },
        { id: 'log-shipper', name: 'log-shipper (logging)', kind: 'DaemonSet' },
      ],
    });
    // The flavor comes from the node's instance-type label (set by the OpenStack cloud provider).
    expect(vmsOf(model).map((v) => v.flavor)).toEqual(['m1.medium', 'm1.large', 'm1.large']);
    expect(report.unmatched).toEqual([
      'No server list: the 3 nodes of cluster dev are shown as VMs of a project named after the cluster, with no compute host (add openstack server list --all-projects --long -f json).',
      'The input names no hosts: the VMs are shown on one stand-in compute host.',
    ]);
  });
});

describe('messy inputs', () => {
  const { model, report, view } = importCloud(fixture('messy'));

  it('still gives a valid model, and says what it could not use', () => {
    expectValid(model);
    expect(view).toBe('k8s-in-tenant');
    expect(report.files.filter((f) => f.kind === 'unknown')).toEqual([
      { name: 'broken.txt', kind: 'unknown', entries: 0, note: expect.stringMatching(/^not JSON/) },
      {
        name: 'flavors.json',
        kind: 'unknown',
        entries: 0,
        note: 'a flavor list (openstack flavor list): not read',
      },
    ]);
    expect(report.unmatched).toEqual([
      'hypervisors.json: entry 3 has no hostname; skipped.',
      'k8s-nodes.json: 1 item has no metadata.name; skipped.',
      'servers.json: entry 10 is not an object; skipped.',
      'VM web-3 runs on host kvm9, which is not among the hosts found; left unplaced.',
      'VM ctl-vm runs on host ctl1, which is not a compute host in the input; left unplaced.',
      '1 VM has no host in the server list (broken-vm); Stacklayers places it (run the list as admin with --long for the hosts).',
      '1 VM without a flavor (broken-vm): shown as flavor "unknown".',
      'Servers listed twice (same ID) were read once: web.',
      'Node worker-7 of cluster k8s matches no VM (no providerID, no VM of that name).',
      'Node ghost-1 of cluster k8s matches no VM (its providerID names server dddddddd-0000-4000-8000-00000000dead, which is not in the server list, no VM of that name).',
      'Volume data is attached to cccccccc-0000-4000-8000-000000000009, which is no VM of the server list; shown unattached.',
      'Volumes without a size were left out: no-size.',
      'Volumes with no project column and attached to no VM were left out (their project is unknown): scratch and data.',
      '2 VMs of project acme share a name; their ids are web and web-2 (match nodes by providerID to tell them apart).',
    ]);
  });

  it('keeps __proto__ and constructor as names, with safe ids', () => {
    expect(model.hosts.find((h) => h.id === 'constructor')?.roles).toEqual(['compute']);
    const proto = model.projects?.find((p) => p.name === '__proto__');
    expect(proto?.id).toBe('proto');
    expect(proto?.vms).toEqual([expect.objectContaining({ id: 'proto-2', name: '__proto__', host: 'kvm1' })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(model.hosts)).toBe(Array.prototype);
  });

  it('places VMs on unknown hosts nowhere, and keeps a project it does not know by its id', () => {
    const vms = vmsOf(model);
    expect(vms.find((v) => v.id === 'web-3')?.host).toBeUndefined();
    expect(vms.find((v) => v.id === 'web-2')).toMatchObject({ name: 'web', host: 'kvm2' });
    expect(vms.find((v) => v.id === 'orphan')?.project).toBe('9f9f9f9f9f9f4f9f8f9f9f9f9f9f9f09');
    expect(model.tenantClusters).toEqual([
      expect.objectContaining({
        id: 'k8s',
        project: 'lab',
        controlPlane: ['k8s-node-1'],
        workers: ['k8s-node-2'],
      }),
    ]);
  });
});

// --- matching, input by input ---------------------------------------------------------------------------------

const server = (id: string, name: string, host: string | null, project = 'p1', flavor = 'm1.small') => ({
  ID: id,
  Name: name,
  Status: 'ACTIVE',
  Flavor: flavor,
  Host: host,
  'Project ID': project,
});
const hypervisors = (...names: string[]) =>
  json(
    names.map((n, i) => ({ ID: i + 1, 'Hypervisor Hostname': n, 'Hypervisor Type': 'QEMU', State: 'up' })),
  );
const kubeList = (items: unknown[]) => json({ apiVersion: 'v1', kind: 'List', items });
const node = (
  name: string,
  opts: { providerID?: string; cp?: boolean; labels?: Record<string, string> } = {},
) => ({
  kind: 'Node',
  metadata: {
    name,
    labels: { ...(opts.cp ? { 'node-role.kubernetes.io/control-plane': '' } : {}), ...opts.labels },
  },
  spec: opts.providerID ? { providerID: opts.providerID } : {},
});
const pod = (
  name: string,
  nodeName: string,
  labels: Record<string, string>,
  owner: [string, string],
  ns = 'openstack',
) => ({
  kind: 'Pod',
  metadata: {
    name,
    namespace: ns,
    labels,
    ownerReferences: [{ kind: owner[0], name: owner[1], controller: true }],
  },
  spec: { nodeName, containers: [{ name: 'c' }] },
  status: { phase: 'Running' },
});

describe('matching tenant nodes to VMs', () => {
  const servers = json([
    server('11111111-aaaa-4aaa-8aaa-000000000001', 'cp-0', 'cmp1'),
    server('11111111-aaaa-4aaa-8aaa-000000000002', 'md-0', 'cmp1'),
    server('11111111-aaaa-4aaa-8aaa-000000000003', 'md-1', 'cmp1'),
    server('11111111-aaaa-4aaa-8aaa-000000000004', 'other', 'cmp1', 'p2'),
  ]);
  const base = [
    { name: 'hypervisors.json', text: hypervisors('cmp1') },
    { name: 'servers.json', text: servers },
  ];

  it('by providerID (both forms) and by name, and reports the rest in plain sentences', () => {
    const { model, report, view } = importCloud([
      ...base,
      {
        name: 'tenant-a-nodes.json',
        text: kubeList([
          node('cp-0.novalocal', {
            providerID: 'openstack:///11111111-aaaa-4aaa-8aaa-000000000001',
            cp: true,
          }),
          node('renamed', { providerID: 'openstack:///RegionOne/11111111-AAAA-4aaa-8aaa-000000000002' }),
          node('md-1'),
          node('worker-7'),
          node('gone', { providerID: 'openstack:///99999999-aaaa-4aaa-8aaa-000000000009' }),
          node('other'),
        ]),
      },
    ]);
    expectValid(model);
    expect(view).toBe('k8s-in-tenant');
    expect(model.tenantClusters?.[0]).toMatchObject({
      id: 'tenant-a',
      project: 'p1',
      controlPlane: ['cp-0'],
      workers: ['md-0', 'md-1'],
    });
    expect(report.unmatched).toEqual([
      'Node worker-7 of cluster tenant-a matches no VM (no providerID, no VM of that name).',
      'Node gone of cluster tenant-a matches no VM (its providerID names server 99999999-aaaa-4aaa-8aaa-000000000009, which is not in the server list, no VM of that name).',
      "Node other of cluster tenant-a is VM other of project p2, not of the cluster's project p1; left out of the cluster.",
    ]);
    expect(report.matched).toContain(
      'Cluster tenant-a is a tenant cluster in project p1: 3 nodes matched to VMs (2 by providerID and 1 by name).',
    );
  });

  it('refuses a name that several VMs share, and leaves out a cluster none of whose nodes match', () => {
    const dup = json([server('a1', 'w', 'cmp1'), server('a2', 'w', 'cmp1', 'p2')]);
    const { model, report } = importCloud([
      { name: 'hypervisors.json', text: hypervisors('cmp1') },
      { name: 'servers.json', text: dup },
      { name: 'lab-nodes.json', text: kubeList([node('w', { cp: true })]) },
    ]);
    expectValid(model);
    expect(model.tenantClusters).toBeUndefined();
    expect(report.unmatched).toEqual([
      'Node w of cluster lab matches no single VM (no providerID, and 2 VMs have that name).',
      'Cluster lab: none of its 1 node matches a VM; the cluster is left out.',
    ]);
  });

  it('shows a worker as the control plane when no matched node has the role, and says so', () => {
    const { model, report } = importCloud([
      ...base,
      { name: 'k-nodes.json', text: kubeList([node('md-0'), node('md-1')]) },
    ]);
    expect(model.tenantClusters?.[0]).toMatchObject({ controlPlane: ['md-0'], workers: ['md-1'] });
    expect(report.unmatched).toEqual([
      'Cluster k: none of its matched nodes has a control-plane role label; md-0 is shown as its control plane so the cluster can be drawn.',
    ]);
  });
});

describe('the operator cluster', () => {
  const nodes = kubeList([
    node('ctl1', { cp: true, labels: { 'openstack-control-plane': 'enabled' } }),
    node('cmp1', { labels: { 'openstack-compute-node': 'enabled' } }),
    node('bare'),
  ]);
  const pods = kubeList([
    pod('keystone-api-5c8f7d9b6-x7k2p', 'ctl1', { application: 'keystone', component: 'api' }, [
      'ReplicaSet',
      'keystone-api-5c8f7d9b6',
    ]),
    pod('nova-compute-default-4xk7p', 'cmp1', { application: 'nova', component: 'compute' }, [
      'DaemonSet',
      'nova-compute-default',
    ]),
    pod('libvirt-libvirt-default-5hn2d', 'cmp1', { application: 'libvirt', component: 'libvirt' }, [
      'DaemonSet',
      'libvirt-libvirt-default',
    ]),
    pod('mariadb-server-0', 'ctl1', { application: 'mariadb', component: 'server' }, [
      'StatefulSet',
      'mariadb-server',
    ]),
    pod('ingress-abc-1', 'ctl1', { application: 'ingress', component: 'server' }, [
      'ReplicaSet',
      'ingress-abc',
    ]),
    pod('keystone-db-sync-8xk2d', 'ctl1', { application: 'keystone', component: 'db-sync' }, [
      'Job',
      'keystone-db-sync',
    ]),
    pod('coredns-1-a', 'ctl1', { 'k8s-app': 'kube-dns' }, ['ReplicaSet', 'coredns-1'], 'kube-system'),
  ]);

  it('maps openstack-helm pods to processes on the pods’ nodes, and leaves out hosts with no role', () => {
    const { model, report, view } = importCloud([
      { name: 'osh-nodes.json', text: nodes },
      { name: 'osh-pods.json', text: pods },
    ]);
    expectValid(model);
    expect(view).toBe('control-plane-on-k8s');
    expect(model.hosts.map((h) => [h.id, h.roles.join('+')])).toEqual([
      ['ctl1', 'controller'],
      ['cmp1', 'compute'],
    ]);
    expect(model.services.flatMap((s) => s.processes.map((p) => [p.id, p.role, p.k8s]))).toEqual([
      ['keystone-api', 'controller', 'Deployment'],
      ['nova-compute', 'compute', 'DaemonSet'],
      ['mariadb', 'controller', 'StatefulSet'],
      ['libvirt', 'compute', 'DaemonSet'],
    ]);
    expect(model.operatorCluster).toEqual(
      expect.objectContaining({ id: 'osh', hosts: ['ctl1', 'cmp1'], controlPlane: ['ctl1'] }),
    );
    expect(report.unmatched).toEqual([
      'Pods in namespace openstack that are no OpenStack process Stacklayers knows were left out: ingress.',
      'Host bare (from kubectl nodes of osh) has no OpenStack role: no hypervisor, service, agent, pod or openstack-helm label says what it is; left out.',
    ]);
    expect(report.matched).toContain(
      '4 OpenStack pods of cluster osh became 4 processes on their nodes; not drawn: 1 job pod, 1 pod outside OpenStack (kube-system).',
    );
  });

  it('groups a pods file with the nodes file its pods run on, whatever its name', () => {
    const { model, report } = importCloud([
      { name: 'nodes.json', text: nodes },
      { name: 'all-pods-today.json', text: pods },
    ]);
    expect(model.operatorCluster?.id).toBe('cluster');
    expect(report.matched[0]).toBe(
      'all-pods-today.json has no nodes file of the same name; its pods run on the nodes of nodes.json, so they are one cluster.',
    );
  });

  it('takes the operator and tenant clusters as told', () => {
    const told = importCloud(
      [
        { name: 'osh-nodes.json', text: nodes },
        { name: 'osh-pods.json', text: pods },
      ],
      { clusters: { osh: 'tenant', nope: 'operator' } },
    );
    expectValid(told.model);
    expect(told.model.operatorCluster).toBeUndefined();
    expect(told.report.unmatched[0]).toBe(
      'No cluster of the input is called nope (the clusters are named after their files).',
    );
    // As a tenant cluster without a server list, its nodes become VMs.
    expect(told.view).toBe('k8s-in-tenant');
    const weird = importCloud([{ name: 'x-nodes.json', text: nodes }], {
      clusters: JSON.parse('{"__proto__": "operator", "constructor": "tenant"}'),
    });
    expectValid(weird.model);
  });
});

describe('never throws, always validates', () => {
  it('for nothing, garbage and wrong shapes', () => {
    const cases: unknown[] = [
      [],
      [{ name: 'a.json', text: '' }],
      [{ name: 'a.json', text: 'null' }],
      [{ name: 5, text: 7 }],
      [null, undefined, 'x'],
      'not a list',
      [{ name: 'h.json', text: hypervisors('') }],
      [{ name: 's.json', text: json([server('', '', '')]) }],
    ];
    for (const c of cases) {
      const r = importCloud(c as ImportFile[]);
      expectValid(r.model);
      expect(importedAnything(r.report)).toBe(false);
    }
  });

  it('for 150 inputs made by mutating the fixtures at random (seeded)', () => {
    const all = [...fixture('helm-cloud'), ...fixture('messy')];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const oddValues = [
      null,
      '',
      0,
      -1,
      1e308,
      'x'.repeat(300),
      '__proto__',
      [],
      {},
      true,
      'openstack:///',
      '../..',
    ];
    const mutate = (v: unknown, depth: number): unknown => {
      if (Array.isArray(v)) return v.filter(() => rand() > 0.1).map((x) => mutate(x, depth + 1));
      if (v !== null && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
          if (rand() < 0.08) continue;
          out[rand() < 0.02 ? '__proto__' : k] = rand() < 0.1 ? pick(oddValues) : mutate(x, depth + 1);
        }
        return out;
      }
      return rand() < 0.05 ? pick(oddValues) : v;
    };
    for (let i = 0; i < 150; i++) {
      const files = all
        .filter(() => rand() > 0.3)
        .map((f) => {
          let text: string;
          try {
            text = JSON.stringify(mutate(JSON.parse(f.text), 0));
          } catch {
            text = f.text.slice(0, Math.floor(rand() * f.text.length));
          }
          return { name: rand() < 0.1 ? '__proto__' : f.name, text };
        });
      const r = importCloud(files);
      const v = validateModel(r.model);
      if (!v.ok) throw new Error(`iteration ${i}: ${JSON.stringify(v.issues.slice(0, 2))}`);
      expect(r.report.unmatched.some((s) => s.startsWith('Internal:'))).toBe(false);
    }
  }, 60_000);
});

describe('recogniseFile', () => {
  it('tells openstack and kubectl output from a Stacklayers model', () => {
    expect(recogniseFile(hypervisors('cmp1'))).toBe('hypervisors');
    expect(recogniseFile(kubeList([node('a')]))).toBe('k8s-nodes');
    const model = readFileSync(
      fileURLToPath(new URL('../../public/models/default.json', import.meta.url)),
      'utf8',
    );
    expect(recogniseFile(model)).toBe('unknown');
    expect(recogniseFile('{')).toBe('unknown');
  });
});

describe('very long command output', () => {
  it('reads 130,000 entries without overflowing the stack', () => {
    // Collecting them with push(...list) overflowed the stack, and the import failed as a whole.
    const rows = [
      { ID: 'id0', Name: 'vm0', Status: 'ACTIVE', Host: 'h0', Flavor: 'm1' },
      ...Array(130_000).fill(1),
    ];
    const { model, report } = importCloud([{ name: 'servers.json', text: JSON.stringify(rows) }]);
    expect(report.unmatched.join(' ')).not.toMatch(/failed unexpectedly/);
    expect(report.unmatched.filter((m) => m.endsWith('is not an object; skipped.'))).toHaveLength(130_000);
    expect(report.unmatched[0]).toBe('servers.json: entry 2 is not an object; skipped.');
    expect(report.counts.vms).toBe(1);
    expect(validateModel(model).ok).toBe(true);
  });
});

// --- Import (openstack and kubectl output) ------------------------------------------------------------------

describe('import of any text', () => {
  it('never throws, and always gives a model that validates', () => {
    const texts = [
      '',
      '\ufeff[]',
      '\u0089PNG\r\n\u001a\n\u0000',
      '['.repeat(100_000),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '[{"__proto__": {"polluted": 1}, "ID": "x", "Name": "constructor", "Status": "ACTIVE", "Host": "toString"}]',
      '{"apiVersion": "v1", "kind": "List", "items": [{"kind": "Node", "metadata": {"name": "\ud800"}}]}',
      `[{"ID": "1", "Name": "${'x'.repeat(10_000)}", "Status": "ACTIVE", "Host": "h1", "Flavor": "m1"}]`,
    ];
    for (const text of texts) {
      const { model, report } = importCloud([{ name: 'in.json', text }]);
      const result = validateModel(model);
      expect(result.ok, `${text.slice(0, 40)}: ${JSON.stringify(result.ok ? '' : result.issues[0])}`).toBe(
        true,
      );
      expect(report.unmatched.join(' ')).not.toMatch(/failed unexpectedly/);
    }
  });
});
