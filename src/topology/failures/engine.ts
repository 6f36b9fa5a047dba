import type { HostElement, LoadBalancerElement, Scene, SceneElement } from '../scene';
import {
  type Component,
  componentsOf,
  type Endpoint,
  endpointOf,
  isGateway,
  majorityGroups,
} from './components';
import { FAILABLE_KINDS } from './kinds';
import type {
  ClusterState,
  FailureReport,
  LoadBalancerState,
  MajorityState,
  ScopeOutage,
  Status,
  VmState,
} from './reportTypes';
import { CLOUD, type ScopeKey, type Scoping, scopingOf } from './scopes';
import { type Serving, serveToFixedPoint } from './serving';
import { tellStory } from './story';

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Failed ids plus everything that runs on them. A failed cluster is its control plane: nothing runs on that. */
function downSet(scene: Scene, failed: readonly SceneElement[]): Set<string> {
  const children = new Map<string, SceneElement[]>();
  for (const el of scene.elements) if (el.runsOn !== undefined) pushTo(children, el.runsOn, el);
  const down = new Set<string>();
  const queue: string[] = [];
  for (const el of failed)
    if (el.kind !== 'operator-cluster' && el.kind !== 'tenant-cluster') {
      down.add(el.id);
      queue.push(el.id);
    }
  for (let i = 0; i < queue.length; i++)
    for (const child of children.get(queue[i] as string) ?? [])
      if (!down.has(child.id)) {
        down.add(child.id);
        queue.push(child.id);
      }
  return down;
}

/** What the steps of `analyzeFailures` share: the scene, what failed, and what is served. */
interface Analysis {
  scene: Scene;
  failedEls: SceneElement[];
  failed: string[];
  failedClusters: Set<string>;
  /** Failed ids and everything that runs on them; the later steps add what goes down with them. */
  down: Set<string>;
  /** Running but not working as they should (not serving, or without network). */
  impaired: Set<string>;
  components: Component[];
  gatewayHosts: Set<string>;
  endpoint: Endpoint | undefined;
  scoping: Scoping;
  serving: Serving;
}

/**
 * What failing these elements does to the view: each component serves while its declaration's needs are
 * served and enough of its instances run; that is worked out to a fixed point, then read off for the
 * control plane, the services, the majorities, the traffic, each VM, load balancer and cluster.
 * Unknown ids, and ids of elements that cannot fail, are ignored (the CLI reports them first).
 */
export function analyzeFailures(scene: Scene, failedIds: readonly string[]): FailureReport {
  const a = startAnalysis(scene, failedIds);
  const majorities = majorityStates(a);
  const standing = componentStanding(a);
  const endpointHostsUp = a.endpoint ? a.serving.endpointUp(a.endpoint) : [];
  const controlPlane = controlPlaneStatus(a, standing, endpointHostsUp);
  const services = serviceStatuses(a);
  const { gateways, northSouth } = traffic(a);
  const vms = vmStates(a);
  const loadBalancers = loadBalancerStates(a, vms);
  const clusters = clusterStates(a, majorities, loadBalancers, northSouth);
  const { served, servedOn } = a.serving;
  const report: FailureReport = {
    failed: a.failed,
    down: a.down,
    impaired: a.impaired,
    unmanageable: unmanageableOf(a, vms, clusters),
    controlPlane,
    services,
    majorities,
    northSouth,
    gateways,
    endpoint: a.endpoint && {
      name: a.endpoint.decl.name,
      holders: a.endpoint.decl.holders,
      hosts: a.endpoint.hosts,
      up: endpointHostsUp,
      source: a.endpoint.decl.source,
    },
    vms,
    clusters,
    loadBalancers,
    lost: standing.lost,
    starved: standing.starved,
    scopes: scopeOutages(a, standing, vms),
    lostOnHosts: standing.lostOnHosts,
    served,
    servedOn,
    components: a.components,
    notes: [],
  };
  report.notes = tellStory(scene, report, a.failedEls);
  return report;
}

/** What failed, what goes down with it, and what is still served. */
function startAnalysis(scene: Scene, failedIds: readonly string[]): Analysis {
  const asked = new Set(failedIds);
  const failedEls = scene.elements.filter((el) => asked.has(el.id) && FAILABLE_KINDS.has(el.kind));
  const failedClusters = new Set(
    failedEls.filter((e) => e.kind === 'operator-cluster' || e.kind === 'tenant-cluster').map((e) => e.id),
  );
  const down = downSet(scene, failedEls);
  const components = componentsOf(scene);
  const hosts = scene.elements.filter((e): e is HostElement => e.kind === 'host');
  const gatewayHosts = new Set(hosts.filter(isGateway).map((h) => h.id));
  const endpoint = endpointOf(scene, components);
  // What each capability is served by: in each scope (the cloud, a region, a cell) and per host.
  const scoping = scopingOf(scene);
  const serving = serveToFixedPoint({ components, down, gatewayHosts, endpoint, scoping });
  return {
    scene,
    failedEls,
    failed: failedEls.map((el) => el.id),
    failedClusters,
    down,
    impaired: new Set<string>(),
    components,
    gatewayHosts,
    endpoint,
    scoping,
    serving,
  };
}

/** Majorities: how many members are up, and whether that is enough. */
function majorityStates({ scene, components, failedClusters, down }: Analysis): MajorityState[] {
  return majorityGroups(scene, components).map((g) => {
    const up = failedClusters.has(g.id) ? 0 : g.members.filter((m) => !down.has(m)).length;
    return { ...g, up, held: up >= g.needed };
  });
}

interface Standing {
  lost: Component[];
  starved: { component: Component; missing: string[] }[];
  /** Per-host components lost on hosts that are up: component id → hosts. */
  lostOnHosts: Map<string, string[]>;
}

/**
 * How each component stands. A component is lost when its own instances are gone (or lost their majority),
 * starved when they run but what they need is not served. Instances that run but do not serve are impaired.
 */
function componentStanding(a: Analysis): Standing {
  const { components, down, impaired, scoping } = a;
  const { serving, servedOn, servedFor } = a.serving;
  const out: Standing = { lost: [], starved: [], lostOnHosts: new Map() };
  for (const c of components) {
    const ok = new Set((serving.get(c.id) ?? []).map((s) => s.id));
    for (const s of c.instances) if (!down.has(s.id) && !ok.has(s.id)) impaired.add(s.id);
    if (c.decl.redundancy === 'per-host') {
      // On a host that is up: its instance failed, or something of its own host that it needs is lost.
      for (const s of c.instances)
        if (
          !ok.has(s.id) &&
          !down.has(s.host) &&
          (down.has(s.id) || (c.decl.needsOnHost ?? []).some((n) => !servedOn(s.host, n)))
        )
          pushTo(out.lostOnHosts, c.id, s.host);
      continue;
    }
    if (ok.size > 0) continue;
    const up = c.instances.filter((s) => !down.has(s.id)).length;
    const direct = c.decl.redundancy === 'majority' ? up < Math.floor(c.instances.length / 2) + 1 : up === 0;
    if (direct) out.lost.push(c);
    else {
      const chain = scoping.chain(c.scope);
      out.starved.push({ component: c, missing: c.decl.needs.filter((n) => !servedFor(chain, n)) });
    }
  }
  return out;
}

/** The control plane: down when a critical component of the whole cloud or the API endpoint is lost. */
function controlPlaneStatus(
  a: Analysis,
  { lost, starved }: Standing,
  endpointHostsUp: readonly string[],
): Status {
  const { components, endpoint } = a;
  const { serving } = a.serving;
  // A cell's or region's own components take out that part of the cloud (see scopeOutages), not the control plane.
  const criticalLost =
    [...lost, ...starved.map((x) => x.component)].some((c) => c.decl.critical && c.scope === CLOUD) ||
    (endpoint !== undefined && endpointHostsUp.length === 0);
  const central = components.filter((c) => c.decl.redundancy !== 'per-host' && c.decl.plane !== 'data');
  const anyCentralLoss =
    central.some((c) => (serving.get(c.id)?.length ?? 0) < c.instances.length) ||
    (endpoint !== undefined && endpointHostsUp.length < endpoint.hosts.length);
  return criticalLost ? 'down' : anyCentralLoss ? 'degraded' : 'up';
}

/** Each service: down when none of its components serves or an essential one is lost, degraded when any is short. */
function serviceStatuses(a: Analysis): Map<string, Status> {
  const { serving } = a.serving;
  const services = new Map<string, Status>();
  const byService = new Map<string, Component[]>();
  for (const c of a.components) pushTo(byService, c.serviceId, c);
  for (const [id, list] of byService) {
    const notServing = (c: Component) => (serving.get(c.id)?.length ?? 0) === 0;
    const partial = (c: Component) => (serving.get(c.id)?.length ?? 0) < c.instances.length;
    const isDown =
      list.every(notServing) ||
      list.some((c) => c.decl.essential && c.decl.redundancy !== 'per-host' && notServing(c));
    services.set(id, isDown ? 'down' : list.some(partial) ? 'degraded' : 'up');
  }
  return services;
}

/** Traffic: the gateway chassis that are up, and whether north-south traffic flows. */
function traffic(a: Analysis): Pick<FailureReport, 'gateways' | 'northSouth'> {
  const { gatewayHosts, down } = a;
  const { modelledAnywhere, modelledOn, servedOn } = a.serving;
  const gatewayServed = modelledAnywhere.has('gateway');
  const gatewaysUp = [...gatewayHosts].filter(
    (h) => servedOn(h, 'gateway') && (modelledOn.get(h)?.has('gateway') ?? false),
  );
  const gateways = {
    hosts: [...gatewayHosts].filter((h) => modelledOn.get(h)?.has('gateway') ?? false),
    up: gatewaysUp.filter((h) => !down.has(h)),
  };
  return { gateways, northSouth: !gatewayServed || gateways.up.length > 0 ? 'up' : 'down' };
}

/** Each VM: running, with network (its host's datapath), manageable (Nova of its cell and region, its host's agents). */
function vmStates(a: Analysis): Map<string, VmState> {
  const { scene, down, impaired, scoping } = a;
  const { servedFor, servedOn } = a.serving;
  // Nova manages a VM through the Compute API, the conductor and the queue of its cell and region.
  const computeManage = new Map<ScopeKey, boolean>();
  const managedIn = (key: ScopeKey) => {
    let ok = computeManage.get(key);
    if (ok === undefined) {
      const chain = scoping.chain(key);
      ok = ['compute-api', 'compute-conductor', 'rpc'].every((cap) => servedFor(chain, cap));
      computeManage.set(key, ok);
    }
    return ok;
  };
  const vms = new Map<string, VmState>();
  for (const el of scene.elements) {
    if (el.kind !== 'vm') continue;
    const running = !down.has(el.id);
    const network = running && servedOn(el.host, 'datapath') && servedOn(el.host, 'flows') ? 'up' : 'down';
    const manageable =
      running &&
      managedIn(scoping.ofHost(el.host)) &&
      servedOn(el.host, 'vm-management') &&
      servedOn(el.host, 'hypervisor');
    vms.set(el.id, { running, network, manageable });
    if (running && network === 'down') impaired.add(el.id);
  }
  return vms;
}

/** Load balancers: up while an amphora runs with network (a load balancer that is not goes down). */
function loadBalancerStates(a: Analysis, vms: ReadonlyMap<string, VmState>): Map<string, LoadBalancerState> {
  const { scene, down } = a;
  const loadBalancers = new Map<string, LoadBalancerState>();
  const rebuildable = ['lb-failover', 'lb-provisioning', 'compute-api', 'network-api'].every(
    a.serving.served,
  );
  for (const el of scene.elements) {
    if (el.kind !== 'load-balancer') continue;
    const amphorae = el.amphorae.filter((id) => scene.byId.get(id)?.kind === 'vm');
    const amphoraeUp = amphorae.filter((id) => vms.get(id)?.network === 'up');
    const up = amphorae.length === 0 || amphoraeUp.length > 0;
    loadBalancers.set(el.id, { up, amphorae, amphoraeUp, rebuilt: rebuildable });
    if (!up) down.add(el.id);
  }
  return loadBalancers;
}

type ClusterEl = Extract<SceneElement, { kind: 'operator-cluster' | 'tenant-cluster' }>;

const clusterElements = (scene: Scene) =>
  scene.elements.filter((e): e is ClusterEl => e.kind === 'operator-cluster' || e.kind === 'tenant-cluster');

/** The k8s nodes of each cluster of a scene. */
function nodesByCluster(scene: Scene): Map<string, SceneElement[]> {
  const nodesOf = new Map<string, SceneElement[]>();
  for (const el of scene.elements) if (el.kind === 'k8s-node') pushTo(nodesOf, el.cluster, el);
  return nodesOf;
}

/**
 * Each cluster: its API (a majority of its control plane, and a tenant's API load balancer reachable), its
 * workloads, whether it heals, and whether a tenant's nodes can be replaced; a cluster whose every node is
 * down goes down.
 */
function clusterStates(
  a: Analysis,
  majorities: readonly MajorityState[],
  loadBalancers: ReadonlyMap<string, LoadBalancerState>,
  northSouth: 'up' | 'down',
): Map<string, ClusterState> {
  const { scene, down, failedClusters } = a;
  const majorityOf = new Map(majorities.map((m) => [m.id, m]));
  const lbReachable = (lbId: string | undefined) => {
    if (lbId === undefined) return true;
    const lb = scene.byId.get(lbId) as LoadBalancerElement | undefined;
    if (!lb) return true;
    return (loadBalancers.get(lbId)?.up ?? true) && (!lb.floatingIp || northSouth === 'up');
  };
  const clusters = new Map<string, ClusterState>();
  const nodesOf = nodesByCluster(scene);
  const clusterEls = clusterElements(scene);
  for (const el of clusterEls) {
    const nodes = nodesOf.get(el.id) ?? [];
    const nodesDown = nodes.filter((n) => down.has(n.id)).map((n) => n.id);
    const held = majorityOf.get(el.id)?.held ?? !failedClusters.has(el.id);
    const reachable = el.kind === 'tenant-cluster' ? lbReachable(el.apiLoadBalancer) : true;
    const api = held && reachable ? 'up' : 'down';
    clusters.set(el.id, {
      kind: el.kind === 'operator-cluster' ? 'operator' : 'tenant',
      api,
      workloadsRunning: nodes.length > nodesDown.length,
      canHeal: api === 'up' && nodes.length > nodesDown.length,
      nodesDown,
    });
  }
  for (const el of clusterEls) {
    if (el.kind !== 'tenant-cluster') continue;
    const state = clusters.get(el.id) as ClusterState;
    const manager = el.managedBy !== undefined ? clusters.get(el.managedBy) : undefined;
    state.canReplaceNodes =
      ['compute-api', 'network-api'].every(a.serving.served) &&
      (manager === undefined || manager.api === 'up');
  }
  // Everything that is down: a cluster whose every node is down.
  for (const el of clusterEls) {
    const nodes = nodesOf.get(el.id) ?? [];
    if (nodes.length > 0 && nodes.every((n) => down.has(n.id))) down.add(el.id);
  }
  return clusters;
}

/** Running but not manageable: VMs, networks, volumes, load balancers, and what a cluster without its API holds. */
function unmanageableOf(
  a: Analysis,
  vms: ReadonlyMap<string, VmState>,
  clusters: ReadonlyMap<string, ClusterState>,
): Set<string> {
  const { scene, down, impaired } = a;
  const { served } = a.serving;
  const unmanageable = new Set<string>();
  const failedSet = new Set(a.failed);
  const keep = (id: string) => {
    if (!down.has(id) && !impaired.has(id) && !failedSet.has(id)) unmanageable.add(id);
  };
  for (const [id, vm] of vms) if (vm.running && !vm.manageable) keep(id);
  const networksManaged = ['network-api', 'ovn-translation'].every(served);
  const volumesManaged = ['volume-api', 'volume-backend'].every(served);
  const storageServed = ['storage-map', 'storage-data'].every(served);
  const lbsManaged = ['lb-api', 'lb-provisioning'].every(served);
  for (const el of scene.elements) {
    if (el.kind === 'network' && !networksManaged) keep(el.id);
    if (el.kind === 'volume') {
      if (!storageServed) impaired.add(el.id);
      else if (!volumesManaged) keep(el.id);
    }
    if (el.kind === 'load-balancer' && !lbsManaged) keep(el.id);
  }
  for (const el of scene.elements) {
    const cluster = el.kind === 'pod' || el.kind === 'k8s-node' ? el.cluster : undefined;
    if (cluster === undefined || clusters.get(cluster)?.api !== 'down') continue;
    // An operator cluster's pods are OpenStack's services: they run on and serve, only Kubernetes cannot manage them.
    if (el.kind === 'k8s-node' || clusters.get(cluster)?.kind === 'tenant') keep(el.id);
  }
  for (const el of clusterElements(scene)) if (clusters.get(el.id)?.api === 'down') keep(el.id);
  return unmanageable;
}

/** Cells and regions whose own components are lost: their instances, and only theirs, are unmanaged. */
function scopeOutages(
  a: Analysis,
  { lost, starved }: Standing,
  vms: ReadonlyMap<string, VmState>,
): ScopeOutage[] {
  const outages = new Map<ScopeKey, ScopeOutage>();
  const outageOf = (c: Component) => {
    const info = a.scoping.info(c.scope);
    if (!info) return undefined;
    let o = outages.get(info.key);
    if (!o) {
      o = { scope: info, lost: [], starved: [], unmanageable: [] };
      outages.set(info.key, o);
    }
    return o;
  };
  for (const c of lost) outageOf(c)?.lost.push(c);
  for (const x of starved) outageOf(x.component)?.starved.push(x);
  for (const o of outages.values())
    o.unmanageable = o.scope.vms.filter((v) => vms.get(v)?.running === true && !vms.get(v)?.manageable);
  return [...outages.values()];
}
