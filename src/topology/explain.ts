import type { HostElement, K8sNodeElement, Owner, Scene, SceneElement } from './scene';

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
// Quorum and failures: see `failures/` (declarations, the engine, the story).

export { majority, tolerates } from './failures/quorum';

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
