import { ELEMENT_LISTS, type ElementList } from './elementLists';
import { HOST_ROLES } from './vocabulary';

/** How many elements of each kind a model has in its fullest view (`both`). */
export interface ElementCounts {
  total: number;
  hosts: number;
  /** Process instances: one per process and host it runs on. */
  serviceInstances: number;
  /** Operator and tenant Kubernetes clusters and their nodes. */
  kubernetes: number;
  /** Pods of tenant workloads. */
  pods: number;
  /** Projects, networks, VMs, load balancers and volumes (and any list `ELEMENT_LISTS` counts here). */
  tenantResources: number;
}

const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const field = (v: unknown, key: string): unknown => {
  const r = record(v);
  return Object.hasOwn(r, key) ? r[key] : undefined;
};
/** A count field as the schema allows it (a whole number from 1 to 10,000), else undefined. */
const countField = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000 ? v : undefined;

function roleMask(role: unknown): number {
  let mask = 0;
  for (const r of typeof role === 'string' ? [role] : list(role)) {
    const i = HOST_ROLES.indexOf(r as (typeof HOST_ROLES)[number]);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/**
 * The elements a model has in its fullest view, counted from the JSON value without deriving anything: linear
 * in the size of the model, and safe on any value (what is not where the schema expects it counts as nothing).
 * For a valid model it equals the number of elements `deriveScene(model, 'both')` makes.
 */
export function countElements(value: unknown, lists: readonly ElementList[] = ELEMENT_LISTS): ElementCounts {
  const hosts = list(field(value, 'hosts'));
  // Hosts by role set: a process's candidates are the hosts with any of its roles.
  const byMask = new Array<number>(1 << HOST_ROLES.length).fill(0);
  const maskOf = new Map<unknown, number>();
  for (const h of hosts) {
    const mask = roleMask(field(h, 'roles'));
    byMask[mask] = (byMask[mask] ?? 0) + 1;
    maskOf.set(field(h, 'id'), mask);
  }
  const candidates = (mask: number) => byMask.reduce((n, c, m) => (m & mask ? n + c : n), 0);

  let serviceInstances = 0;
  for (const s of list(field(value, 'services')))
    for (const p of list(field(s, 'processes'))) {
      const mask = roleMask(field(p, 'role'));
      const pinned = field(p, 'hosts');
      if (Array.isArray(pinned)) {
        const placed = new Set(pinned.filter((h) => ((maskOf.get(h) ?? 0) & mask) !== 0));
        serviceInstances += placed.size;
      } else serviceInstances += Math.min(countField(field(p, 'replicas')) ?? Infinity, candidates(mask));
    }

  // The operator's cluster: the model's, or one derived from every controller, network or compute host.
  const oc = field(value, 'operatorCluster');
  const joins = roleMask(['controller', 'network', 'compute']);
  let kubernetes = 1 + (oc === undefined ? candidates(joins) : list(field(oc, 'hosts')).length);

  // One element each, as the model's element lists say (`ELEMENT_LISTS`): hosts, projects and their resources,
  // tenant clusters (their nodes and pods are counted below).
  const one = { hosts: 0, kubernetes: 0, tenantResources: 0 };
  countLists(value, lists, one);
  kubernetes += one.kubernetes;
  const tenantResources = one.tenantResources;

  let pods = 0;
  for (const c of list(field(value, 'tenantClusters'))) {
    const controlPlane = list(field(c, 'controlPlane')).length;
    const workers = list(field(c, 'workers')).length;
    kubernetes += controlPlane + workers;
    const schedulable = workers > 0 ? workers : controlPlane;
    for (const w of list(field(c, 'workloads')))
      pods += field(w, 'kind') === 'DaemonSet' ? schedulable : (countField(field(w, 'replicas')) ?? 1);
  }

  const total = one.hosts + serviceInstances + kubernetes + pods + tenantResources;
  return { total, hosts: one.hosts, serviceInstances, kubernetes, pods, tenantResources };
}

/** Adds each list's length to the count it names, and goes into the items of the lists that hold lists. */
function countLists(
  value: unknown,
  lists: readonly ElementList[],
  one: Record<NonNullable<ElementList['counts']>, number>,
): void {
  for (const l of lists) {
    const v = field(value, l.key);
    const items = l.single ? (v === undefined ? [] : [v]) : list(v);
    if (l.counts) one[l.counts] += items.length;
    if (l.lists) for (const item of items) countLists(item, l.lists, one);
  }
}
