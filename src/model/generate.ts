import type { Model } from './schema';

/** A small seeded PRNG (mulberry32): the same seed gives the same model everywhere. */
function seededRandom(seed: number): () => number {
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

/** How a generated cloud is organised: regions, availability zones and Nova cells (all 0: none). */
export interface GenerateShape {
  regions?: number;
  zones?: number;
  cells?: number;
}

/**
 * A synthetic but realistic cloud of about `elements` scene elements (hosts, service instances, VMs,
 * k8s nodes, pods...), deterministic for a seed. Proportions follow real clouds: 3 or 5 controllers,
 * roughly 1 storage host per 8 compute hosts, ~8 VMs per compute host, one tenant cluster per ~4 projects.
 */
export function generateModel(elements: number, seed = 1, shape: GenerateShape = {}): Model {
  if ((shape.regions ?? 0) > 0 || (shape.zones ?? 0) > 0 || (shape.cells ?? 0) > 0)
    return generateStructured(elements, seed, shape);
  const rnd = seededRandom(seed);
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
  services.push(computeAgents());
  if (storage > 0)
    services.push({
      id: 'ceph',
      kind: 'storage',
      processes: [
        { id: 'ceph-mon', role: 'storage', replicas: 3, quorum: true },
        { id: 'ceph-osd', role: 'storage' },
      ],
    });

  const { projects, tenantClusters } = generateTenants(rnd, computes * 7, (i) => `cmp${i + 1}`, computes);
  return {
    version: 1,
    name: `Generated cloud (${elements} elements, seed ${seed})`,
    hosts,
    services,
    flavors: FLAVORS,
    projects,
    tenantClusters,
  };
}

/** The agents on every compute host: nova-compute, libvirt and ovn-controller (also on network hosts). */
const computeAgents = (): Model['services'][number] => ({
  id: 'compute-agents',
  name: 'Compute agents',
  processes: [
    { id: 'nova-compute', role: 'compute', k8s: 'DaemonSet' },
    { id: 'libvirtd', name: 'libvirt', role: 'compute', k8s: 'DaemonSet' },
    { id: 'ovn-controller', role: ['compute', 'network'], k8s: 'DaemonSet' },
  ],
});

const FLAVORS = [
  { name: 'm1.small', vcpus: 1, ramMiB: 2048, diskGiB: 20 },
  { name: 'm1.medium', vcpus: 2, ramMiB: 4096, diskGiB: 40 },
  { name: 'm1.large', vcpus: 4, ramMiB: 8192, diskGiB: 80 },
];

/** Projects of 4 to 19 VMs (half of them placed on a named compute host), every fourth with a tenant cluster. */
function generateTenants(
  rnd: () => number,
  totalVms: number,
  computeId: (i: number) => string,
  computes: number,
): Pick<Model, 'projects' | 'tenantClusters'> & {
  projects: NonNullable<Model['projects']>[number][];
  tenantClusters: NonNullable<Model['tenantClusters']>[number][];
} {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const flavors = FLAVORS;
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
      ...(rnd() < 0.5 ? { host: computeId(Math.floor(rnd() * computes)) } : {}),
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

  return { projects, tenantClusters };
}

const REGION_NAMES = ['RegionOne', 'RegionTwo', 'RegionThree', 'RegionFour', 'RegionFive'];
/** Hosts per rack in a generated cloud. */
const RACK = 20;

/** Regions, availability zones and cells, each zone in a region and each cell in a zone, spread evenly. */
function structureOf(shape: GenerateShape) {
  const regionCount = Math.max(1, shape.regions ?? 1);
  const zoneCount = Math.max(regionCount, shape.zones ?? regionCount);
  const cellCount = Math.max(zoneCount, shape.cells ?? zoneCount);
  const regions = Array.from({ length: regionCount }, (_, i) => ({
    id: REGION_NAMES[i] ?? `Region${i + 1}`,
  }));
  const zones = Array.from({ length: zoneCount }, (_, i) => ({
    id: `az${i + 1}`,
    region: (regions[Math.floor((i * regionCount) / zoneCount)] as { id: string }).id,
  }));
  const cells = Array.from({ length: cellCount }, (_, i) => {
    const zone = zones[Math.floor((i * zoneCount) / cellCount)] as { id: string; region: string };
    return { id: `cell${i + 1}`, region: zone.region, zone: zone.id };
  });
  return { regions, zones, cells };
}

type Structure = ReturnType<typeof structureOf>;
type HostSpec = Model['hosts'][number];
type ServiceSpec = Model['services'][number];

/**
 * A cloud organised as big clouds are: regions (one Keystone, each region its own API-level services and
 * database), availability zones in each region, and Nova cells v2 in each zone, each cell with its own
 * database, message queue and conductor on three cell controllers, managing its compute hosts; racks of 20
 * hosts; per region a Ceph cluster, Ironic and a few bare-metal nodes given whole to instances.
 */
function generateStructured(elements: number, seed: number, shape: GenerateShape): Model {
  const rnd = seededRandom(seed);
  const structure = structureOf(shape);
  const { regions, zones, cells } = structure;
  const [regionCount, zoneCount, cellCount] = [regions.length, zones.length, cells.length];
  // Per compute host ~16 elements (see generateModel); cell controllers and their processes are extra.
  const computes = Math.max(cellCount, Math.round((elements - cellCount * 12) / 16));
  const hosts: HostSpec[] = [];
  const services: ServiceSpec[] = [];
  const controllersOf = regionControllers(structure, hosts);
  const computeIds = computeHosts(structure, computes, hosts);
  cellControllers(structure, hosts, services);
  const bmNodes = storageAndBareMetal(structure, computes, hosts);
  apiServices(structure, controllersOf, hosts, services);
  services.push(computeAgents());

  const { projects, tenantClusters } = generateTenants(
    rnd,
    computes * 7,
    (i) => computeIds[i] as string,
    computeIds.length,
  );
  // Bare-metal instances: each Ironic node given whole to one instance of a project.
  projects.push({
    id: 'baremetal-hpc',
    name: 'hpc (bare metal)',
    vms: bmNodes.map((host, i) => ({ id: `hpc-node${i + 1}`, flavor: 'baremetal.general', host })),
  });
  return {
    version: 1,
    name: `Generated cloud (${elements} elements, seed ${seed}, ${regionCount} regions, ${zoneCount} zones, ${cellCount} cells)`,
    regions,
    availabilityZones: zones,
    cells: cells.map(({ id, region }) => ({ id, region })),
    hosts,
    services,
    flavors: [...FLAVORS, { name: 'baremetal.general', vcpus: 64, ramMiB: 524288, diskGiB: 960 }],
    projects,
    tenantClusters,
  };
}

/** Three controllers (also network hosts) per region. */
function regionControllers({ regions }: Structure, hosts: HostSpec[]): Map<string, string[]> {
  const controllersOf = new Map<string, string[]>();
  for (const r of regions) {
    const ids = [1, 2, 3].map((n) => `${r.id.toLowerCase()}-ctl${n}`);
    controllersOf.set(r.id, ids);
    ids.forEach((id, n) => {
      hosts.push({
        id,
        region: r.id,
        rack: `${r.id}-control-${n + 1}`,
        roles: ['controller', 'network'],
        capacity: { cores: 32, ramGiB: 256 },
      });
    });
  }
  return controllersOf;
}

/** Compute hosts, spread evenly over the cells; racks numbered across the cloud. */
function computeHosts({ cells }: Structure, computes: number, hosts: HostSpec[]): string[] {
  const cellCount = cells.length;
  const computeIds: string[] = [];
  let rack = 0;
  cells.forEach((c, ci) => {
    const n = Math.floor(computes / cellCount) + (ci < computes % cellCount ? 1 : 0);
    for (let k = 0; k < n; k++) {
      if (k % RACK === 0) rack++;
      const id = `${c.id}-cmp${k + 1}`;
      computeIds.push(id);
      hosts.push({
        id,
        zone: c.zone,
        cell: c.id,
        rack: `rack${rack}`,
        roles: ['compute'],
        capacity: { cores: 64, ramGiB: 512 },
      });
    }
  });
  return computeIds;
}

/** Each cell: its own database, message queue and conductor on three cell controllers. */
function cellControllers({ cells }: Structure, hosts: HostSpec[], services: ServiceSpec[]): void {
  for (const c of cells) {
    const ctl = [1, 2, 3].map((n) => `${c.id}-ctl${n}`);
    ctl.forEach((id) => {
      hosts.push({
        id,
        zone: c.zone,
        cell: c.id,
        rack: `${c.id}-control`,
        roles: ['controller'],
        capacity: { cores: 32, ramGiB: 256 },
      });
    });
    services.push({
      id: `nova-${c.id}`,
      name: `Nova ${c.id}`,
      description: `Cell ${c.id}: its own database, message queue and conductor; it manages the instances of its compute hosts.`,
      docs: 'https://docs.openstack.org/nova/latest/admin/cells.html',
      processes: [
        { id: `nova-conductor.${c.id}`, name: 'nova-conductor', role: 'controller', hosts: ctl, cell: c.id },
        {
          id: `mariadb.${c.id}`,
          name: 'mariadb',
          role: 'controller',
          hosts: ctl,
          cell: c.id,
          quorum: true,
          k8s: 'StatefulSet',
          description: `The database of ${c.id} (nova_${c.id.replace(/\W/g, '_')}): Galera, a majority of 3.`,
        },
        {
          id: `rabbitmq.${c.id}`,
          name: 'rabbitmq',
          role: 'controller',
          hosts: ctl,
          cell: c.id,
          quorum: true,
          k8s: 'StatefulSet',
          description: `The message queue of ${c.id}: quorum queues, a majority of 3.`,
        },
      ],
    });
  }
}

/** Per region: Ceph and a few Ironic nodes in the region's first cell. Returns the bare-metal nodes. */
function storageAndBareMetal({ regions, cells }: Structure, computes: number, hosts: HostSpec[]): string[] {
  const regionCount = regions.length;
  const storage = Math.max(3, Math.round(computes / 16 / regionCount));
  const baremetal = Math.max(2, Math.round(computes / 100 / regionCount));
  const bmNodes: string[] = [];
  for (const r of regions) {
    const ids = Array.from({ length: storage }, (_, k) => `${r.id.toLowerCase()}-stor${k + 1}`);
    ids.forEach((id, k) => {
      hosts.push({
        id,
        region: r.id,
        rack: `${r.id}-storage-${Math.floor(k / RACK) + 1}`,
        roles: ['storage'],
        capacity: { cores: 16, ramGiB: 128 },
      });
    });
    const cell = cells.find((c) => c.region === r.id) as { id: string; zone: string };
    for (let k = 0; k < baremetal; k++) {
      const id = `${r.id.toLowerCase()}-bm${k + 1}`;
      bmNodes.push(id);
      hosts.push({
        id,
        zone: cell.zone,
        cell: cell.id,
        rack: `${cell.id}-baremetal`,
        roles: ['baremetal'],
        ironic: { provisionState: 'active', powerState: 'power on', resourceClass: 'baremetal.general' },
        capacity: { cores: 64, ramGiB: 512 },
      });
    }
  }

  return bmNodes;
}

/** API-level services: Keystone for the whole cloud (in the first region), the rest per region. */
function apiServices(
  { regions }: Structure,
  controllersOf: ReadonlyMap<string, string[]>,
  hosts: readonly HostSpec[],
  services: ServiceSpec[],
): void {
  const regionCount = regions.length;
  const first = controllersOf.get(regions[0]?.id ?? '') ?? [];
  services.push({
    id: 'keystone',
    processes: [{ id: 'keystone-api', role: 'controller', hosts: first }],
    description: 'One Keystone for every region: its catalog lists each region’s endpoints.',
  });
  for (const r of regions) {
    const ctl = controllersOf.get(r.id) ?? [];
    const at = (
      id: string,
      name: string,
      extra: Partial<Model['services'][number]['processes'][number]> = {},
    ) => ({
      id: regionCount > 1 ? `${id}.${r.id}` : id,
      name,
      role: 'controller' as const,
      hosts: ctl,
      ...extra,
    });
    const sid = (id: string) => (regionCount > 1 ? `${id}-${r.id}` : id);
    services.push(
      {
        id: sid('nova'),
        name: 'nova',
        description: `The API level of ${r.id}'s Nova: the API, the scheduler and the super conductor over its cells, and the API database (cell0's too).`,
        processes: [
          at('nova-api', 'nova-api'),
          at('nova-scheduler', 'nova-scheduler'),
          at('nova-conductor', 'nova-conductor (super)'),
        ],
      },
      { id: sid('placement'), name: 'placement', processes: [at('placement-api', 'placement-api')] },
      { id: sid('glance'), name: 'glance', processes: [at('glance-api', 'glance-api')] },
      { id: sid('neutron'), name: 'neutron', processes: [at('neutron-server', 'neutron-server')] },
      {
        id: sid('ironic'),
        name: 'ironic',
        processes: [at('ironic-api', 'ironic-api'), at('ironic-conductor', 'ironic-conductor')],
      },
      {
        id: sid('mariadb'),
        name: 'mariadb',
        kind: 'infrastructure',
        processes: [at('mariadb', 'mariadb', { quorum: true, k8s: 'StatefulSet' })],
        description: `${r.id}'s API database (nova_api, placement, glance, neutron...).`,
      },
      {
        id: sid('rabbitmq'),
        name: 'rabbitmq',
        kind: 'infrastructure',
        processes: [at('rabbitmq', 'rabbitmq', { quorum: true, k8s: 'StatefulSet' })],
      },
      {
        id: sid('ceph'),
        name: 'ceph',
        kind: 'storage',
        processes: [
          {
            id: regionCount > 1 ? `ceph-mon.${r.id}` : 'ceph-mon',
            name: 'ceph-mon',
            role: 'storage',
            hosts: hosts
              .filter((h) => h.region === r.id && h.roles.includes('storage'))
              .slice(0, 3)
              .map((h) => h.id),
            quorum: true,
          },
          {
            id: regionCount > 1 ? `ceph-osd.${r.id}` : 'ceph-osd',
            name: 'ceph-osd',
            role: 'storage',
            hosts: hosts.filter((h) => h.region === r.id && h.roles.includes('storage')).map((h) => h.id),
          },
        ],
      },
    );
  }
}
