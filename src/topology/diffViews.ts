import type { Model, View, WorkloadKind } from '../model/schema';
import { WORKLOAD_KINDS } from '../model/vocabulary';
import { deriveScene } from './deriveScene';
import type { K8sNodeElement, Scene, SceneElement, ServiceElement, TenantClusterElement } from './scene';
import { count, listNames } from './words';

// What a learner sees change when switching views: the two scenes compared element by element. Ids are
// stable across views (`keystone-api@ctl1` is the same instance as a container and as a pod), so an id in
// both scenes is the same element. Everything goes through the scenes' `byId` maps: linear, deterministic.

export interface ViewChange {
  id: string;
  /** The element's name (in the `to` view; in the `from` view when it vanished). */
  name: string;
  kind: SceneElement['kind'];
  change: 'appeared' | 'vanished' | 'moved' | 'changed-owner' | 'changed-form';
  /** moved: what it ran on before (display name, `cluster/node` for a k8s node), or its layer when only that
   *  changed; changed-form: the old form (`container`); changed-owner: the old owner. */
  from?: string;
  /** The same, after the switch. */
  to?: string;
}

export interface ViewDiff {
  from: View;
  to: View;
  /** Grouped by change (appeared, vanished, moved, changed-form, changed-owner), each in scene order. */
  changes: ViewChange[];
  /** Plain-language sentences, most important first. */
  summary: string[];
}

const CHANGE_ORDER: readonly ViewChange['change'][] = [
  'appeared',
  'vanished',
  'moved',
  'changed-form',
  'changed-owner',
];

/** What changes between two views of a model, element by element (same ids = same element). Pure. */
export function diffViews(model: Model, a: View, b: View): ViewDiff {
  return diffScenes(deriveScene(model, a), deriveScene(model, b));
}

/** The same for two scenes already derived from one model (the app keeps them cached). */
export function diffScenes(before: Scene, after: Scene): ViewDiff {
  const [a, b] = [before.view, after.view];
  if (a === b) return { from: a, to: b, changes: [], summary: ['Nothing changes.'] };
  const changes = compareScenes(before, after);
  return { from: a, to: b, changes, summary: summarizeChanges(before, after, changes) };
}

/** The element-by-element changes from one scene to another. */
export function compareScenes(before: Scene, after: Scene): ViewChange[] {
  const buckets = new Map<ViewChange['change'], ViewChange[]>(CHANGE_ORDER.map((c) => [c, []]));
  const add = (c: ViewChange) => buckets.get(c.change)?.push(c);
  const base = (el: SceneElement) => ({ id: el.id, name: el.name, kind: el.kind });

  for (const el of after.elements) {
    const old = before.byId.get(el.id);
    if (!old) {
      add({ ...base(el), change: 'appeared' });
      continue;
    }
    if (old.runsOn !== el.runsOn)
      add({
        ...base(el),
        change: 'moved',
        ...optional('from', placeName(before, old.runsOn)),
        ...optional('to', placeName(after, el.runsOn)),
      });
    else if (old.layer !== el.layer) add({ ...base(el), change: 'moved', from: old.layer, to: el.layer });
    if (old.kind === 'service' && el.kind === 'service' && old.form !== el.form)
      add({ ...base(el), change: 'changed-form', from: old.form, to: el.form });
    if (old.owner !== el.owner) add({ ...base(el), change: 'changed-owner', from: old.owner, to: el.owner });
  }
  for (const el of before.elements) if (!after.byId.has(el.id)) add({ ...base(el), change: 'vanished' });

  return CHANGE_ORDER.flatMap((c) => buckets.get(c) ?? []);
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

/** A place's display name: `cluster/node` for a k8s node, else the element's name. */
function placeName(scene: Scene, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const el = scene.byId.get(id);
  if (!el) return id;
  if (el.kind === 'k8s-node') return `${scene.byId.get(el.cluster)?.name ?? el.cluster}/${el.name}`;
  return el.name;
}

// ---------------------------------------------------------------------------------------------------
// The summary

/** What the summary's sections share: the two scenes, the changes, and the sentences written so far. */
interface Summary {
  before: Scene;
  after: Scene;
  changes: readonly ViewChange[];
  /** Ids a sentence has already accounted for (the rest are counted at the end). */
  explained: Set<string>;
  out: string[];
  opBefore: SceneElement | undefined;
  opAfter: SceneElement | undefined;
  appearedIds: string[];
  vanishedIds: string[];
}

/** The plain-language sentences for the changes between two scenes, most important first. */
export function summarizeChanges(before: Scene, after: Scene, changes: readonly ViewChange[]): string[] {
  if (changes.length === 0) {
    const tenantToggled = before.flags.k8sInTenant !== after.flags.k8sInTenant;
    return [
      tenantToggled && !after.elements.some((e) => e.kind === 'tenant-cluster')
        ? 'Nothing changes: the model has no tenant Kubernetes clusters.'
        : 'Nothing changes.',
    ];
  }
  const sum: Summary = {
    before,
    after,
    changes,
    explained: new Set<string>(),
    out: [],
    opBefore: before.elements.find((e) => e.kind === 'operator-cluster'),
    opAfter: after.elements.find((e) => e.kind === 'operator-cluster'),
    appearedIds: changes.filter((c) => c.change === 'appeared').map((c) => c.id),
    vanishedIds: changes.filter((c) => c.change === 'vanished').map((c) => c.id),
  };
  operatorClusterSentences(sum);
  tenantSentences(sum, after, sum.appearedIds, true);
  tenantSentences(sum, before, sum.vanishedIds, false);
  twoClustersSentences(sum);
  serviceFormSentences(sum);
  staysOutsideSentences(sum);
  restSentences(sum);
  return sum.out;
}

/** 1. The operator's Kubernetes, below OpenStack. */
function operatorClusterSentences({ before, after, explained, out, opBefore, opAfter }: Summary): void {
  if (opAfter && !opBefore) {
    const nodes = nodesOf(after, opAfter.id);
    for (const id of [opAfter.id, ...nodes.map((n) => n.id)]) explained.add(id);
    const cp = nodes.filter((n) => n.nodeRole === 'control-plane').map((n) => n.machine);
    const derived = opAfter.kind === 'operator-cluster' && opAfter.derived;
    out.push(
      `The operator's Kubernetes cluster ${opAfter.name}${derived ? ' (derived by Stacklayers: the model describes none)' : ''} appeared, with ${count(nodes.length, 'node')} on the hosts${cp.length > 0 ? ` (control plane on ${listNames(cp)})` : ''}.`,
    );
  } else if (opBefore && !opAfter) {
    const nodes = nodesOf(before, opBefore.id);
    for (const id of [opBefore.id, ...nodes.map((n) => n.id)]) explained.add(id);
    out.push(
      `The operator's Kubernetes cluster ${opBefore.name} is gone, with its ${count(nodes.length, 'node')}: OpenStack runs directly on the hosts again.`,
    );
  }
}

/** 2. Tenant Kubernetes, on VMs: the clusters among `ids` that appeared in (or vanished from) `scene`. */
function tenantSentences(
  { explained, out }: Summary,
  scene: Scene,
  ids: readonly string[],
  appeared: boolean,
): void {
  const clusters = ids
    .map((id) => scene.byId.get(id))
    .filter((c): c is TenantClusterElement => c?.kind === 'tenant-cluster');
  if (clusters.length === 0) return;
  const inBatch = new Set(clusters.map((c) => c.id));
  const podsOf = new Map<string, number>();
  for (const el of scene.elements)
    if (el.kind === 'pod') podsOf.set(el.cluster, (podsOf.get(el.cluster) ?? 0) + 1);
  let nodeTotal = 0;
  let podTotal = 0;
  for (const c of clusters) {
    const nodes = nodesOf(scene, c.id);
    explained.add(c.id);
    for (const n of nodes) explained.add(n.id);
    nodeTotal += nodes.length;
    podTotal += podsOf.get(c.id) ?? 0;
  }
  for (const el of scene.elements) if (el.kind === 'pod' && inBatch.has(el.cluster)) explained.add(el.id);
  const only = clusters.length === 1 ? clusters[0] : undefined;
  if (only) out.push(...oneTenantCluster(scene, only, podsOf.get(only.id) ?? 0, appeared));
  else {
    const names = listNames(clusters.map((c) => c.name));
    out.push(
      appeared
        ? `${clusters.length} tenant Kubernetes clusters appeared (${names}), on ${count(nodeTotal, 'VM')} with ${count(podTotal, 'pod')}; the VMs stay on their compute hosts.`
        : `${clusters.length} tenant Kubernetes clusters are gone (${names}), with ${count(nodeTotal, 'node')} and ${count(podTotal, 'pod')}; their VMs stay as plain OpenStack resources.`,
    );
  }
}

/** The sentences for one tenant cluster that appeared or vanished. */
function oneTenantCluster(
  scene: Scene,
  only: TenantClusterElement,
  pods: number,
  appeared: boolean,
): string[] {
  const nodes = nodesOf(scene, only.id);
  if (!appeared)
    return [
      `The tenant's Kubernetes cluster ${only.name} is gone, with its ${count(nodes.length, 'node')}${pods > 0 ? ` and ${count(pods, 'pod')}` : ''}; its VMs, load balancers and volumes stay as plain OpenStack resources.`,
    ];
  const cp = nodes.filter((n) => n.nodeRole === 'control-plane').length;
  const project = scene.byId.get(only.project)?.name ?? only.project;
  const uses = [
    only.loadBalancers.length > 0 ? count(only.loadBalancers.length, 'load balancer') : '',
    only.volumes.length > 0 ? count(only.volumes.length, 'volume') : '',
  ].filter(Boolean);
  return [
    `The tenant's Kubernetes cluster ${only.name} appeared in project ${project}, on ${count(nodes.length, 'VM')} (${cp} control-plane, ${nodes.length - cp} ${nodes.length - cp === 1 ? 'worker' : 'workers'})${pods > 0 ? `, with ${count(pods, 'pod')}` : ''}.`,
    `Its VMs stay on their compute hosts: Kubernetes is installed on them${uses.length > 0 ? `, and it uses ${uses.join(' and ')} of the project` : ''}.`,
  ];
}

/** 3. The cluster that stays: two Kubernetes, two owners. */
function twoClustersSentences({
  before,
  after,
  out,
  opBefore,
  opAfter,
  appearedIds,
  vanishedIds,
}: Summary): void {
  const op = opAfter ?? opBefore;
  const tenantBoth = after.elements.filter((e) => e.kind === 'tenant-cluster' && before.byId.has(e.id));
  if (tenantBoth.length > 0 && op && Boolean(opBefore) !== Boolean(opAfter)) {
    const names = listNames(tenantBoth.map((c) => c.name));
    const one = tenantBoth.length === 1;
    out.push(
      opAfter
        ? `The tenant's Kubernetes ${one ? 'cluster' : 'clusters'} ${names} ${one ? 'stays' : 'stay'} on ${one ? 'its' : 'their'} VMs: ${one ? 'a different cluster' : 'different clusters'} from ${op.name}, owned by the tenant, not the operator.`
        : `The tenant's Kubernetes ${one ? 'cluster' : 'clusters'} ${names} ${one ? 'stays' : 'stay'} on ${one ? 'its' : 'their'} VMs: how the operator deploys the control plane does not change ${one ? 'it' : 'them'}.`,
    );
  }
  if (opBefore && opAfter) {
    const tenantNew = appearedIds.filter((id) => after.byId.get(id)?.kind === 'tenant-cluster');
    const tenantOld = vanishedIds.filter((id) => before.byId.get(id)?.kind === 'tenant-cluster');
    if (tenantNew.length > 0)
      out.push(
        `The operator's Kubernetes cluster ${opAfter.name} stays below OpenStack: the same technology as ${listNames(tenantNew.map((id) => after.byId.get(id)?.name ?? id))}, but a different cluster with a different owner.`,
      );
    else if (tenantOld.length > 0)
      out.push(
        `The operator's Kubernetes cluster ${opAfter.name} stays below OpenStack, running its services.`,
      );
  }
}

/** 4. Services that became pods, or containers again. */
function serviceFormSentences({ after, changes, explained, out, opBefore, opAfter }: Summary): void {
  const formChanges = changes.filter((c) => c.change === 'changed-form' && c.kind === 'service');
  const toPod: ServiceElement[] = [];
  const fromPod: ServiceElement[] = [];
  for (const c of formChanges) {
    const el = after.byId.get(c.id);
    if (el?.kind !== 'service') continue;
    explained.add(el.id);
    if (el.form === 'pod') toPod.push(el);
    else if (c.from === 'pod') fromPod.push(el);
  }
  const isController = (s: ServiceElement) => {
    const h = after.byId.get(s.host);
    return h?.kind === 'host' && h.roles.includes('controller');
  };
  const formWord = after.deployment.form;
  const opName = (opAfter ?? opBefore)?.name ?? 'the cluster';
  const onCtl = toPod.filter(isController);
  if (onCtl.length > 0)
    out.push(
      `${count(onCtl.length, 'control-plane service instance')} on the controllers (${hostList(after, onCtl)}) became pods on the nodes of ${opName} (${kindTally(onCtl)}).`,
    );
  const agents = toPod.filter((s) => !isController(s));
  if (agents.length > 0) {
    const noun = hostNoun(after, agents);
    const vmsThere = new Set(agents.map((s) => s.host));
    const vms = after.elements.some((e) => e.kind === 'vm' && vmsThere.has(e.host));
    out.push(
      `${agentNames(agents)} became ${kindWords(agents)} pods on the ${noun}s (${count(agents.length, 'pod')} on ${hostList(after, agents)})${vms ? "; the VMs still run on the hosts' hypervisors, not in Kubernetes" : ''}.`,
    );
  }
  const backCtl = fromPod.filter(isController);
  if (backCtl.length > 0)
    out.push(
      `${count(backCtl.length, 'control-plane service instance')} on the controllers (${hostList(after, backCtl)}) run as ${formWord} again, placed on the hosts by ${after.deployment.tool}.`,
    );
  const backAgents = fromPod.filter((s) => !isController(s));
  if (backAgents.length > 0)
    out.push(
      `${agentNames(backAgents)} run as ${formWord} on the ${hostNoun(after, backAgents)}s again (${count(backAgents.length, 'instance')} on ${hostList(after, backAgents)}).`,
    );
}

/** 5. What stays outside the operator's cluster when it appears. */
function staysOutsideSentences({ before, after, out, opBefore, opAfter }: Summary): void {
  if (!opAfter || opBefore) return;
  const stayByService = new Map<string, ServiceElement[]>();
  for (const el of after.elements)
    if (el.kind === 'service' && el.form !== 'pod' && before.byId.has(el.id)) {
      const list = stayByService.get(el.serviceName);
      if (list) list.push(el);
      else stayByService.set(el.serviceName, [el]);
    }
  if (stayByService.size === 0) return;
  const all = [...stayByService.values()].flat();
  const hosts = new Set(all.map((s) => s.host));
  out.push(
    `${listNames([...stayByService.keys()])} on ${hostList(after, all)} ${stayByService.size === 1 ? 'stays' : 'stay'} in ${after.deployment.form}: ${hosts.size === 1 ? 'that host is' : 'those hosts are'} not in the cluster.`,
  );
}

const CHANGE_VERBS: Record<ViewChange['change'], string> = {
  appeared: 'appeared',
  vanished: 'vanished',
  moved: 'moved',
  'changed-form': 'changed form',
  'changed-owner': 'changed owner',
};

/** 6. Anything else, counted. */
function restSentences({ changes, explained, out }: Summary): void {
  const rest = new Map<ViewChange['change'], ViewChange[]>();
  for (const c of changes) {
    if (explained.has(c.id)) continue;
    const list = rest.get(c.change);
    if (list) list.push(c);
    else rest.set(c.change, [c]);
  }
  for (const change of CHANGE_ORDER) {
    const list = rest.get(change);
    if (!list) continue;
    out.push(
      `${list.length === 1 ? 'One more element' : `${list.length} more elements`} ${CHANGE_VERBS[change]}: ${listNames(list.map((c) => c.name))}.`,
    );
  }
}

/** The k8s nodes of each cluster of a scene, indexed once per scene (so the summary stays linear). */
const nodeIndex = new WeakMap<Scene, Map<string, K8sNodeElement[]>>();
function nodesOf(scene: Scene, clusterId: string): K8sNodeElement[] {
  let index = nodeIndex.get(scene);
  if (!index) {
    index = new Map();
    for (const e of scene.elements)
      if (e.kind === 'k8s-node') {
        const list = index.get(e.cluster);
        if (list) list.push(e);
        else index.set(e.cluster, [e]);
      }
    nodeIndex.set(scene, index);
  }
  return index.get(clusterId) ?? [];
}

/** The distinct hosts of some service instances, in the scene's host order, as a list of names. */
function hostList(scene: Scene, list: readonly ServiceElement[]): string {
  const hosts = new Set(list.map((s) => s.host));
  return listNames(scene.elements.filter((e) => e.kind === 'host' && hosts.has(e.id)).map((h) => h.name));
}

/** "compute host", "network host" or "host", for the hosts of some service instances. */
function hostNoun(scene: Scene, list: readonly ServiceElement[]): string {
  const roles = [...new Set(list.map((s) => s.host))].map((id) => {
    const h = scene.byId.get(id);
    return h?.kind === 'host' ? h.roles : [];
  });
  for (const role of ['compute', 'network', 'storage'] as const)
    if (roles.every((r) => r.includes(role))) return `${role} host`;
  return 'host';
}

/** "nova-compute, libvirt and 3 other agents": the distinct process names, in order. */
function agentNames(list: readonly ServiceElement[]): string {
  const names = [...new Set(list.map((s) => s.name))];
  if (names.length <= 3) return listNames(names);
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} other agents`;
}

function kindCounts(list: readonly ServiceElement[]): [WorkloadKind, number][] {
  const counts = new Map<WorkloadKind, number>();
  for (const s of list)
    if (s.workloadKind !== undefined) counts.set(s.workloadKind, (counts.get(s.workloadKind) ?? 0) + 1);
  return WORKLOAD_KINDS.filter((k) => counts.has(k)).map((k) => [k, counts.get(k) ?? 0]);
}

/** "45 Deployment, 15 StatefulSet and 12 DaemonSet pods" */
function kindTally(list: readonly ServiceElement[]): string {
  const counts = kindCounts(list);
  if (counts.length === 1) return `all ${counts[0]?.[0]} pods`;
  return `${listNames(counts.map(([k, n]) => `${n} ${k}`))} pods`;
}

/** "DaemonSet", or "DaemonSet and Deployment". */
function kindWords(list: readonly ServiceElement[]): string {
  return listNames(kindCounts(list).map(([k]) => k));
}
