import type { HostElement, K8sNodeElement, Scene, SceneElement, ServiceElement } from '../scene';
import { count, listNames } from '../words';
import type { Component } from './components';
import type { ClusterState, FailureReport, Note } from './reportTypes';
import { CLOUD, scopingOf } from './scopes';
import { SOURCES as S } from './sources';

/** What the sections of the story share: the scene, the report, and how a note is added. */
interface Story {
  scene: Scene;
  r: FailureReport;
  failedEls: readonly SceneElement[];
  add: (kind: Note['kind'], text: string, source?: string) => void;
  /** An element's name, else its id. */
  name: (id: string) => string;
  /** Of the hosts `up`, those that take over for the lost ones of `all` (in several regions: the lost ones' regions). */
  takeOver: (all: readonly string[], up: readonly string[]) => string[];
}

/**
 * The failure story in sentences, each with its source: what failed, the control plane, the majorities,
 * the traffic, what is down, what keeps running unmanaged, and what heals itself (and how).
 */
export function tellStory(scene: Scene, r: FailureReport, failedEls: readonly SceneElement[]): Note[] {
  const notes: Note[] = [];
  const add = (kind: Note['kind'], text: string, source?: string) => notes.push({ kind, text, source });
  if (failedEls.length === 0) {
    add('failed', 'Nothing has failed.');
    return notes;
  }
  // In a cloud of several regions, a VIP or a router moves to a surviving host of its own region.
  const regionOf = (id: string) => {
    const h = scene.byId.get(id);
    return h?.kind === 'host' ? h.region : undefined;
  };
  const takeOver = (all: readonly string[], up: readonly string[]) => {
    if (scopingOf(scene).regions.length === 0) return [...up];
    const hit = new Set(all.filter((h) => !up.includes(h)).map(regionOf));
    return up.filter((h) => hit.has(regionOf(h)));
  };
  const name = (id: string) => scene.byId.get(id)?.name ?? id;
  const story: Story = { scene, r, failedEls, add, name, takeOver };
  for (const text of failureSentences(scene, failedEls)) add('failed', text);
  controlPlaneNotes(story);
  for (const text of scopeSentences(scene, r)) add('unmanageable', text.text, text.source);
  endpointNotes(story);
  majorityNotes(story);
  lostComponentNotes(story);
  lostOnHostNotes(story);
  northSouthNotes(story);
  vmNotes(story);
  loadBalancerNotes(story);
  for (const el of scene.elements)
    if (el.kind === 'operator-cluster' || el.kind === 'tenant-cluster') clusterNotes(story, el);
  runningNotes(story);
  return notes;
}

const endpointGone = (r: FailureReport) => r.endpoint !== undefined && r.endpoint.up.length === 0;

/** The control plane: down (and why), degraded (without what), or not affected. */
function controlPlaneNotes({ r, add, name }: Story): void {
  const lostMajorities = r.majorities.filter((m) => !m.held && m.kind === 'process');
  if (r.controlPlane === 'down') {
    const criticalMajorities = lostMajorities.filter((m) =>
      r.lost.some((c) => c.id === m.id && c.decl.critical),
    );
    const criticalGone = r.lost.filter((c) => c.decl.critical && c.decl.redundancy !== 'majority');
    const groupNames = [...new Set(criticalMajorities.map((m) => m.label.replace(/ \([^)]*\)$/, '')))];
    const why = [
      ...(groupNames.length > 0
        ? [
            `${listNames(groupNames)} lost ${groupNames.length === 1 && criticalMajorities.length === 1 ? 'its' : 'their'} majority`,
          ]
        : []),
      ...criticalGone.map((c) => `every ${c.name} is lost`),
      ...(endpointGone(r) && r.endpoint
        ? [
            `no host of ${r.endpoint.holders} (${listNames(r.endpoint.hosts.map(name))}), is left to hold ${r.endpoint.name}`,
          ]
        : []),
    ];
    const source = criticalMajorities[0]?.source ?? criticalGone[0]?.decl.source ?? r.endpoint?.source;
    add(
      'control-plane',
      `The OpenStack control plane is down: ${listNames(why)}. Running VMs keep running, but nothing can be created or changed.`,
      source,
    );
  } else if (r.controlPlane === 'degraded') {
    // OpenStack's own components: Ceph's daemons are the storage's, said with their own sentences; a cell's
    // or region's own components with that cell or region, below.
    const lostList = [...r.lost, ...r.starved.map((x) => x.component)].filter(
      (c) => c.decl.plane !== 'data' && c.instances[0]?.category !== 'storage' && c.scope === CLOUD,
    );
    const lostNames = lostList.map((c) => c.name);
    const parts = r.scopes.map((o) => `${o.scope.level} ${o.scope.name}`);
    add(
      'control-plane',
      lostNames.length > 0
        ? `The OpenStack control plane keeps working without ${listNames(lostNames)}: losing one service is not losing the control plane.`
        : parts.length > 0
          ? `The OpenStack control plane keeps working for the rest of the cloud: only ${listNames(parts)} ${parts.length === 1 ? 'loses its' : 'lose their'} own control plane.`
          : 'The OpenStack control plane keeps working, with fewer instances: every API is still served.',
      lostList[0]?.decl.source ??
        (parts.length > 0
          ? r.scopes[0]?.scope.level === 'cell'
            ? S.novaCells
            : S.keystone
          : r.endpoint?.source),
    );
  } else add('control-plane', 'The OpenStack control plane is not affected.');
}

/** The way to the APIs: the VIP or the Services move to the surviving hosts. */
function endpointNotes({ r, add, name, takeOver }: Story): void {
  if (
    r.controlPlane !== 'down' &&
    r.endpoint &&
    r.endpoint.up.length > 0 &&
    r.endpoint.up.length < r.endpoint.hosts.length &&
    takeOver(r.endpoint.hosts, r.endpoint.up).length > 0
  )
    add(
      'heals',
      r.endpoint.name.includes('VIP')
        ? `The API VIP stays up: keepalived moves it to ${listNames(takeOver(r.endpoint.hosts, r.endpoint.up).map(name))}, so the APIs on the surviving hosts keep serving.`
        : `The Kubernetes Services send API calls to the pods on the surviving nodes (${listNames(takeOver(r.endpoint.hosts, r.endpoint.up).map(name))}).`,
      r.endpoint.source,
    );
}

/** Majorities lost, or all held with how much to spare. */
function majorityNotes({ r, add }: Story): void {
  for (const m of r.majorities) {
    if (m.held || m.kind !== 'process') continue;
    const label = m.label;
    add('majority', `${label} lost its majority: ${m.up} of ${m.size} up, ${m.needed} needed.`, m.source);
  }
  if (r.majorities.length > 0 && r.majorities.every((m) => m.held)) {
    const tight = [...r.majorities].sort((a, b) => a.up - a.needed - (b.up - b.needed))[0];
    if (tight && tight.up < tight.size) {
      const slack = tight.up - tight.needed;
      add(
        'majority',
        `Every majority holds: ${tight.label} has ${tight.up} of ${tight.size} up, ${
          slack === 0 ? 'but one more failure would lose it' : `${count(slack, 'more failure')} tolerated`
        }. Hosts do not vote: the APIs survive down to one controller.`,
        tight.source,
      );
    }
  }
}

/** Components lost (the critical ones are said with the control plane), then what runs but cannot serve. */
function lostComponentNotes({ r, add }: Story): void {
  for (const c of r.lost) {
    if (c.scope !== CLOUD) continue; // said with its cell or region
    if (c.decl.critical && r.controlPlane === 'down') continue;
    if (c.decl.redundancy === 'majority' && !c.decl.critical) {
      add('down', c.decl.lost, c.decl.source);
      continue;
    }
    if (c.decl.redundancy === 'majority') continue; // said with its majority
    add(c.decl.plane === 'data' ? 'traffic' : 'down', c.decl.lost, c.decl.source);
  }
  const starved = r.starved.filter((x) => x.component.scope === CLOUD);
  if (starved.length > 0) {
    const roots = new Set(r.lost.flatMap((c) => c.decl.serves));
    if (endpointGone(r)) roots.add('api-endpoint');
    const all = [...new Set(starved.flatMap((x) => x.missing))];
    const missing = all.some((c) => roots.has(c)) ? all.filter((c) => roots.has(c)) : all;
    add(
      'down',
      `Running but not serving, for want of ${listNames(missing.map(capabilityWords))}: ${listNames(
        starved.map((x) => x.component.name),
        8,
      )}.`,
      r.lost.find((c) => missing.some((m) => c.decl.serves.includes(m)))?.decl.source ??
        (endpointGone(r) ? r.endpoint?.source : starved[0]?.component.decl.source),
    );
  }
}

/** Per-host components lost on hosts that are up, one sentence per host. */
function lostOnHostNotes({ r, add, name }: Story): void {
  const byHost = new Map<string, Component[]>();
  for (const c of r.components)
    for (const h of r.lostOnHosts.get(c.id) ?? []) byHost.set(h, [...(byHost.get(h) ?? []), c]);
  for (const [host, list] of byHost) {
    // The most telling loss on the host: the datapath first, then the rest.
    const first = list.find((c) => c.decl.serves.includes('datapath')) ?? list[0];
    if (!first) continue;
    const others = list.filter((c) => c !== first).map((c) => c.name);
    add(
      first.decl.plane === 'data' ? 'traffic' : 'unmanageable',
      `On ${name(host)}, ${first.name} is lost: ${lowerFirst(first.decl.lost.replace(/^No [^:]+: /, ''))}${
        others.length > 0 ? ` (${listNames(others)} ${others.length === 1 ? 'is' : 'are'} lost with it.)` : ''
      }`,
      first.decl.source,
    );
  }
}

/** North-south traffic: stopped with the last gateway chassis, or its routers failing over. */
function northSouthNotes({ r, add, name, takeOver }: Story): void {
  if (r.gateways.hosts.length > 0) {
    const lostGw = r.gateways.hosts.filter((h) => !r.gateways.up.includes(h));
    if (r.northSouth === 'down')
      add(
        'traffic',
        `North-south traffic stops for every router: no gateway chassis is left (${listNames(r.gateways.hosts.map(name))}), so SNAT and floating IPs stop; east-west traffic between VMs on working hosts continues.`,
        S.ovnGatewayHa,
      );
    else if (lostGw.length > 0) {
      const provider = r.components.find(
        (c) => c.decl.serves.includes('gateway') || c.decl.servesOnGateway?.includes('gateway'),
      );
      const failover = provider?.decl.failover;
      if (failover && takeOver(r.gateways.hosts, r.gateways.up).length > 0)
        add(
          'heals',
          failover.text
            .replace('{from}', listNames(lostGw.map(name)))
            .replace('{to}', listNames(takeOver(r.gateways.hosts, r.gateways.up).map(name))),
          failover.source,
        );
    }
  }
}

/** The VMs: all of them, the tenants' ones that are down (amphorae are said with their load balancer), those cut off. */
function vmGroups(scene: Scene, r: FailureReport): { vmIds: string[]; tenantDown: string[]; cut: string[] } {
  const vmIds = [...r.vms.keys()];
  const downVms = vmIds.filter((id) => !r.vms.get(id)?.running);
  const amphorae = new Set<string>();
  for (const el of scene.elements)
    if (el.kind === 'load-balancer') for (const a of el.amphorae) amphorae.add(a);
  const tenantDown = downVms.filter((id) => !amphorae.has(id));
  const cut = vmIds.filter((id) => r.vms.get(id)?.running && r.vms.get(id)?.network === 'down');
  return { vmIds, tenantDown, cut };
}

/** VMs down, cut off, or running unmanaged. */
function vmNotes({ scene, r, add, name }: Story): void {
  const { tenantDown, cut } = vmGroups(scene, r);
  if (tenantDown.length > 0)
    add(
      'down',
      `${count(tenantDown.length, 'VM')} down: ${listNames(tenantDown.map(name))}. Nothing restarts them by itself: they stay down until someone evacuates them to another host (nova evacuate) or Masakari does it.`,
      S.novaEvacuate,
    );
  if (cut.length > 0)
    add(
      'traffic',
      `${count(cut.length, 'VM')} keep running without network: ${listNames(cut.map(name))}.`,
      S.neutronOvn,
    );
  const unmanaged = [...r.vms.keys()].filter((id) => r.vms.get(id)?.running && !r.vms.get(id)?.manageable);
  if (unmanaged.length > 0) {
    const inOutage = new Set(r.scopes.flatMap((o) => o.unmanageable));
    const why =
      r.controlPlane === 'down' || !r.served('compute-api')
        ? 'the Compute API cannot act'
        : unmanaged.every((id) => inOutage.has(id))
          ? 'their cell or region has lost its own control plane'
          : 'nova-compute or libvirt is lost on their host';
    add(
      'unmanageable',
      `${count(unmanaged.length, 'running VM')} cannot be managed (${why}): ${listNames(unmanaged.map(name))}.`,
      S.novaArchitecture,
    );
  }
}

/** Load balancers that lost an amphora: serving on, rebuilt, or down. */
function loadBalancerNotes({ scene, r, add }: Story): void {
  for (const el of scene.elements) {
    if (el.kind !== 'load-balancer') continue;
    const lb = r.loadBalancers.get(el.id);
    if (!lb || lb.amphoraeUp.length === lb.amphorae.length) continue;
    if (lb.up)
      add(
        'heals',
        `Load balancer ${el.name} keeps serving: its standby amphora takes over the VIP (ACTIVE_STANDBY, VRRP)${
          lb.rebuilt
            ? ', and octavia-health-manager rebuilds the lost one'
            : '; the lost one is not rebuilt while Octavia’s workers or Nova cannot act'
        }.`,
        S.octaviaConfig,
      );
    else if (lb.rebuilt)
      add(
        'heals',
        `Load balancer ${el.name} is down until octavia-health-manager notices the missing heartbeats (heartbeat_timeout, 60 s by default) and rebuilds its amphora on a working compute host: that minute plus the boot of a new amphora VM.`,
        S.octaviaConfig,
      );
    else
      add(
        'down',
        `Load balancer ${el.name} is down, and its amphora is not rebuilt: octavia-health-manager, octavia-worker or the Compute and Networking APIs cannot act.`,
        S.octaviaConfig,
      );
  }
}

type ClusterEl = Extract<SceneElement, { kind: 'operator-cluster' | 'tenant-cluster' }>;

/** A cluster without its API, with lost nodes, or unable to grow. */
function clusterNotes(story: Story, el: ClusterEl): void {
  const { r, add, name } = story;
  const c = r.clusters.get(el.id);
  if (!c) return;
  if (c.api === 'down') clusterApiDownNotes(story, el, c);
  else if (c.nodesDown.length > 0) {
    if (el.kind === 'operator-cluster') operatorNodesNotes(story, c);
    else
      add(
        'heals',
        `${el.name} keeps its API and reschedules the pods of its lost ${c.nodesDown.length === 1 ? 'node' : 'nodes'} (after 5 minutes by default); ${
          c.canReplaceNodes
            ? 'Cluster API can replace the lost machines (with a MachineHealthCheck) through OpenStack’s APIs.'
            : 'the lost machines cannot be replaced now: OpenStack’s APIs or its management cluster cannot act.'
        }`,
        S.k8sTaintEvictions,
      );
  }
  if (
    el.kind === 'tenant-cluster' &&
    c.api === 'up' &&
    c.nodesDown.length === 0 &&
    c.canReplaceNodes === false
  )
    add(
      'unmanageable',
      `${el.name} keeps its own API, but cannot get new nodes, load balancers or volumes until ${
        el.managedBy && r.clusters.get(el.managedBy)?.api === 'down'
          ? `its management cluster ${name(el.managedBy)} is back`
          : 'OpenStack’s control plane is back'
      }.`,
      el.managedBy ? S.magnumClusterApi : S.capo,
    );
}

/** A cluster without its API: why, and what still runs. */
function clusterApiDownNotes({ r, failedEls, add, name }: Story, el: ClusterEl, c: ClusterState): void {
  const m = r.majorities.find((g) => g.id === el.id);
  const viaLb = !failedEls.some((f) => f.id === el.id) && (m === undefined || m.held);
  const why = failedEls.some((f) => f.id === el.id)
    ? 'its control plane failed'
    : !viaLb && m
      ? `its etcd lost its majority (${m.up} of ${m.size} up, ${m.needed} needed)`
      : el.kind === 'tenant-cluster' &&
          el.apiLoadBalancer &&
          r.loadBalancers.get(el.apiLoadBalancer)?.up === false
        ? `its API load balancer ${name(el.apiLoadBalancer)} is down${r.loadBalancers.get(el.apiLoadBalancer)?.rebuilt ? ' until its amphora is rebuilt' : ''}`
        : 'its API load balancer cannot be reached from outside (no gateway chassis for its floating IP)';
  if (el.kind === 'operator-cluster')
    add(
      'unmanageable',
      `The operator's Kubernetes (${el.name}) has no API: ${why}. The kubelets keep the running pods running, so OpenStack's APIs keep answering; nothing is rescheduled or healed until it is back.`,
      S.k8sComponents,
    );
  else if (!c.workloadsRunning)
    add('down', `The tenant cluster ${el.name} is down: every one of its nodes is down.`, S.k8sComponents);
  else
    add(
      'unmanageable',
      `The tenant cluster ${el.name} has no API: ${why}. Its pods keep running, but nothing can be changed, rescheduled or healed.`,
      viaLb ? S.capo : S.k8sComponents,
    );
}

/** The operator's cluster lost nodes: what Kubernetes does with each kind of pod on them. */
function operatorNodesNotes({ scene, add, name }: Story, c: ClusterState): void {
  const lostNodes = new Set(c.nodesDown);
  const kinds = new Map<string, string[]>();
  for (const x of scene.elements)
    if (x.kind === 'service' && x.workloadKind && lostNodes.has(x.runsOn))
      kinds.set(x.workloadKind, [...(kinds.get(x.workloadKind) ?? []), x.name]);
  const parts: string[] = [];
  const names = (k: string) => listNames([...new Set(kinds.get(k))], 4);
  if (kinds.has('Deployment'))
    parts.push(
      `reschedules the Deployment pods (${names('Deployment')}) to other nodes once the node has been unreachable for 5 minutes (the default toleration)`,
    );
  if (kinds.has('StatefulSet'))
    parts.push(
      `leaves the StatefulSet pods (${names('StatefulSet')}) down until the node is back or deleted`,
    );
  if (kinds.has('DaemonSet'))
    parts.push(`does not move the DaemonSet pods (${names('DaemonSet')}): they belong to their node`);
  if (parts.length > 0)
    add(
      'heals',
      `On ${listNames(c.nodesDown.map(name))}, the operator's Kubernetes ${listNames(parts)}.`,
      S.k8sTaintEvictions,
    );
}

/** What keeps running, when something else did not. */
function runningNotes({ scene, r, add }: Story): void {
  const { vmIds, tenantDown, cut } = vmGroups(scene, r);
  const running = vmIds.filter((id) => r.vms.get(id)?.running && r.vms.get(id)?.network === 'up');
  if (
    running.length > 0 &&
    (tenantDown.length > 0 || cut.length > 0 || r.controlPlane !== 'up' || r.northSouth === 'down')
  )
    add(
      'running',
      r.northSouth === 'down'
        ? `${count(running.length, 'VM')} keep running and reach each other (east-west), but not the outside.`
        : `${count(running.length, 'VM')} keep running with their network.`,
      S.novaArchitecture,
    );
}

/** A capability in words, for "for want of …". */
function capabilityWords(cap: string): string {
  return CAPABILITY_WORDS[cap] ?? cap;
}

const CAPABILITY_WORDS: Readonly<Record<string, string>> = {
  database: 'the database',
  rpc: 'the message queue',
  identity: 'Keystone',
  'api-endpoint': 'the API endpoint',
  'ovn-nb': "OVN's northbound database",
  'ovn-sb': "OVN's southbound database",
  placement: 'Placement',
  'compute-api': 'the Compute API',
  'compute-conductor': 'nova-conductor',
  'network-api': 'the Networking API',
  'lb-provisioning': 'octavia-worker',
  'storage-map': "Ceph's monitors",
  'storage-data': "Ceph's OSDs",
};

const lowerFirst = (s: string) => (s ? s[0]?.toLowerCase() + s.slice(1) : s);

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
    ['operator-cluster', 'Kubernetes control plane', (el) => el.name],
    ['tenant-cluster', 'Kubernetes control plane', (el) => el.name],
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

/**
 * One sentence per cell or region whose own components are lost: a cell's database, queue or conductor
 * (a "down cell": its instances run on, unmanaged, listed as UNKNOWN), or a region's own API level.
 */
function scopeSentences(scene: Scene, r: FailureReport): { text: string; source: string }[] {
  const cells = scopingOf(scene).cells.length;
  return r.scopes.map((o) => {
    const majority = (id: string) => r.majorities.find((m) => m.id === id);
    const what = [
      ...o.lost.map((c) => {
        const m = c.decl.redundancy === 'majority' ? majority(c.id) : undefined;
        return m
          ? `${c.name} lost its majority (${m.up} of ${m.size} up, ${m.needed} needed)`
          : `every ${c.name} is down`;
      }),
      ...(o.lost.length === 0
        ? o.starved.map(
            (x) =>
              `${x.component.name} cannot serve for want of ${listNames(x.missing.map(capabilityWords))}`,
          )
        : []),
    ];
    const n = o.unmanageable.length;
    const running = `${n} running ${n === 1 ? 'instance keeps' : 'instances keep'} running`;
    if (o.scope.level === 'cell') {
      const others = cells - 1;
      return {
        text: `Cell ${o.scope.name}: ${listNames(what)}. Its ${running} but cannot be created, changed or deleted (the API lists them as UNKNOWN)${
          others > 0 ? `; the other ${others} ${others === 1 ? 'cell is' : 'cells are'} not affected` : ''
        }.`,
        source: S.novaDownCells,
      };
    }
    return {
      text: `Region ${o.scope.name}: ${listNames(what)}. Its ${running}, but nothing in ${o.scope.name} can be created or changed; the other regions keep their own API level.`,
      source: S.keystone,
    };
  });
}
