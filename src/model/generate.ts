import type { Model } from './schema';

/** A small seeded PRNG (mulberry32): the same seed gives the same model everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Control-plane processes of a generated cloud: [service, processes, kind]. */
const CONTROL: readonly [string, readonly string[], 'openstack' | 'infrastructure'][] = [
  ['keystone', ['keystone-api'], 'openstack'],
  ['nova', ['nova-api', 'nova-scheduler', 'nova-conductor', 'nova-novncproxy'], 'openstack'],
  ['placement', ['placement-api'], 'openstack'],
  ['glance', ['glance-api'], 'openstack'],
  ['neutron', ['neutron-server'], 'openstack'],
  ['cinder', ['cinder-api', 'cinder-scheduler', 'cinder-volume'], 'openstack'],
  ['horizon', ['horizon'], 'openstack'],
  ['mariadb', ['mariadb'], 'infrastructure'],
  ['rabbitmq', ['rabbitmq'], 'infrastructure'],
  ['memcached', ['memcached'], 'infrastructure'],
];

/**
 * A synthetic but realistic cloud of about `elements` scene elements (hosts, service instances, VMs,
 * k8s nodes, pods...), deterministic for a seed. Proportions follow real clouds: 3 or 5 controllers,
 * roughly 1 storage host per 8 compute hosts, ~8 VMs per compute host, one tenant cluster per ~4 projects.
 */
export function generateModel(elements: number, seed = 1): Model {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  // Per compute host the scene gains ~5 agents + ~8 VMs + ~3 tenant k8s elements: ~16 elements.
  const computes = Math.max(1, Math.round(elements / 16));
  const controllers = computes > 60 ? 5 : computes > 1 ? 3 : 1;
  const storage = computes >= 4 ? Math.max(3, Math.round(computes / 8)) : 0;

  const hosts: Model['hosts'][number][] = [];
  const rack = (i: number) => `r${Math.floor(i / 20) + 1}`;
  for (let i = 0; i < controllers; i++)
    hosts.push({
      id: `ctl${i + 1}`,
      rack: `r${(i % 3) + 1}`,
      roles: ['controller', 'network'],
      capacity: { cores: 32, ramGiB: 256 },
    });
  for (let i = 0; i < computes; i++)
    hosts.push({
      id: `cmp${i + 1}`,
      rack: rack(i),
      roles: ['compute'],
      capacity: { cores: 64, ramGiB: 512 },
    });
  for (let i = 0; i < storage; i++)
    hosts.push({
      id: `stor${i + 1}`,
      rack: rack(i * 8),
      roles: ['storage'],
      capacity: { cores: 16, ramGiB: 128 },
    });

  const services: Model['services'][number][] = CONTROL.map(([id, procs, kind]) => ({
    id,
    kind,
    processes: procs.map((p) => ({
      id: p,
      role: 'controller' as const,
      ...(kind === 'infrastructure' ? { k8s: 'StatefulSet' as const, quorum: p !== 'memcached' } : {}),
    })),
  }));
  services.push({
    id: 'compute-agents',
    name: 'Compute agents',
    processes: [
      { id: 'nova-compute', role: 'compute', k8s: 'DaemonSet' },
      { id: 'libvirtd', name: 'libvirt', role: 'compute', k8s: 'DaemonSet' },
      { id: 'ovn-controller', role: ['compute', 'network'], k8s: 'DaemonSet' },
    ],
  });
  if (storage > 0)
    services.push({
      id: 'ceph',
      kind: 'storage',
      processes: [
        { id: 'ceph-mon', role: 'storage', replicas: 3, quorum: true },
        { id: 'ceph-osd', role: 'storage' },
      ],
    });

  const flavors = [
    { name: 'm1.small', vcpus: 1, ramMiB: 2048, diskGiB: 20 },
    { name: 'm1.medium', vcpus: 2, ramMiB: 4096, diskGiB: 40 },
    { name: 'm1.large', vcpus: 4, ramMiB: 8192, diskGiB: 80 },
  ];
  const totalVms = computes * 7;
  const projectCount = Math.max(1, Math.round(totalVms / 12));
  const projects: NonNullable<Model['projects']>[number][] = [];
  const tenantClusters: NonNullable<Model['tenantClusters']>[number][] = [];
  let vmLeft = totalVms;
  for (let p = 0; p < projectCount && vmLeft > 0; p++) {
    const id = `proj${p + 1}`;
    const count = p === projectCount - 1 ? vmLeft : Math.min(vmLeft, 4 + Math.floor(rnd() * 16));
    vmLeft -= count;
    const vms = Array.from({ length: count }, (_, i) => ({
      id: `${id}-vm${i + 1}`,
      flavor: pick(flavors).name,
      ...(rnd() < 0.5 ? { host: `cmp${1 + Math.floor(rnd() * computes)}` } : {}),
    }));
    const volumes = vms
      .filter(() => rnd() < 0.2)
      .map((vm, i) => ({
        id: `${id}-vol${i + 1}`,
        sizeGiB: 10 * (1 + Math.floor(rnd() * 10)),
        attachedTo: vm.id,
      }));
    projects.push({
      id,
      networks: [{ id: `${id}-net`, cidr: `10.${p % 250}.0.0/24`, router: true, floatingIps: 1 }],
      vms,
      volumes,
    });
    // Every fourth project with at least 4 VMs runs a tenant cluster on its first VMs.
    if (p % 4 === 0 && count >= 4) {
      const cp = count >= 8 ? 3 : 1;
      const workers = Math.min(count - cp, 3 + Math.floor(rnd() * 8));
      tenantClusters.push({
        id: `${id}-k8s`,
        project: id,
        tool: rnd() < 0.5 ? 'cluster-api' : 'magnum',
        controlPlane: vms.slice(0, cp).map((v) => v.id),
        workers: vms.slice(cp, cp + workers).map((v) => v.id),
        workloads: [
          { id: `${id}-web`, kind: 'Deployment', replicas: 2 + Math.floor(rnd() * 4) },
          { id: `${id}-agent`, kind: 'DaemonSet' },
        ],
      });
    }
  }

  return {
    version: 1,
    name: `Generated cloud (${elements} elements, seed ${seed})`,
    hosts,
    services,
    flavors,
    projects,
    tenantClusters,
  };
}
