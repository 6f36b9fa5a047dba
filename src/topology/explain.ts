import {
  cellOutageSentences,
  cellOutages,
  cellsOf,
  regionOfProcess,
  regionOutageSentences,
  regionOutages,
} from './cells';
import type {
  HostElement,
  K8sNodeElement,
  Owner,
  Scene,
  SceneElement,
  ServiceCategory,
  ServiceElement,
} from './scene';
import { count, listNames } from './words';

// Explanations of a scene: what runs on what, who owns it, which majorities matter and what a failure
// takes with it. Pure functions of a Scene; every lookup goes through Map/Set (ids such as `constructor`
// are ordinary keys), and each call builds its indexes once, so the cost is linear in the elements.

// ---------------------------------------------------------------------------------------------------
// Indexes

interface Index {
  /** What runs directly on an element (the reverse of `runsOn`), in scene order. */
  children: Map<string, SceneElement[]>;
  /** The k8s nodes of each cluster, in scene order. */
  nodesOf: Map<string, K8sNodeElement[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(scene: Scene): Index {
  const children = new Map<string, SceneElement[]>();
  const nodesOf = new Map<string, K8sNodeElement[]>();
  for (const el of scene.elements) {
    if (el.runsOn !== undefined) pushTo(children, el.runsOn, el);
    if (el.kind === 'k8s-node') pushTo(nodesOf, el.cluster, el);
  }
  return { children, nodesOf };
}

/** Breadth-first over `children` from the start ids; adds to `seen` and returns what it newly reached. */
function descend(children: Map<string, SceneElement[]>, start: readonly string[], seen: Set<string>) {
  const out: SceneElement[] = [];
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] as string) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      queue.push(child.id);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// What runs on what

/** What an element runs on, nearest first, down to the hardware host (excludes the element itself). */
export function runsOnChain(scene: Scene, id: string): SceneElement[] {
  const out: SceneElement[] = [];
  const seen = new Set<string>([id]);
  let next = scene.byId.get(id)?.runsOn;
  while (next !== undefined && !seen.has(next)) {
    const el = scene.byId.get(next);
    if (!el) break;
    seen.add(next);
    out.push(el);
    next = el.runsOn;
  }
  return out;
}

/** Everything that runs on the element, transitively (direct first, breadth-first), excluding itself. */
export function runningOn(scene: Scene, id: string): SceneElement[] {
  if (!scene.byId.has(id)) return [];
  return descend(buildIndex(scene).children, [id], new Set([id]));
}

/** The members of a container: a project's resources and clusters; a cluster's nodes, LBs and volumes. */
function membersOf(scene: Scene, index: Index, el: SceneElement): string[] {
  if (el.kind === 'project') {
    const out: string[] = [];
    for (const x of scene.elements) if ('project' in x && x.project === el.id) out.push(x.id);
    return out;
  }
  if (el.kind === 'operator-cluster' || el.kind === 'tenant-cluster') {
    const nodes = (index.nodesOf.get(el.id) ?? []).map((n) => n.id);
    if (el.kind === 'operator-cluster') return nodes;
    return [...nodes, ...el.loadBalancers, ...el.volumes].filter((id) => scene.byId.has(id));
  }
  return [];
}

/** Resources tied to an element beyond `runsOn`: a VM's volumes and the LBs it implements, and back. */
function relatedOf(attached: Map<string, string[]>, el: SceneElement): readonly string[] {
  if (el.kind === 'vm') return [...(attached.get(el.id) ?? []), ...el.amphoraOf];
  if (el.kind === 'load-balancer') return el.amphorae;
  if (el.kind === 'volume' && el.attachedTo !== undefined) return [el.attachedTo];
  return [];
}

/** The element's whole stack: itself, what it runs on down to hardware, and what runs on it; plus for
 *  containers (project, cluster) their members and what those run on. Used to highlight and dim. */
export function stackOf(scene: Scene, id: string): Set<string> {
  const out = new Set<string>();
  const el = scene.byId.get(id);
  if (!el) return out;
  const index = buildIndex(scene);
  const add = (x: string, withRunning: boolean) => {
    if (!scene.byId.has(x)) return;
    out.add(x);
    for (const below of runsOnChain(scene, x)) out.add(below.id);
    if (withRunning) for (const above of descend(index.children, [x], new Set([x]))) out.add(above.id);
  };
  add(id, true);
  for (const m of membersOf(scene, index, el)) add(m, true);
  // One step along volume attachments and amphorae, so a VM lights up its volumes, a load balancer its
  // amphorae (and their hosts), a volume the VM it is attached to.
  const attached = new Map<string, string[]>();
  for (const x of scene.elements)
    if (x.kind === 'volume' && x.attachedTo !== undefined) pushTo(attached, x.attachedTo, x.id);
  for (const x of [...out]) {
    const xe = scene.byId.get(x);
    if (xe) for (const r of relatedOf(attached, xe)) add(r, false);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Who operates what

export type Persona = 'operator' | 'tenant';

/** Who operates an element in this scene's view (the cloud operator, or the tenant). */
export function ownerOf(el: SceneElement): Owner {
  // deriveScene sets `owner` per kind, and this is why:
  // - host: the operator buys, racks and runs the hardware.
  // - operator-cluster and its k8s nodes: the operator's own Kubernetes (the undercloud) below OpenStack.
  // - service (process, container or pod): the OpenStack control plane and agents are the operator's.
  // - project, network, vm, load-balancer, volume: the project's owner: a tenant, except the operator's
  //   `service` project (e.g. Octavia amphorae), which the operator runs on behalf of the tenants.
  // - tenant-cluster, its k8s nodes and pods: Kubernetes a tenant installs on its own VMs; same technology
  //   as the undercloud, different owner (in `both`, the lower k8s is the operator's, the upper the tenant's).
  return el.owner;
}

/** Ids of the elements a persona owns in this view. */
export function ownedBy(scene: Scene, persona: Persona): Set<string> {
  const out = new Set<string>();
  for (const el of scene.elements) if (ownerOf(el) === persona) out.add(el.id);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Counts and shares

export interface LayerCounts {
  hosts: number;
  /** Service instances on hosts with the controller role (containers, processes or pods). */
  controlPlane: number;
  /** The other service instances (compute, network-only and storage hosts). */
  agents: number;
  vms: number;
  k8sNodes: { operator: number; tenant: number };
  /** Tenant pods plus the operator's OpenStack pods. */
  pods: number;
  projects: number;
  clusters: { operator: number; tenant: number };
}

const isController = (h: SceneElement | undefined) => h?.kind === 'host' && h.roles.includes('controller');

/** How many elements each layer of the view holds. */
export function layerCounts(scene: Scene): LayerCounts {
  const c: LayerCounts = {
    hosts: 0,
    controlPlane: 0,
    agents: 0,
    vms: 0,
    k8sNodes: { operator: 0, tenant: 0 },
    pods: 0,
    projects: 0,
    clusters: { operator: 0, tenant: 0 },
  };
  for (const el of scene.elements) {
    switch (el.kind) {
      case 'host':
        c.hosts++;
        break;
      case 'service':
        if (isController(scene.byId.get(el.host))) c.controlPlane++;
        else c.agents++;
        if (el.form === 'pod') c.pods++;
        break;
      case 'vm':
        c.vms++;
        break;
      case 'k8s-node':
        c.k8sNodes[el.clusterKind]++;
        break;
      case 'pod':
        c.pods++;
        break;
      case 'project':
        c.projects++;
        break;
      case 'operator-cluster':
        c.clusters.operator++;
        break;
      case 'tenant-cluster':
        c.clusters.tenant++;
        break;
    }
  }
  return c;
}

export interface ControlPlaneShare {
  hosts: { controlPlane: number; total: number };
  cores?: { controlPlane: number; total: number };
  ramGiB?: { controlPlane: number; total: number };
}

/** A control-plane host: a controller, or a dedicated (network-only) network node. */
const isControlPlaneHost = (h: HostElement) =>
  h.roles.includes('controller') || h.roles.every((r) => r === 'network');

/** How much of the hardware the control plane takes: hosts with the controller (or network-only) role; cores and RAM when every host gives them. */
export function controlPlaneShare(scene: Scene): ControlPlaneShare {
  const hosts = scene.elements.filter((e): e is HostElement => e.kind === 'host');
  const cp = hosts.filter(isControlPlaneHost);
  const share: ControlPlaneShare = { hosts: { controlPlane: cp.length, total: hosts.length } };
  const sum = (list: HostElement[], key: 'cores' | 'ramGiB') =>
    list.reduce((acc, h) => acc + (h.capacity?.[key] ?? 0), 0);
  if (hosts.length > 0 && hosts.every((h) => h.capacity?.cores !== undefined))
    share.cores = { controlPlane: sum(cp, 'cores'), total: sum(hosts, 'cores') };
  if (hosts.length > 0 && hosts.every((h) => h.capacity?.ramGiB !== undefined))
    share.ramGiB = { controlPlane: sum(cp, 'ramGiB'), total: sum(hosts, 'ramGiB') };
  return share;
}

// ---------------------------------------------------------------------------------------------------
// Quorum

export interface QuorumGroup {
  /** 'controllers', 'process:<processId>' or 'k8s:<clusterId>'. */
  id: string;
  /** E.g. "Controllers", "MariaDB Galera (mariadb)", "undercloud control plane (etcd)". */
  label: string;
  kind: 'controllers' | 'service' | 'k8s-control-plane';
  /** Element ids: controller host ids, service instance ids or k8s node ids. */
  members: string[];
  size: number;
  /** floor(n/2)+1 */
  majority: number;
  /** floor((n-1)/2) */
  tolerates: number;
  /** An even count adds cost, not tolerance. */
  even: boolean;
}

/** The smallest number of members that is a majority of n: floor(n/2)+1. */
export function majority(n: number): number {
  return Math.floor(Math.max(0, n) / 2) + 1;
}

/** How many of n members can fail while a majority stays up: floor((n-1)/2). */
export function tolerates(n: number): number {
  return n < 1 ? 0 : Math.floor((n - 1) / 2);
}

function group(id: string, label: string, kind: QuorumGroup['kind'], members: string[]): QuorumGroup {
  const n = members.length;
  return {
    id,
    label,
    kind,
    members,
    size: n,
    majority: majority(n),
    tolerates: tolerates(n),
    even: n >= 2 && n % 2 === 0,
  };
}

function quorumGroupsWith(scene: Scene, index: Index): QuorumGroup[] {
  const groups: QuorumGroup[] = [];
  const controllers = scene.elements.filter(isController).map((h) => h.id);
  if (controllers.length > 0) groups.push(group('controllers', 'Controllers', 'controllers', controllers));
  const byProcess = new Map<string, ServiceElement[]>();
  for (const el of scene.elements)
    if (el.kind === 'service' && el.quorum) pushTo(byProcess, el.processId, el);
  for (const [processId, list] of byProcess) {
    const first = list[0] as ServiceElement;
    groups.push(
      group(
        `process:${processId}`,
        first.cell !== undefined
          ? `cell ${first.cell}'s ${first.name} (${processId})`
          : `${first.serviceName} (${processId})`,
        'service',
        list.map((s) => s.id),
      ),
    );
  }
  for (const kind of ['operator-cluster', 'tenant-cluster'] as const)
    for (const el of scene.elements) {
      if (el.kind !== kind) continue;
      const cp = (index.nodesOf.get(el.id) ?? []).filter((n) => n.nodeRole === 'control-plane');
      if (cp.length === 0) continue;
      groups.push(
        group(
          `k8s:${el.id}`,
          `${el.name} control plane (etcd)`,
          'k8s-control-plane',
          cp.map((n) => n.id),
        ),
      );
    }
  return groups;
}

/** Every majority that matters in this view: the controllers, each quorum process, each Kubernetes control plane present in the view. */
export function quorumGroups(scene: Scene): QuorumGroup[] {
  return quorumGroupsWith(scene, buildIndex(scene));
}

/** One sentence on a group's majority; for an even count, says that it adds cost, not tolerance. */
export function describeQuorum(g: QuorumGroup): string {
  const failures = count(g.tolerates, 'failure');
  const base = `${g.label}: ${g.size} ${g.size === 1 ? 'member' : 'members'}, a majority is ${g.majority}, so ${failures} ${g.tolerates === 1 ? 'is' : 'are'} tolerated`;
  if (!g.even) return `${base}.`;
  return `${base}, the same as ${g.size - 1}: an even count adds cost, not tolerance.`;
}

// ---------------------------------------------------------------------------------------------------
// Blast radius

export interface LostQuorum {
  group: QuorumGroup;
  up: number;
}

export interface BlastRadius {
  /** The ids marked failed that exist in the scene and can fail, in scene order. */
  failed: string[];
  /** Failed ids plus everything that runs on them, transitively; a failed cluster takes down its nodes and
   *  their pods (not the machines); a cluster with every node down, or a load balancer with every amphora
   *  down, is down too. */
  down: Set<string>;
  lostQuorums: LostQuorum[];
  /** OpenStack can no longer create or change anything. */
  controlPlaneDown: boolean;
  /** In views with the operator cluster: the operator's Kubernetes is down or has lost its control-plane majority. */
  operatorK8sDown: boolean;
  /** Still running but can no longer be managed (never overlaps `down`). */
  unmanageable: Set<string>;
  /** Plain-language sentences, most important first. */
  summary: string[];
}

/** Kinds that can fail: machines, Kubernetes nodes and clusters, and single instances or pods. */
const FAILABLE = new Set<SceneElement['kind']>([
  'host',
  'k8s-node',
  'vm',
  'operator-cluster',
  'tenant-cluster',
  'service',
  'pod',
]);

/** Categories whose quorum loss stops OpenStack's control plane when they run on controllers. */
const CONTROL_CATEGORIES = new Set<ServiceCategory>(['infrastructure', 'control-plane']);

/** The effects of failing hosts, k8s nodes, VMs or clusters. Pure, deterministic. */
export function blastRadius(scene: Scene, failedIds: readonly string[]): BlastRadius {
  const index = buildIndex(scene);
  const asked = new Set(failedIds);
  const failedEls = scene.elements.filter((el) => asked.has(el.id) && FAILABLE.has(el.kind));
  const failed = failedEls.map((el) => el.id);

  // What goes down: the failed elements, a failed cluster's nodes, and everything running on them.
  const down = new Set<string>();
  const start: string[] = [];
  const seed = (id: string) => {
    if (down.has(id)) return;
    down.add(id);
    start.push(id);
  };
  for (const el of failedEls) {
    seed(el.id);
    if (el.kind === 'operator-cluster' || el.kind === 'tenant-cluster')
      for (const n of index.nodesOf.get(el.id) ?? []) seed(n.id);
  }
  descend(index.children, start, down);
  // Derived: a cluster with every node down, a load balancer with every amphora down.
  for (const el of scene.elements) {
    if (down.has(el.id)) continue;
    if (el.kind === 'operator-cluster' || el.kind === 'tenant-cluster') {
      const nodes = index.nodesOf.get(el.id) ?? [];
      if (nodes.length > 0 && nodes.every((n) => down.has(n.id))) down.add(el.id);
    } else if (el.kind === 'load-balancer') {
      const amphorae = el.amphorae.filter((a) => scene.byId.has(a));
      if (amphorae.length > 0 && amphorae.every((a) => down.has(a))) down.add(el.id);
    }
  }

  // Majorities.
  const groups = quorumGroupsWith(scene, index);
  const lostQuorums: LostQuorum[] = [];
  const upOf = new Map<string, number>();
  for (const g of groups) {
    const up = g.members.reduce((acc, m) => acc + (down.has(m) ? 0 : 1), 0);
    upOf.set(g.id, up);
    if (up < g.majority) lostQuorums.push({ group: g, up });
  }
  const lostIds = new Set(lostQuorums.map((l) => l.group.id));

  // The first instance of each process, for its category, host and names.
  const instances = new Map<string, ServiceElement[]>();
  for (const el of scene.elements) if (el.kind === 'service') pushTo(instances, el.processId, el);

  // The OpenStack control plane. In a cloud of several regions, a process that only one region runs (its API
  // database, its nova-api) takes out that region, not the others (topology/cells.ts).
  const regionLost: { region: string; what: string }[] = [];
  const regionOf = new Map<string, string | undefined>();
  for (const [pid, list] of instances) regionOf.set(pid, regionOfProcess(scene, list));
  const controllersLost = lostIds.has('controllers');
  const controlQuorumLost = lostQuorums.some(({ group: g }) => {
    if (g.kind !== 'service') return false;
    const list = instances.get(g.id.slice('process:'.length)) ?? [];
    const first = list[0];
    // A cell's own database or queue takes out that cell only (topology/cells.ts), not the control plane.
    const control =
      first !== undefined &&
      first.cell === undefined &&
      CONTROL_CATEGORIES.has(first.category) &&
      list.every((s) => isController(scene.byId.get(s.host)));
    const region = regionOf.get(g.id.slice('process:'.length));
    if (control && region !== undefined) {
      regionLost.push({ region, what: `${first.name} lost its majority` });
      return false;
    }
    return control;
  });
  const operatorCluster = scene.elements.find((e) => e.kind === 'operator-cluster');
  const operatorClusterDown = operatorCluster !== undefined && down.has(operatorCluster.id);
  const allInstancesDown: string[] = [];
  for (const list of instances.values()) {
    const first = list[0] as ServiceElement;
    if (first.category === 'control-plane' && first.cell === undefined && list.every((s) => down.has(s.id))) {
      const region = regionOf.get(first.processId);
      if (region !== undefined) regionLost.push({ region, what: `every ${first.name} is down` });
      else allInstancesDown.push(first.name);
    }
  }
  const controlPlaneDown =
    controllersLost ||
    controlQuorumLost ||
    allInstancesDown.length > 0 ||
    (operatorClusterDown && scene.elements.some((e) => e.kind === 'service' && e.form === 'pod'));
  const operatorGroup = operatorCluster && groups.find((g) => g.id === `k8s:${operatorCluster.id}`);
  const operatorQuorumLost = operatorGroup !== undefined && lostIds.has(operatorGroup.id);
  const operatorK8sDown = operatorClusterDown || operatorQuorumLost;

  // What keeps running but can no longer be managed.
  const unmanageable = new Set<string>();
  const keep = (id: string) => {
    if (!down.has(id)) unmanageable.add(id);
  };
  if (controlPlaneDown)
    for (const el of scene.elements)
      if (
        el.kind === 'vm' ||
        el.kind === 'network' ||
        el.kind === 'load-balancer' ||
        el.kind === 'volume' ||
        el.kind === 'tenant-cluster'
      )
        keep(el.id);
  // VMs on a host whose data-plane agents (nova-compute, libvirt...) are down but the host is up.
  const agentsDownOn = new Map<string, string[]>();
  for (const list of instances.values())
    for (const s of list)
      if (s.category === 'data-plane' && down.has(s.id) && !down.has(s.host))
        pushTo(agentsDownOn, s.host, s.name);
  const strandedVms = new Map<string, string[]>();
  for (const el of scene.elements)
    if (el.kind === 'vm' && !down.has(el.id) && agentsDownOn.has(el.host)) {
      keep(el.id);
      pushTo(strandedVms, el.host, el.id);
    }
  // Cells whose own database, queue or conductor is lost: their instances, and only theirs, are unmanaged.
  const cellsOut = controlPlaneDown ? [] : cellOutages(scene, down);
  for (const o of cellsOut) for (const vm of o.unmanageable) keep(vm);
  const regionsOut = controlPlaneDown ? [] : regionOutages(scene, regionLost, down);
  for (const o of regionsOut) for (const vm of o.unmanageable) keep(vm);
  // A Kubernetes control plane without its majority: what survives keeps running, unmanaged.
  for (const { group: g } of lostQuorums) {
    if (g.kind !== 'k8s-control-plane') continue;
    const clusterId = g.id.slice('k8s:'.length);
    keep(clusterId);
    for (const n of index.nodesOf.get(clusterId) ?? []) {
      keep(n.id);
      for (const x of index.children.get(n.id) ?? [])
        if (x.kind === 'pod' || x.kind === 'service') keep(x.id);
    }
  }
  // Ceph monitors without a majority: storage I/O stops, so volumes are unavailable (kept, unmanaged).
  const storageLost = lostQuorums.filter(
    (l) => l.group.kind === 'service' && categoryOf(l.group) === 'storage',
  );
  if (storageLost.length > 0) for (const el of scene.elements) if (el.kind === 'volume') keep(el.id);

  function categoryOf(g: QuorumGroup): ServiceCategory | undefined {
    const first = scene.byId.get(g.members[0] ?? '');
    return first?.kind === 'service' ? first.category : undefined;
  }

  // The story, most important first.
  const summary: string[] = [];
  const name = (id: string) => scene.byId.get(id)?.name ?? id;
  if (failed.length === 0) summary.push('Nothing has failed.');
  summary.push(...failureSentences(scene, failedEls));
  if (operatorClusterDown && operatorCluster)
    summary.push(
      `The operator's Kubernetes (${operatorCluster.name}) is down: every OpenStack pod on it is down.`,
    );

  for (const el of scene.elements)
    if (el.kind === 'tenant-cluster' && down.has(el.id) && !asked.has(el.id))
      summary.push(`The tenant cluster ${el.name} is down: every one of its nodes is down.`);

  const serviceNames = new Map<string, number>();
  for (const g of groups)
    if (g.kind === 'service') {
      const s = scene.byId.get(g.members[0] ?? '') as ServiceElement | undefined;
      if (s) serviceNames.set(s.serviceName, (serviceNames.get(s.serviceName) ?? 0) + 1);
    }
  let ovnLost = false;
  for (const { group: g, up } of lostQuorums) {
    const tally = `${up} of ${g.size} up, ${g.majority} needed.`;
    if (g.kind === 'controllers') summary.push(`The controllers lost their majority: ${tally}`);
    else if (g.kind === 'service') {
      const s = scene.byId.get(g.members[0] ?? '') as ServiceElement | undefined;
      const label = s && serviceNames.get(s.serviceName) === 1 ? s.serviceName : g.label;
      summary.push(`${label} lost its majority: ${tally}`);
      if (s && (s.serviceId === 'ovn' || s.processId.startsWith('ovn-'))) ovnLost = true;
    } else {
      const clusterId = g.id.slice('k8s:'.length);
      const cluster = scene.byId.get(clusterId);
      const what = `The Kubernetes control plane of ${name(clusterId)} lost its majority: ${tally}`;
      if (down.has(clusterId)) continue; // said by the failure and cluster-down sentences
      if (cluster?.kind === 'operator-cluster')
        summary.push(
          `${what} The OpenStack pods on surviving nodes keep running, but nothing is rescheduled or healed.`,
        );
      else summary.push(`${what} Its API is down: its pods keep running but cannot be changed.`);
    }
  }
  if (ovnLost)
    summary.push(
      'OVN lost a database majority: no network changes (ports, routers, floating IPs) can be made, so no VM can be created; existing flows keep forwarding traffic.',
    );
  if (storageLost.length > 0)
    summary.push(
      'Storage I/O stops: volumes and images are unavailable until a majority of the monitors is back.',
    );
  if (failed.length > 0 && lostQuorums.length === 0) {
    const tight = tightestGroup(groups, upOf);
    if (tight) summary.push(`Every quorum holds: ${holdsSentence(tight, upOf.get(tight.id) ?? 0)}`);
  }
  summary.push(...regionOutageSentences(regionsOut));
  summary.push(...cellOutageSentences(cellsOut, cellsOf(scene).length));
  if (allInstancesDown.length > 0 && !controllersLost && !operatorClusterDown)
    summary.push(`Every instance of ${listNames(allInstancesDown)} is down.`);
  if (controlPlaneDown) {
    const vms = scene.elements.filter((e) => e.kind === 'vm' && !down.has(e.id)).length;
    const clusters = scene.elements.filter((e) => e.kind === 'tenant-cluster' && !down.has(e.id)).length;
    const running = [
      vms > 0 ? `${count(vms, 'running VM')}` : '',
      clusters > 0 ? count(clusters, 'tenant cluster') : '',
    ]
      .filter(Boolean)
      .join(' and ');
    summary.push(
      running
        ? `The OpenStack control plane is down: the ${running} keep running, but nothing can be created or changed.`
        : 'The OpenStack control plane is down: nothing can be created or changed.',
    );
    if (clusters > 0)
      summary.push(
        'Tenant clusters keep their own Kubernetes API, but cannot get new nodes, load balancers or volumes.',
      );
  } else
    for (const [host, vmIds] of strandedVms) {
      const agents = [...new Set(agentsDownOn.get(host) ?? [])];
      summary.push(
        `${count(vmIds.length, 'VM')} on ${name(host)} ${vmIds.length === 1 ? 'keeps' : 'keep'} running but cannot be managed: ${listNames(agents)} ${agents.length === 1 ? 'is' : 'are'} down there.`,
      );
    }
  for (const el of scene.elements)
    if (el.kind === 'load-balancer' && down.has(el.id))
      summary.push(
        `Load balancer ${el.name} is down: its ${el.amphorae.length === 1 ? 'amphora is' : 'amphorae are'} down.`,
      );
  const downVms = scene.elements.filter((e) => e.kind === 'vm' && down.has(e.id)).map((e) => e.name);
  if (downVms.length > 0) summary.push(`VMs down: ${listNames(downVms)}.`);
  if (down.size > 0) summary.push(`Down: ${tallyKinds(scene, down)}.`);
  if (unmanageable.size > 0) summary.push(`Running but unmanageable: ${tallyKinds(scene, unmanageable)}.`);

  return { failed, down, lostQuorums, controlPlaneDown, operatorK8sDown, unmanageable, summary };
}

/** "2 of 3 controllers failed: ctl1, ctl2." and the like, one sentence per kind of failed element. */
function failureSentences(scene: Scene, failedEls: readonly SceneElement[]): string[] {
  const out: string[] = [];
  const roleNouns = [
    ['controller', 'controller'],
    ['network', 'network host'],
    ['compute', 'compute host'],
    ['storage', 'storage host'],
  ] as const;
  const primary = (h: HostElement) => roleNouns.find(([r]) => h.roles.includes(r)) ?? roleNouns[2];
  const hosts = scene.elements.filter((e): e is HostElement => e.kind === 'host');
  for (const entry of roleNouns) {
    const all = hosts.filter((h) => primary(h) === entry);
    const hit = failedEls.filter((e): e is HostElement => e.kind === 'host' && primary(e) === entry);
    if (hit.length > 0)
      out.push(
        `${hit.length} of ${count(all.length, entry[1])} failed: ${listNames(hit.map((h) => h.name))}.`,
      );
  }
  const clusterName = (id: string) => scene.byId.get(id)?.name ?? id;
  const others: [SceneElement['kind'], string, (el: SceneElement) => string][] = [
    ['operator-cluster', 'Kubernetes cluster', (el) => el.name],
    ['tenant-cluster', 'Kubernetes cluster', (el) => el.name],
    ['k8s-node', 'Kubernetes node', (el) => `${el.name} (${clusterName((el as K8sNodeElement).cluster)})`],
    ['vm', 'VM', (el) => el.name],
    ['service', 'service instance', (el) => `${el.name} on ${(el as ServiceElement).host}`],
    ['pod', 'pod', (el) => el.name],
  ];
  for (const [kind, noun, label] of others) {
    const hit = failedEls.filter((e) => e.kind === kind);
    if (hit.length > 0) out.push(`${count(hit.length, noun)} failed: ${listNames(hit.map(label))}.`);
  }
  return out;
}

/** The group closest to losing its majority (controllers first on a tie). */
function tightestGroup(groups: readonly QuorumGroup[], upOf: Map<string, number>): QuorumGroup | undefined {
  let best: QuorumGroup | undefined;
  let bestSlack = Number.POSITIVE_INFINITY;
  for (const g of groups) {
    const slack = (upOf.get(g.id) ?? 0) - g.majority;
    if (slack < bestSlack) {
      best = g;
      bestSlack = slack;
    }
  }
  return best;
}

function holdsSentence(g: QuorumGroup, up: number): string {
  const members =
    g.kind === 'controllers'
      ? 'controllers'
      : g.kind === 'service'
        ? `${g.label} members`
        : `${g.label.replace(/ \(etcd\)$/, '')} nodes`;
  const slack = up - g.majority;
  const tail =
    slack === 0
      ? 'but one more failure would lose the majority'
      : `${count(slack, 'more failure')} tolerated`;
  return `${up} of ${g.size} ${members} up, ${tail}.`;
}

const KIND_NOUNS: readonly [SceneElement['kind'], string][] = [
  ['host', 'host'],
  ['operator-cluster', 'Kubernetes cluster'],
  ['tenant-cluster', 'Kubernetes cluster'],
  ['k8s-node', 'Kubernetes node'],
  ['service', 'service instance'],
  ['vm', 'VM'],
  ['network', 'network'],
  ['load-balancer', 'load balancer'],
  ['volume', 'volume'],
  ['pod', 'pod'],
];

/** "2 hosts, 48 service instances" for a set of ids. */
function tallyKinds(scene: Scene, ids: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const kind = scene.byId.get(id)?.kind;
    const noun = KIND_NOUNS.find(([k]) => k === kind)?.[1];
    if (noun) counts.set(noun, (counts.get(noun) ?? 0) + 1);
  }
  const nouns = [...new Set(KIND_NOUNS.map(([, n]) => n))];
  return nouns
    .filter((n) => counts.has(n))
    .map((n) => count(counts.get(n) ?? 0, n))
    .join(', ');
}

// ---------------------------------------------------------------------------------------------------
// Search

export interface SearchHit {
  el: SceneElement;
  /** 4 exact, 3 prefix, 2 word prefix, 1 substring (the better of name and id). */
  score: number;
}

const WORD_SEPARATORS = new Set(['-', '.', '_', '/', ' ', '@', '#', ':']);

function matchScore(text: string, q: string): number {
  if (text === q) return 4;
  if (text.startsWith(q)) return 3;
  let at = text.indexOf(q, 1);
  if (at < 0) return 0;
  for (; at >= 0; at = text.indexOf(q, at + 1)) if (WORD_SEPARATORS.has(text[at - 1] as string)) return 2;
  return 1;
}

/** Elements whose name or id contains the query (case-insensitive), best first: exact name, then prefix, then word prefix (after - . _ / space), then substring; shorter names first; then a stable order. */
export function searchElements(scene: Scene, query: string, limit = 20): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '' || limit <= 0) return [];
  const hits: { el: SceneElement; score: number; order: number }[] = [];
  scene.elements.forEach((el, order) => {
    const score = Math.max(matchScore(el.name.toLowerCase(), q), matchScore(el.id.toLowerCase(), q));
    if (score > 0) hits.push({ el, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.el.name.length - b.el.name.length || a.order - b.order);
  return hits.slice(0, limit).map(({ el, score }) => ({ el, score }));
}
