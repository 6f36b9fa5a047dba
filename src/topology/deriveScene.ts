import { displayName, hostsForRole, roleList } from '../model/access';
import type { Host, Model, Process, Service, View, WorkloadKind } from '../model/schema';
import type {
  HostElement,
  K8sNodeElement,
  OperatorClusterElement,
  Place,
  Relation,
  Scene,
  SceneElement,
  ServiceCategory,
  VmElement,
} from './scene';
import { viewFlags } from './views';

/** Id of a process instance on a host: the same whether it is a container or a pod. */
const serviceInstanceId = (processId: string, hostId: string) => `${processId}@${hostId}`;
/** Id of the k8s node that a host (operator) or VM (tenant) is. */
const k8sNodeId = (clusterId: string, machineId: string) => `${clusterId}/${machineId}`;
/** Id of the i-th pod of a tenant workload. */
const podId = (workloadId: string, index: number) => `${workloadId}#${index}`;

/** The operator cluster the k8s views use: the model's, or one derived from the hosts. */
export interface ResolvedOperatorCluster {
  id: string;
  name: string;
  tool: string;
  distribution?: string | undefined;
  namespace: string;
  hosts: readonly string[];
  controlPlane: readonly string[];
  derived: boolean;
  description?: string | undefined;
  docs?: string | undefined;
}

/**
 * The operator's Kubernetes for the k8s views. A model without one gets a sensible derived cluster:
 * every controller, network and compute host joins (storage-only hosts keep their storage outside it, and
 * bare-metal nodes belong to tenants),
 * and an odd number (up to 3) of controllers form its control plane.
 */
export function resolveOperatorCluster(model: Model): ResolvedOperatorCluster {
  const oc = model.operatorCluster;
  const hostById = new Map(model.hosts.map((h) => [h.id, h]));
  const controllers = (ids: readonly string[]) =>
    ids.filter((id) => hostById.get(id)?.roles.includes('controller'));
  if (oc) {
    let controlPlane = oc.controlPlane ?? controllers(oc.hosts).slice(0, 3);
    if (controlPlane.length === 0) controlPlane = oc.hosts.slice(0, 1);
    return {
      id: oc.id,
      name: displayName(oc),
      tool: oc.tool,
      distribution: oc.distribution,
      namespace: oc.namespace ?? 'openstack',
      hosts: oc.hosts,
      controlPlane,
      derived: false,
      description: oc.description,
      docs: oc.docs,
    };
  }
  const hosts = model.hosts
    .filter((h) => h.roles.some((r) => r !== 'storage' && r !== 'baremetal'))
    .map((h) => h.id);
  const ctl = controllers(hosts);
  const cpCount = Math.min(3, ctl.length) === 2 ? 1 : Math.min(3, ctl.length);
  const controlPlane = cpCount > 0 ? ctl.slice(0, cpCount) : hosts.slice(0, 1);
  const taken = new Set(allModelIds(model));
  let id = 'operator-k8s';
  for (let i = 2; taken.has(id); i++) id = `operator-k8s-${i}`;
  return {
    id,
    name: 'operator k8s',
    tool: 'openstack-helm',
    namespace: 'openstack',
    hosts,
    controlPlane,
    derived: true,
    description:
      'Derived by Stacklayers: the model describes no operator cluster, so its controller, network and compute hosts are shown joining one, as openstack-helm would need.',
    docs: 'https://docs.openstack.org/openstack-helm/latest/',
  };
}

function* allModelIds(model: Model): Generator<string> {
  for (const h of model.hosts) yield h.id;
  for (const s of model.services) for (const p of s.processes) yield p.id;
  for (const p of model.projects ?? []) {
    yield p.id;
    for (const x of [
      ...(p.vms ?? []),
      ...(p.networks ?? []),
      ...(p.loadBalancers ?? []),
      ...(p.volumes ?? []),
    ])
      yield x.id;
  }
  for (const c of model.tenantClusters ?? []) {
    yield c.id;
    for (const w of c.workloads ?? []) yield w.id;
  }
}

type HostPlace = Pick<HostElement, 'region' | 'zone' | 'cell' | 'aggregates' | 'baremetal'>;

/**
 * Where each host sits in the cloud's structure: its region (its own, else its zone's, else its cell's), zone,
 * cell, aggregates, and for an Ironic node its details. Only the keys that have a value are set.
 */
function hostPlaces(model: Model): Map<string, HostPlace> {
  const zoneRegion = new Map((model.availabilityZones ?? []).map((z) => [z.id, z.region]));
  const cellRegion = new Map((model.cells ?? []).map((c) => [c.id, c.region]));
  const aggregatesOf = new Map<string, string[]>();
  for (const a of model.aggregates ?? [])
    for (const h of a.hosts) {
      const list = aggregatesOf.get(h);
      if (list) list.push(a.id);
      else aggregatesOf.set(h, [a.id]);
    }
  const out = new Map<string, HostPlace>();
  for (const h of model.hosts) {
    const region =
      h.region ??
      (h.zone !== undefined ? zoneRegion.get(h.zone) : undefined) ??
      (h.cell !== undefined ? cellRegion.get(h.cell) : undefined);
    const p: HostPlace = {};
    if (region !== undefined) p.region = region;
    if (h.zone !== undefined) p.zone = h.zone;
    if (h.cell !== undefined) p.cell = h.cell;
    const aggregates = aggregatesOf.get(h.id);
    if (aggregates) p.aggregates = aggregates;
    if (h.roles.includes('baremetal')) p.baremetal = { ...h.ironic };
    out.set(h.id, p);
  }
  return out;
}

/** FNV-1a: a small stable hash, so placement does not depend on anything but the model. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hosts a process runs on: its `hosts`, else all hosts of its role, or `replicas` of them spread deterministically. */
function placeProcess(model: Model, process: Process): Host[] {
  const candidates = hostsForRole(model, process.role);
  if (process.hosts) {
    const wanted = new Set(process.hosts);
    return candidates.filter((h) => wanted.has(h.id));
  }
  const n = process.replicas;
  if (n === undefined || n >= candidates.length) return candidates;
  const start = hash(process.id) % candidates.length;
  const chosen = new Set<number>();
  for (let i = 0; i < n; i++) chosen.add((start + i) % candidates.length);
  return candidates.filter((_, i) => chosen.has(i));
}

/** The Kubernetes workload kind a process becomes on the operator's cluster. */
function processWorkloadKind(process: Process): WorkloadKind {
  if (process.k8s) return process.k8s;
  return roleList(process.role).every((r) => r === 'compute' || r === 'network') ? 'DaemonSet' : 'Deployment';
}

function serviceCategory(service: Service, process: Process): ServiceCategory {
  if (service.kind === 'storage') return 'storage';
  if (roleList(process.role).includes('compute')) return 'data-plane';
  if (service.kind === 'infrastructure') return 'infrastructure';
  return 'control-plane';
}

/**
 * Which compute host each VM runs on: the model's choice, or, for VMs without one, the least loaded
 * compute host (by vCPUs, then by model order), in model order. Deterministic for a given model.
 */
export function placeVms(model: Model): Map<string, { host: string; placement: 'model' | 'derived' }> {
  const compute = model.hosts.filter((h) => h.roles.includes('compute')).map((h) => h.id);
  const vcpus = new Map((model.flavors ?? []).map((f) => [f.name, f.vcpus]));
  const load = new Map(compute.map((h) => [h, 0]));
  const out = new Map<string, { host: string; placement: 'model' | 'derived' }>();
  const pending: { id: string; cost: number }[] = [];
  for (const p of model.projects ?? []) {
    for (const vm of p.vms ?? []) {
      const cost = vcpus.get(vm.flavor) ?? 1;
      if (vm.host !== undefined) {
        out.set(vm.id, { host: vm.host, placement: 'model' });
        load.set(vm.host, (load.get(vm.host) ?? 0) + cost);
      } else pending.push({ id: vm.id, cost });
    }
  }
  // Least-loaded compute host first, ties to the earlier host in model order: a binary min-heap on
  // (load, order) gives the same choice as scanning every host for every VM, in O(n log hosts).
  const heap = [...new Set(compute)].map((host, order) => ({ host, order, load: load.get(host) ?? 0 }));
  const before = (a: HeapEntry, b: HeapEntry) => a.load < b.load || (a.load === b.load && a.order < b.order);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, before);
  for (const vm of pending) {
    const top = heap[0];
    if (top === undefined) break;
    out.set(vm.id, { host: top.host, placement: 'derived' });
    top.load += vm.cost;
    siftDown(heap, 0, before);
  }
  return out;
}

interface HeapEntry {
  host: string;
  order: number;
  load: number;
}

function siftDown(heap: HeapEntry[], start: number, before: (a: HeapEntry, b: HeapEntry) => boolean): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && before(heap[l] as HeapEntry, heap[m] as HeapEntry)) m = l;
    if (r < heap.length && before(heap[r] as HeapEntry, heap[m] as HeapEntry)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m] as HeapEntry, heap[i] as HeapEntry];
    i = m;
  }
}

/**
 * What runs on what in one view. The model holds the facts; the view only decides what is installed:
 * the operator's Kubernetes below OpenStack, and Kubernetes on a tenant's VMs. Every element keeps its
 * id in every view in which it exists.
 */
export function deriveScene(model: Model, view: View): Scene {
  const flags = viewFlags(view);
  const elements: SceneElement[] = [];
  const relations: Relation[] = [];
  const runsOn = (from: string, to: string) =>
    relations.push({ id: `${from}>${to}`, kind: 'runs-on', from, to });

  const oc = resolveOperatorCluster(model);
  const members = new Set(oc.hosts);
  const cpNodes = new Set(oc.controlPlane);

  // Hardware, with each host's place in the cloud's structure.
  const place = hostPlaces(model);
  for (const h of model.hosts) {
    const host: HostElement = {
      id: h.id,
      kind: 'host',
      name: displayName(h),
      layer: 'hardware',
      owner: 'operator',
      description: h.description,
      docs: h.docs,
      roles: h.roles,
      rack: h.rack,
      capacity: h.capacity,
      operatorMember: members.has(h.id),
      ...place.get(h.id),
      gateway: h.gateway,
    };
    elements.push(host);
  }

  // The operator's Kubernetes, below OpenStack.
  if (flags.controlPlaneOnK8s) {
    const cluster: OperatorClusterElement = {
      id: oc.id,
      kind: 'operator-cluster',
      name: oc.name,
      layer: 'operator-k8s',
      owner: 'operator',
      description:
        oc.description ??
        `The operator's Kubernetes cluster that runs the OpenStack control plane (${oc.tool}).`,
      docs: oc.docs,
      tool: oc.tool,
      distribution: oc.distribution,
      namespace: oc.namespace,
      derived: oc.derived,
      hosts: oc.hosts,
      controlPlane: oc.controlPlane,
    };
    elements.push(cluster);
    for (const hostId of oc.hosts) {
      const node: K8sNodeElement = {
        id: k8sNodeId(oc.id, hostId),
        kind: 'k8s-node',
        name: hostId,
        layer: 'operator-k8s',
        owner: 'operator',
        description: cpNodes.has(hostId)
          ? `Host ${hostId} as a control-plane node of the operator's cluster (API server, etcd); it also runs OpenStack pods.`
          : `Host ${hostId} as a worker node of the operator's cluster: it runs the DaemonSet pods for this host.`,
        cluster: oc.id,
        clusterKind: 'operator',
        nodeRole: cpNodes.has(hostId) ? 'control-plane' : 'worker',
        machine: hostId,
        runsOn: hostId,
      };
      elements.push(node);
      runsOn(node.id, hostId);
    }
  }

  // OpenStack services on their hosts: containers or processes, or pods on the operator's nodes.
  const form = model.deployment?.form === 'processes' ? 'process' : 'container';
  for (const s of model.services) {
    for (const p of s.processes) {
      const hosts = placeProcess(model, p);
      const workloadKind = processWorkloadKind(p);
      for (const h of hosts) {
        const asPod = flags.controlPlaneOnK8s && members.has(h.id);
        const id = serviceInstanceId(p.id, h.id);
        const on = asPod ? k8sNodeId(oc.id, h.id) : h.id;
        elements.push({
          id,
          kind: 'service',
          name: displayName(p),
          layer: 'openstack',
          owner: 'operator',
          description: p.description ?? s.description,
          docs: p.docs ?? s.docs,
          serviceId: s.id,
          serviceName: displayName(s),
          processId: p.id,
          category: serviceCategory(s, p),
          form: asPod ? 'pod' : form,
          workloadKind: asPod ? workloadKind : undefined,
          host: h.id,
          quorum: p.quorum ?? false,
          replicas: hosts.length,
          cell: p.cell,
          failure: p.failure,
          runsOn: on,
        });
        runsOn(id, on);
      }
    }
  }

  // Tenant projects and their resources.
  const placement = placeVms(model);
  const flavors = new Map((model.flavors ?? []).map((f) => [f.name, f]));
  const clusterOfVm = new Map<string, string>();
  for (const c of model.tenantClusters ?? [])
    for (const vm of [...c.controlPlane, ...c.workers]) clusterOfVm.set(vm, c.id);
  const amphoraOf = new Map<string, string[]>();
  for (const p of model.projects ?? [])
    for (const lb of p.loadBalancers ?? [])
      for (const vm of lb.amphorae ?? []) {
        const list = amphoraOf.get(vm);
        if (list) list.push(lb.id);
        else amphoraOf.set(vm, [lb.id]);
      }

  for (const p of model.projects ?? []) {
    const owner = p.owner ?? 'tenant';
    elements.push({
      id: p.id,
      kind: 'project',
      name: displayName(p),
      layer: 'tenant-vms',
      owner,
      description: p.description,
    });
    for (const n of p.networks ?? []) {
      elements.push({
        id: n.id,
        kind: 'network',
        name: displayName(n),
        layer: 'tenant-vms',
        owner,
        description: n.description,
        project: p.id,
        cidr: n.cidr,
        router: n.router ?? false,
        floatingIps: n.floatingIps ?? 0,
      });
    }
    for (const v of p.vms ?? []) {
      const at = placement.get(v.id);
      if (!at) continue; // no compute host at all: validation reports it
      const flavor = flavors.get(v.flavor);
      const vm: VmElement = {
        id: v.id,
        kind: 'vm',
        name: displayName(v),
        layer: 'tenant-vms',
        owner,
        description: v.description,
        docs: v.docs,
        project: p.id,
        flavor: v.flavor,
        vcpus: flavor?.vcpus,
        ramMiB: flavor?.ramMiB,
        image: v.image,
        host: at.host,
        placement: at.placement,
        cluster: clusterOfVm.get(v.id),
        amphoraOf: amphoraOf.get(v.id) ?? [],
        baremetal: place.get(at.host)?.baremetal !== undefined,
        cell: place.get(at.host)?.cell,
        runsOn: at.host,
      };
      elements.push(vm);
      runsOn(vm.id, at.host);
      for (const lb of vm.amphoraOf)
        relations.push({ id: `${vm.id}>${lb}`, kind: 'implements', from: vm.id, to: lb });
    }
    for (const lb of p.loadBalancers ?? []) {
      elements.push({
        id: lb.id,
        kind: 'load-balancer',
        name: displayName(lb),
        layer: 'tenant-vms',
        owner,
        description: lb.description,
        project: p.id,
        floatingIp: lb.floatingIp ?? false,
        amphorae: lb.amphorae ?? [],
      });
    }
    for (const vol of p.volumes ?? []) {
      elements.push({
        id: vol.id,
        kind: 'volume',
        name: displayName(vol),
        layer: 'tenant-vms',
        owner,
        description: vol.description,
        project: p.id,
        sizeGiB: vol.sizeGiB,
        attachedTo: vol.attachedTo,
      });
      if (vol.attachedTo !== undefined)
        relations.push({
          id: `${vol.id}>${vol.attachedTo}`,
          kind: 'attached-to',
          from: vol.id,
          to: vol.attachedTo,
        });
    }
  }

  // Kubernetes in tenant projects, on VMs.
  if (flags.k8sInTenant) {
    const volumeAttachment = new Map<string, string>();
    for (const p of model.projects ?? [])
      for (const v of p.volumes ?? [])
        if (v.attachedTo !== undefined) volumeAttachment.set(v.id, v.attachedTo);
    for (const c of model.tenantClusters ?? []) {
      elements.push({
        id: c.id,
        kind: 'tenant-cluster',
        name: displayName(c),
        layer: 'tenant-k8s',
        owner: 'tenant',
        description: c.description,
        docs: c.docs,
        project: c.project,
        tool: c.tool,
        kubernetesVersion: c.kubernetesVersion,
        controlPlane: c.controlPlane,
        workers: c.workers,
        loadBalancers: c.loadBalancers ?? [],
        volumes: c.volumes ?? [],
        apiLoadBalancer: c.apiLoadBalancer,
        managedBy: c.managedBy,
      });
      for (const ref of [...(c.loadBalancers ?? []), ...(c.volumes ?? [])])
        relations.push({ id: `${c.id}>${ref}`, kind: 'uses', from: c.id, to: ref });
      const nodeOf = (vm: string, role: 'control-plane' | 'worker'): K8sNodeElement => ({
        id: k8sNodeId(c.id, vm),
        kind: 'k8s-node',
        name: vm,
        layer: 'tenant-k8s',
        owner: 'tenant',
        description:
          role === 'control-plane'
            ? `VM ${vm} as a control-plane node of ${displayName(c)} (API server, etcd).`
            : `VM ${vm} as a worker node of ${displayName(c)}.`,
        cluster: c.id,
        clusterKind: 'tenant',
        nodeRole: role,
        machine: vm,
        runsOn: vm,
      });
      const nodes = [
        ...c.controlPlane.map((vm) => nodeOf(vm, 'control-plane')),
        ...c.workers.map((vm) => nodeOf(vm, 'worker')),
      ];
      for (const n of nodes) {
        elements.push(n);
        runsOn(n.id, n.machine);
      }
      const schedulable = c.workers.length > 0 ? nodes.filter((n) => n.nodeRole === 'worker') : nodes;
      const nodeOfVm = new Map(schedulable.map((n) => [n.machine, n]));
      let next = 0;
      for (const w of c.workloads ?? []) {
        const count = w.kind === 'DaemonSet' ? schedulable.length : (w.replicas ?? 1);
        for (let i = 0; i < count; i++) {
          // A pod with a volume runs where the volume is attached (a Cinder volume attaches to one VM).
          const volume = w.volumes?.[i];
          const attached =
            volume !== undefined ? nodeOfVm.get(volumeAttachment.get(volume) ?? '') : undefined;
          const node =
            w.kind === 'DaemonSet' ? schedulable[i] : (attached ?? schedulable[next++ % schedulable.length]);
          if (!node) break;
          const id = podId(w.id, i);
          elements.push({
            id,
            kind: 'pod',
            name: `${displayName(w)}-${i}`,
            layer: 'tenant-k8s',
            owner: 'tenant',
            description: w.description,
            cluster: c.id,
            workload: w.id,
            workloadKind: w.kind,
            runsOn: node.id,
          });
          runsOn(id, node.id);
        }
        if (w.loadBalancer !== undefined)
          relations.push({ id: `${c.id}>${w.loadBalancer}`, kind: 'uses', from: c.id, to: w.loadBalancer });
      }
    }
  }

  const byId = new Map<string, SceneElement>();
  for (const el of elements) byId.set(el.id, el);
  const places = placesOf(model);
  return {
    ...(places.length > 0 ? { places } : {}),
    view,
    flags,
    title: model.name ?? 'Untitled cloud',
    deployment: {
      tool: model.deployment?.tool ?? 'kolla-ansible',
      form: model.deployment?.form ?? 'containers',
    },
    elements,
    byId,
    relations: dedupe(relations),
  };
}

function placesOf(model: Model): Place[] {
  const out: Place[] = [];
  for (const r of model.regions ?? [])
    out.push({ level: 'region', id: r.id, name: displayName(r), description: r.description });
  for (const z of model.availabilityZones ?? [])
    out.push({ level: 'zone', id: z.id, name: displayName(z), description: z.description, region: z.region });
  for (const c of model.cells ?? [])
    out.push({ level: 'cell', id: c.id, name: displayName(c), description: c.description, region: c.region });
  return out;
}

function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}
