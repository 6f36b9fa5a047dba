import { describe, expect, it } from 'vitest';
import { defaultJsonCopy } from '../testing/fixtures';
import { validateModel } from './validate';

type Json = Record<string, any>;

/** Every integrity check, each on the default model broken in one place: [what, break it, path, message]. */
const CASES: [string, (m: Json) => void, string, string | RegExp][] = [
  [
    'duplicate host id',
    (m) => (m.hosts[1].id = 'ctl1'),
    '$.hosts[1].id',
    "host id 'ctl1' is already used at $.hosts[0].id",
  ],
  [
    'duplicate service id',
    (m) => (m.services[1].id = 'keystone'),
    '$.services[1].id',
    /service id 'keystone' is already used/,
  ],
  [
    'duplicate process id',
    (m) => (m.services[1].processes[1].id = 'nova-api'),
    '$.services[1].processes[1].id',
    /process id 'nova-api' is already used/,
  ],
  [
    'process role without hosts',
    (m) => (m.hosts = m.hosts.filter((h: Json) => !h.roles.includes('storage'))),
    '$.services[13].processes[0].role',
    "process 'ceph-mon' runs on storage hosts, but no host has that role",
  ],
  [
    'replicas exceeding hosts',
    (m) => (m.services[13].processes[1].replicas = 4),
    '$.services[13].processes[1].replicas',
    "process 'ceph-mgr' wants 4 replicas, but only 3 hosts have the role storage",
  ],
  [
    'operator host unknown',
    (m) => (m.operatorCluster.hosts[0] = 'ctl9'),
    '$.operatorCluster.hosts[0]',
    "host 'ctl9' is not in hosts",
  ],
  [
    'operator host twice',
    (m) => m.operatorCluster.hosts.push('ctl1'),
    '$.operatorCluster.hosts[7]',
    "host 'ctl1' is listed twice",
  ],
  [
    'control plane outside the cluster',
    (m) => (m.operatorCluster.controlPlane[2] = 'ceph1'),
    '$.operatorCluster.controlPlane[2]',
    "control-plane host 'ceph1' is not one of the cluster's hosts",
  ],
  [
    'flavor defined twice',
    (m) => m.flavors.push({ name: 'm1.small', vcpus: 1, ramMiB: 1, diskGiB: 1 }),
    '$.flavors[4].name',
    "flavor 'm1.small' is defined twice",
  ],
  [
    'flavor unknown',
    (m) => (m.projects[0].vms[0].flavor = 'm9.huge'),
    '$.projects[0].vms[0].flavor',
    "VM 'web-1' uses flavor 'm9.huge', which is not in flavors",
  ],
  [
    'VM on unknown host',
    (m) => (m.projects[0].vms[1].host = 'kvm9'),
    '$.projects[0].vms[1].host',
    "VM 'web-2' runs on host 'kvm9', which is not in hosts",
  ],
  [
    'VM on non-compute host',
    (m) => (m.projects[0].vms[1].host = 'ctl1'),
    '$.projects[0].vms[1].host',
    "VM 'web-2' runs on host 'ctl1', which is not a compute host",
  ],
  [
    'VMs without any compute host',
    (m) => {
      m.hosts = m.hosts.filter((h: Json) => !h.roles.includes('compute'));
      for (const p of m.projects) for (const vm of p.vms ?? []) delete vm.host;
      m.operatorCluster.hosts = ['ctl1', 'ctl2', 'ctl3'];
      m.services = m.services
        .map((s: Json) => ({
          ...s,
          processes: s.processes.filter(
            (p: Json) => ![p.role].flat().includes('compute') || [p.role].flat().length > 1,
          ),
        }))
        .filter((s: Json) => s.processes.length);
    },
    '$.hosts',
    'the model has VMs but no host with the role compute to run them',
  ],
  [
    'amphora unknown',
    (m) => (m.projects[1].loadBalancers[0].amphorae[0] = 'amphora-9'),
    '$.projects[1].loadBalancers[0].amphorae[0]',
    "amphora VM 'amphora-9' is not a VM of any project",
  ],
  [
    'volume attached to unknown VM',
    (m) => (m.projects[0].volumes[0].attachedTo = 'db-9'),
    '$.projects[0].volumes[0].attachedTo',
    "volume 'db-1-data' is attached to 'db-9', which is not a VM",
  ],
  [
    'volume attached to another project',
    (m) => (m.projects[0].volumes[0].attachedTo = 'prod-k8s-md-0'),
    '$.projects[0].volumes[0].attachedTo',
    "volume 'db-1-data' is attached to VM 'prod-k8s-md-0' of another project",
  ],
  [
    'cluster in unknown project',
    (m) => (m.tenantClusters[0].project = 'acme-nope'),
    '$.tenantClusters[0].project',
    "cluster 'prod-k8s' is in project 'acme-nope', which is not in projects",
  ],
  [
    'cluster node not a VM',
    (m) => (m.tenantClusters[0].workers[0] = 'kvm1'),
    '$.tenantClusters[0].workers[0]',
    "node 'kvm1' of cluster 'prod-k8s' is not a VM",
  ],
  [
    'cluster node of another project',
    (m) => (m.tenantClusters[0].controlPlane[0] = 'web-1'),
    '$.tenantClusters[0].controlPlane[0]',
    "node 'web-1' of cluster 'prod-k8s' is a VM of project 'acme-web', not of 'acme-platform'",
  ],
  [
    'VM in two clusters',
    (m) =>
      m.tenantClusters.push({
        id: 'other',
        project: 'acme-platform',
        tool: 'kubeadm',
        controlPlane: ['prod-k8s-cp-0'],
        workers: [],
      }),
    '$.tenantClusters[1].controlPlane[0]',
    "VM 'prod-k8s-cp-0' is already a node of cluster 'prod-k8s'",
  ],
  [
    'cluster load balancer unknown',
    (m) => (m.tenantClusters[0].loadBalancers[0] = 'lb-9'),
    '$.tenantClusters[0].loadBalancers[0]',
    "load balancer 'lb-9' used by cluster 'prod-k8s' is not in any project",
  ],
  [
    'cluster volume of another project',
    (m) => (m.tenantClusters[0].volumes[0] = 'db-1-data'),
    '$.tenantClusters[0].volumes[0]',
    "volume 'db-1-data' belongs to project 'acme-web', not to 'acme-platform'",
  ],
  [
    'workload load balancer unknown',
    (m) => (m.tenantClusters[0].workloads[0].loadBalancer = 'lb-9'),
    '$.tenantClusters[0].workloads[0].loadBalancer',
    /load balancer 'lb-9' used by cluster 'prod-k8s'/,
  ],
  [
    'workload volume unknown',
    (m) => (m.tenantClusters[0].workloads[2].volumes[1] = 'vol-9'),
    '$.tenantClusters[0].workloads[2].volumes[1]',
    /volume 'vol-9' used by cluster 'prod-k8s'/,
  ],
  [
    'duplicate workload id',
    (m) => (m.tenantClusters[0].workloads[1].id = 'web-1'),
    '$.tenantClusters[0].workloads[1].id',
    "workload id 'web-1' is already used at $.projects[0].vms[0].id",
  ],
  [
    'unknown version',
    (m) => (m.version = 3),
    '$.version',
    'unsupported model version 3: this Stacklayers reads version 1',
  ],
];

describe('integrity checks', () => {
  it.each(CASES)('%s', (_what, breakIt, path, message) => {
    const m = defaultJsonCopy();
    breakIt(m);
    const r = validateModel(m);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(r.issues)).toBeDefined();
    expect(issue?.message).toMatch(
      typeof message === 'string'
        ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : message,
    );
  });
});

describe('explicit process hosts', () => {
  it('place a process exactly, and are checked', async () => {
    const { deriveScene } = await import('../topology/deriveScene');
    const m = defaultJsonCopy();
    m.services[0].processes[0].hosts = ['ctl1', 'ctl3'];
    const r = validateModel(m);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(
        deriveScene(r.model, 'traditional')
          .elements.filter((e) => e.kind === 'service' && e.processId === 'keystone-api')
          .map((e) => e.runsOn),
      ).toEqual(['ctl1', 'ctl3']);
    m.services[0].processes[0].hosts = ['kvm1', 'nope'];
    const bad = validateModel(m);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual([
      '$.services[0].processes[0].hosts[0]',
      '$.services[0].processes[0].hosts[1]',
    ]);
  });
});
