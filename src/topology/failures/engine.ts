import { assertNever } from '../../model/assertNever';
import type { HostElement, LoadBalancerElement, Scene, SceneElement, ServiceElement } from '../scene';
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
import { CLOUD, type ScopeKey, scopingOf } from './scopes';
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

/**
 * What failing these elements does to the view: each component serves while its declaration's needs are
 * served and enough of its instances run; that is worked out to a fixed point, then read off for the
 * control plane, the services, the majorities, the traffic, each VM, load balancer and cluster.
 * Unknown ids, and ids of elements that cannot fail, are ignored (the CLI reports them first).
 */
export function analyzeFailures(scene: Scene, failedIds: readonly string[]): FailureReport {
  const asked = new Set(failedIds);
  const failedEls = scene.elements.filter((el) => asked.has(el.id) && FAILABLE_KINDS.has(el.kind));
  const failed = failedEls.map((el) => el.id);
  const failedClusters = new Set(
    failedEls.filter((e) => e.kind === 'operator-cluster' || e.kind === 'tenant-cluster').map((e) => e.id),
  );
  const down = downSet(scene, failedEls);
  const components = componentsOf(scene);
  const hosts = scene.elements.filter((e): e is HostElement => e.kind === 'host');
  const gatewayHosts = new Set(hosts.filter(isGateway).map((h) => h.id));
  const endpoint = endpointOf(scene, components);
  const endpointUp = (ep: Endpoint) =>
    ep.hosts.filter((h) => !down.has(h) && !down.has(ep.nodeOf.get(h) ?? ''));

  // What each capability is served by: in each scope (the cloud, a region, a cell) and per host.
  const scoping = scopingOf(scene);
  const modelledIn = new Map<ScopeKey, Set<string>>();
  const modelledOn = new Map<string, Set<string>>();
  const capsOf = (c: Component, s: ServiceElement) => [
    ...c.decl.serves,
    ...(gatewayHosts.has(s.host) ? (c.decl.servesOnGateway ?? []) : []),
  ];
  const addTo = <K>(map: Map<K, Set<string>>, key: K, cap: string) => {
    const set = map.get(key);
    if (set) set.add(cap);
    else map.set(key, new Set([cap]));
  };
  for (const c of components)
    for (const s of c.instances)
      for (const cap of capsOf(c, s)) {
        addTo(modelledIn, c.scope, cap);
        if (c.decl.redundancy === 'per-host') addTo(modelledOn, s.host, cap);
      }
  if (endpoint) addTo(modelledIn, CLOUD, 'api-endpoint');
  const modelledAnywhere = new Set([...modelledIn.values()].flatMap((caps) => [...caps]));

  let servedIn = new Map<ScopeKey, Set<string>>();
  let local = new Map<string, Set<string>>(); // host → per-host capabilities served there
  /**
   * Whether a capability is served for a scope: by the innermost scope of its chain that has it (a cell's
   * own database before the API level's); a capability only parts of the cloud have (each region its own
   * database) counts for the whole cloud while one of them serves it; one nobody has counts as served.
   */
  const servedFor = (chain: readonly ScopeKey[], cap: string): boolean => {
    for (const key of chain)
      if (modelledIn.get(key)?.has(cap) === true) return servedIn.get(key)?.has(cap) === true;
    if (!modelledAnywhere.has(cap)) return true;
    for (const [key, caps] of modelledIn) if (caps.has(cap) && servedIn.get(key)?.has(cap)) return true;
    return false;
  };
  const served = (cap: string) => servedFor(scoping.chain(CLOUD), cap);
  const servedOn = (host: string, cap: string) =>
    !(modelledOn.get(host)?.has(cap) ?? false) || (local.get(host)?.has(cap) ?? false);
  /** A per-host instance looks its needs up from its host's cell and region; the others from their own scope. */
  const chainOf = (c: Component, s: ServiceElement) =>
    scoping.chain(c.decl.redundancy === 'per-host' ? scoping.ofHost(s.host) : c.scope);
  const canServe = (c: Component, s: ServiceElement) => {
    if (down.has(s.id)) return false;
    const chain = chainOf(c, s);
    return (
      c.decl.needs.every((n) => servedFor(chain, n)) &&
      (c.decl.needsOnHost ?? []).every((n) => servedOn(s.host, n))
    );
  };
  /** Instances that serve, given the current capability maps (a majority group serves only as a whole). */
  const servingOf = (c: Component): ServiceElement[] => {
    const able = c.instances.filter((s) => canServe(c, s));
    const n = c.instances.length;
    switch (c.decl.redundancy) {
      case 'majority':
        return able.length >= Math.floor(n / 2) + 1 ? able : [];
      case 'any':
        return n - able.length <= (c.decl.tolerates ?? n) && able.length > 0 ? able : [];
      case 'per-host':
        return able;
      default:
        return assertNever(c.decl.redundancy, 'redundancy');
    }
  };
  const size = (map: Map<unknown, Set<string>>) => {
    let n = 0;
    for (const set of map.values()) n += set.size;
    return n;
  };

  // Start from "everything serves" and take away until nothing changes (the maps only shrink).
  for (const [key, caps] of modelledIn) servedIn.set(key, new Set(caps));
  for (const [h, caps] of modelledOn) local.set(h, new Set(caps));
  let serving = new Map<string, ServiceElement[]>();
  for (let round = 0; round <= components.length + 1; round++) {
    serving = new Map(components.map((c) => [c.id, servingOf(c)]));
    const nextIn = new Map<ScopeKey, Set<string>>();
    const nextLocal = new Map<string, Set<string>>();
    for (const c of components)
      for (const s of serving.get(c.id) ?? [])
        for (const cap of capsOf(c, s)) {
          addTo(nextIn, c.scope, cap);
          if (c.decl.redundancy === 'per-host') addTo(nextLocal, s.host, cap);
        }
    if (endpoint && endpointUp(endpoint).length > 0) addTo(nextIn, CLOUD, 'api-endpoint');
    const same = size(nextIn) === size(servedIn) && size(nextLocal) === size(local);
    servedIn = nextIn;
    local = nextLocal;
    if (same) break;
  }

  // Majorities.
  const majorities: MajorityState[] = majorityGroups(scene, components).map((g) => {
    const up = failedClusters.has(g.id) ? 0 : g.members.filter((m) => !down.has(m)).length;
    return { ...g, up, held: up >= g.needed };
  });
  const majorityOf = new Map(majorities.map((m) => [m.id, m]));

  // How each component stands. A component is lost when its own instances are gone (or lost their
  // majority), starved when they run but what they need is not served.
  const impaired = new Set<string>();
  const lost: Component[] = [];
  const starved: { component: Component; missing: string[] }[] = [];
  const lostOnHosts = new Map<string, string[]>();
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
          pushTo(lostOnHosts, c.id, s.host);
      continue;
    }
    if (ok.size > 0) continue;
    const up = c.instances.filter((s) => !down.has(s.id)).length;
    const direct = c.decl.redundancy === 'majority' ? up < Math.floor(c.instances.length / 2) + 1 : up === 0;
    if (direct) lost.push(c);
    else {
      const chain = scoping.chain(c.scope);
      starved.push({ component: c, missing: c.decl.needs.filter((n) => !servedFor(chain, n)) });
    }
  }

  // The control plane and the services.
  const endpointHostsUp = endpoint ? endpointUp(endpoint) : [];
  // A cell's or region's own components take out that part of the cloud (below), not the control plane.
  const criticalLost =
    [...lost, ...starved.map((x) => x.component)].some((c) => c.decl.critical && c.scope === CLOUD) ||
    (endpoint !== undefined && endpointHostsUp.length === 0);
  const central = components.filter((c) => c.decl.redundancy !== 'per-host' && c.decl.plane !== 'data');
  const anyCentralLoss =
    central.some((c) => (serving.get(c.id)?.length ?? 0) < c.instances.length) ||
    (endpoint !== undefined && endpointHostsUp.length < endpoint.hosts.length);
  const controlPlane: Status = criticalLost ? 'down' : anyCentralLoss ? 'degraded' : 'up';

  const services = new Map<string, Status>();
  const byService = new Map<string, Component[]>();
  for (const c of components) pushTo(byService, c.serviceId, c);
  for (const [id, list] of byService) {
    const notServing = (c: Component) => (serving.get(c.id)?.length ?? 0) === 0;
    const partial = (c: Component) => (serving.get(c.id)?.length ?? 0) < c.instances.length;
    const isDown =
      list.every(notServing) ||
      list.some((c) => c.decl.essential && c.decl.redundancy !== 'per-host' && notServing(c));
    services.set(id, isDown ? 'down' : list.some(partial) ? 'degraded' : 'up');
  }

  // Traffic: gateways and each VM's datapath.
  const gatewayServed = modelledAnywhere.has('gateway');
  const gatewaysUp = [...gatewayHosts].filter(
    (h) => servedOn(h, 'gateway') && (modelledOn.get(h)?.has('gateway') ?? false),
  );
  const gateways = {
    hosts: [...gatewayHosts].filter((h) => modelledOn.get(h)?.has('gateway') ?? false),
    up: gatewaysUp.filter((h) => !down.has(h)),
  };
  const northSouth: 'up' | 'down' = !gatewayServed || gateways.up.length > 0 ? 'up' : 'down';

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

  // Load balancers: up while an amphora runs with network.
  const loadBalancers = new Map<string, LoadBalancerState>();
  const rebuildable = ['lb-failover', 'lb-provisioning', 'compute-api', 'network-api'].every(served);
  for (const el of scene.elements) {
    if (el.kind !== 'load-balancer') continue;
    const amphorae = el.amphorae.filter((a) => scene.byId.get(a)?.kind === 'vm');
    const amphoraeUp = amphorae.filter((a) => vms.get(a)?.network === 'up');
    const up = amphorae.length === 0 || amphoraeUp.length > 0;
    loadBalancers.set(el.id, { up, amphorae, amphoraeUp, rebuilt: rebuildable });
    if (!up) down.add(el.id);
  }
  const lbReachable = (lbId: string | undefined) => {
    if (lbId === undefined) return true;
    const lb = scene.byId.get(lbId) as LoadBalancerElement | undefined;
    if (!lb) return true;
    return (loadBalancers.get(lbId)?.up ?? true) && (!lb.floatingIp || northSouth === 'up');
  };

  // Clusters.
  const clusters = new Map<string, ClusterState>();
  const nodesOf = new Map<string, SceneElement[]>();
  for (const el of scene.elements) if (el.kind === 'k8s-node') pushTo(nodesOf, el.cluster, el);
  const clusterEls = scene.elements.filter(
    (e): e is Extract<SceneElement, { kind: 'operator-cluster' | 'tenant-cluster' }> =>
      e.kind === 'operator-cluster' || e.kind === 'tenant-cluster',
  );
  for (const el of clusterEls) {
    const nodes = nodesOf.get(el.id) ?? [];
    const nodesDown = nodes.filter((n) => down.has(n.id)).map((n) => n.id);
    const held = majorityOf.get(el.id)?.held ?? !failedClusters.has(el.id);
    const kind = el.kind === 'operator-cluster' ? 'operator' : 'tenant';
    const reachable = el.kind === 'tenant-cluster' ? lbReachable(el.apiLoadBalancer) : true;
    const api = held && reachable ? 'up' : 'down';
    const state: ClusterState = {
      kind,
      api,
      workloadsRunning: nodes.length > nodesDown.length,
      canHeal: api === 'up' && nodes.length > nodesDown.length,
      nodesDown,
    };
    clusters.set(el.id, state);
  }
  for (const el of clusterEls) {
    if (el.kind !== 'tenant-cluster') continue;
    const state = clusters.get(el.id) as ClusterState;
    const manager = el.managedBy !== undefined ? clusters.get(el.managedBy) : undefined;
    state.canReplaceNodes =
      ['compute-api', 'network-api'].every(served) && (manager === undefined || manager.api === 'up');
  }

  // Everything that is down: a cluster whose every node is down.
  for (const el of clusterEls) {
    const nodes = nodesOf.get(el.id) ?? [];
    if (nodes.length > 0 && nodes.every((n) => down.has(n.id))) down.add(el.id);
  }

  // Running but not manageable.
  const unmanageable = new Set<string>();
  const failedSet = new Set(failed);
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
  for (const el of clusterEls) if (clusters.get(el.id)?.api === 'down') keep(el.id);

  // Cells and regions whose own components are lost: their instances, and only theirs, are unmanaged.
  const outages = new Map<ScopeKey, ScopeOutage>();
  const outageOf = (c: Component) => {
    const info = scoping.info(c.scope);
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

  const report: FailureReport = {
    failed,
    down,
    impaired,
    unmanageable,
    controlPlane,
    services,
    majorities,
    northSouth,
    gateways,
    endpoint: endpoint && {
      name: endpoint.decl.name,
      holders: endpoint.decl.holders,
      hosts: endpoint.hosts,
      up: endpointHostsUp,
      source: endpoint.decl.source,
    },
    vms,
    clusters,
    loadBalancers,
    lost,
    starved,
    scopes: [...outages.values()],
    lostOnHosts,
    served,
    servedOn,
    components,
    notes: [],
  };
  report.notes = tellStory(scene, report, failedEls);
  return report;
}
