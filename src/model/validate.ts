import type * as z from 'zod/mini';
import { roleList } from './access';
import { countElements } from './countElements';
import { ELEMENT_LISTS, type ElementList } from './elementLists';
import type { ModelIssue } from './issues';
import { MAX_ELEMENTS, MAX_ISSUES, thousands } from './limits';
import { jsonSyntaxIssues } from './locate';
import { preflightText } from './preflight';
import {
  HOST_ROLES,
  type LoadBalancer,
  Model,
  type Process,
  type Project,
  type Service,
  type TenantCluster,
  type Tour,
  type Vm,
  type Volume,
  type Workload,
} from './schema';
import { type ElementVisit, idOf, walkElements } from './walkElements';

export type ValidationResult = { ok: true; model: Model } | { ok: false; issues: ModelIssue[] };

/** `['hosts', 2, 'id']` -> `$.hosts[2].id` (keys that are not identifiers are quoted). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const segmentsOf = (path: readonly PropertyKey[]) => path.map((k) => (typeof k === 'number' ? k : String(k)));

/** zod's issues as ModelIssues, with plain messages and JSON paths. */
export function zodIssues(error: z.core.$ZodError, root: unknown): ModelIssue[] {
  return error.issues.map((issue) => {
    const segments = segmentsOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        path: formatPath(issue.path),
        message: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${keys} (check the spelling)`,
        segments,
        key: issue.keys[0],
      };
    }
    return {
      path: formatPath(issue.path),
      message: plainMessage(issue, valueAt(root, issue.path)),
      segments,
    };
  });
}

/** The value at a path of parsed JSON (own properties only). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** zod's messages, said the way a person would. */
function plainMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined')
        return `${typeof last === 'string' ? `"${last}"` : 'a value'} is missing (expected ${article(issue.expected)})`;
      if (issue.path.length === 0)
        return `a model is a JSON object, not ${received ? article(received) : 'this'}`;
      return `expected ${article(issue.expected)}${received ? `, not ${article(received)}` : ''}`;
    }
    case 'invalid_value':
      if (issue.path.length === 1 && last === 'version')
        return `unsupported model version ${JSON.stringify(input)}: this Stacklayers reads version 1`;
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'array') return `needs at least ${n} ${n === 1 ? 'item' : 'items'}`;
      if (issue.origin === 'string')
        return n === 1 ? 'must not be empty' : `must be at least ${n} characters`;
      return issue.inclusive === false ? `must be greater than ${n}` : `must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'array') return `may have at most ${n} items`;
      if (issue.origin === 'string') return `may be at most ${n} characters long`;
      return `must be at most ${n}`;
    }
    case 'invalid_union':
      return last === 'role'
        ? `must be a host role (${HOST_ROLES.join(', ')}) or a list of them`
        : 'is not any of the allowed forms';
    default:
      // Deliberately partial: zod's other issue codes (custom refinements among them) keep zod's own message.
      return issue.message;
  }
}

/** Parses JSON text; returns a single issue at `$` when it is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: ModelIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, issues: [{ path: '$', message: `not valid JSON: ${(err as Error).message}` }] };
  }
}

/**
 * Validates a value against the schema, then checks what a schema cannot: unique ids and references.
 * Never throws.
 */
export function validateModel(value: unknown): ValidationResult {
  // Counted first, from the raw value: a small file can ask for millions of pods, and nothing past this
  // point (schema, integrity, derive, layout) should spend time on a model that is refused anyway.
  const tooBig = elementLimitIssue(value);
  if (tooBig) return { ok: false, issues: [tooBig] };
  const parsed = Model.safeParse(value);
  if (!parsed.success) return { ok: false, issues: capIssues(zodIssues(parsed.error, value)) };
  const issues = checkIntegrity(parsed.data);
  return issues.length ? { ok: false, issues: capIssues(issues) } : { ok: true, model: parsed.data };
}

/** The issue of a model with more elements than MAX_ELEMENTS, saying what most of them are. */
function elementLimitIssue(value: unknown): ModelIssue | undefined {
  const c = countElements(value);
  if (c.total <= MAX_ELEMENTS) return undefined;
  const parts: [number, string][] = [
    [c.hosts, 'hosts'],
    [c.serviceInstances, 'service instances (processes on hosts)'],
    [c.kubernetes, 'Kubernetes clusters and nodes'],
    [c.pods, 'pods (workload replicas)'],
    [c.tenantResources, 'projects, networks, VMs, load balancers and volumes'],
  ];
  const [n, what] = parts.reduce((a, b) => (b[0] > a[0] ? b : a));
  return {
    path: '$',
    message: `the model has ${thousands(c.total)} elements (${thousands(n)} of them ${what}); the limit is ${thousands(MAX_ELEMENTS)}`,
    segments: [],
    limit: true,
  };
}

/** The first MAX_ISSUES issues, and one more that counts the rest. */
function capIssues(issues: ModelIssue[]): ModelIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    {
      path: '$',
      message: `and ${thousands(rest)} more ${rest === 1 ? 'problem' : 'problems'} (only the first ${MAX_ISSUES} are listed)`,
      segments: [],
    },
  ];
}

/**
 * Checks and validates model text: the text (size, binary, nesting; a byte order mark is fine), its JSON
 * syntax (located: line and column), then the model. Never throws.
 */
export function validateModelText(input: string): ValidationResult {
  const pre = preflightText(input);
  if (!pre.ok) return { ok: false, issues: [pre.issue] };
  const json = parseJson(pre.text);
  if (json.ok) return validateModel(json.value);
  const syntax = jsonSyntaxIssues(pre.text);
  return { ok: false, issues: syntax.length ? syntax : json.issues };
}

/** What the integrity checks share: the model, how an issue is added, and what is known of the hosts. */
interface Integrity {
  model: Model;
  add: AddIssue;
  hosts: ReadonlyMap<string, Model['hosts'][number]>;
  /** How many hosts have one of a process's roles. */
  hostsWithRole: (role: Process['role']) => number;
  /** The model's cells (known once the hosts are checked). */
  cells: ReadonlySet<string>;
}

/** Which project each VM, load balancer and volume belongs to, and the project ids. */
interface ProjectIndex {
  vmProject: Map<string, string>;
  lbProject: Map<string, string>;
  volumeProject: Map<string, string>;
  projects: Set<string>;
}

/** What a kind checks beyond unique ids, as the walk over the element lists meets it (by list path). */
interface Hook {
  enter?(): void;
  item?(v: ElementVisit): void;
  leave?(): void;
}

/**
 * Reference and uniqueness checks on a schema-valid model: one walk over the element lists (`ELEMENT_LISTS`),
 * which claims every element's id in the model's one namespace (hosts, processes, projects, VMs ...: a second
 * use is an issue) and resolves the references the lists declare; what a kind checks besides hooks into the
 * walk where its items are met.
 */
export function checkIntegrity(model: Model, lists: readonly ElementList[] = ELEMENT_LISTS): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const add = (path: PropertyKey[], message: string) =>
    issues.push({ path: formatPath(path), message, segments: segmentsOf(path) });

  const seen = new Map<string, string>();
  const claim = (id: string, path: PropertyKey[], what: string) => {
    const first = seen.get(id);
    if (first !== undefined) add(path, `${what} id '${id}' is already used at ${first}`);
    else seen.set(id, formatPath(path));
  };
  const hosts = new Map(model.hosts.map((h) => [h.id, h]));
  const ctx: Integrity = { model, add, hosts, hostsWithRole: hostRoleCounter(model), cells: new Set() };
  const hooks = kindChecks(ctx);
  const refs = declaredRefs(add, lists);
  walkElements(
    model,
    {
      enter: (_list, path) => hooks[path]?.enter?.(),
      item: (v) => {
        const id = idOf(v.item);
        if (v.list.what !== undefined && id !== undefined) claim(id, [...v.at, 'id'], v.list.what);
        hooks[v.listPath]?.item?.(v);
        refs.visit(v);
      },
      leave: (_list, path) => hooks[path]?.leave?.(),
    },
    lists,
  );
  refs.check();
  checkTours(ctx, issues);
  return issues;
}

/**
 * The references an element list declares (`refs`): each must be an id of the list it names. Checked once every
 * id is known, in the order the walk met them.
 */
function declaredRefs(add: AddIssue, lists: readonly ElementList[]) {
  const ids = new Map<string, { what: string; ids: Set<string> }>();
  const targets = (within: readonly ElementList[]) => {
    for (const list of within) {
      for (const ref of list.refs ?? []) ids.set(ref.to, { what: whatAt(lists, ref.to), ids: new Set() });
      targets(list.lists ?? []);
    }
  };
  targets(lists);
  const uses: { v: ElementVisit; key: string; to: string }[] = [];
  return {
    visit(v: ElementVisit) {
      const id = idOf(v.item);
      if (id !== undefined) ids.get(v.listPath)?.ids.add(id);
      for (const ref of v.list.refs ?? []) uses.push({ v, key: ref.key, to: ref.to });
    },
    check() {
      for (const { v, key, to } of uses) {
        const value = (v.item as Record<string, unknown>)[key];
        const target = ids.get(to);
        if (value === undefined || !target) continue;
        const names = Array.isArray(value) ? value : [value];
        names.forEach((name, k) => {
          if (typeof name === 'string' && !target.ids.has(name))
            add(
              Array.isArray(value) ? [...v.at, key, k] : [...v.at, key],
              `${v.list.what ?? v.list.key} '${idOf(v.item)}' names ${target.what} '${name}', which is not in the model`,
            );
        });
      }
    },
  };
}

/** What a list path's elements are called ("network" for `projects.networks`). */
function whatAt(top: readonly ElementList[], path: string): string {
  let lists: readonly ElementList[] | undefined = top;
  let found: ElementList | undefined;
  for (const key of path.split('.')) {
    found = lists?.find((l) => l.key === key);
    lists = found?.lists;
  }
  if (!found) throw new Error(`ELEMENT_LISTS: no list at ${path}`);
  return found.what ?? found.key;
}

/** The existing kinds' own checks, by list path: hosts' places, processes' hosts, projects' VMs, clusters' nodes. */
function kindChecks(ctx: Integrity): Readonly<Record<string, Hook>> {
  const index: ProjectIndex = {
    vmProject: new Map(),
    lbProject: new Map(),
    volumeProject: new Map(),
    projects: new Set(),
  };
  const serviceAt = new Map<string, number>();
  const vms = vmChecks(ctx, index);
  return {
    hosts: {
      leave: () => {
        ctx.cells = checkStructure(ctx.model, ctx.add).cells;
      },
    },
    services: { item: ({ item, at }) => checkServiceId(ctx, serviceAt, item as Service, at) },
    'services.processes': { item: ({ item, at }) => checkProcess(ctx, item as Process, at) },
    operatorCluster: { item: () => checkOperatorCluster(ctx) },
    projects: {
      enter: vms.enter,
      item: ({ item }) => {
        index.projects.add((item as Project).id);
      },
      leave: () => {
        vms.leave();
        checkProjectRefs(ctx, index);
      },
    },
    'projects.vms': { item: vms.item },
    'projects.loadBalancers': {
      item: ({ item, parent }) => {
        index.lbProject.set((item as LoadBalancer).id, (parent as Project).id);
      },
    },
    'projects.volumes': {
      item: ({ item, parent }) => {
        index.volumeProject.set((item as Volume).id, (parent as Project).id);
      },
    },
    ...tenantClusterChecks(ctx, index),
  };
}

/** Hosts by role set, so that counting the hosts of a process's roles does not walk every host. */
function hostRoleCounter(model: Model): (role: Process['role']) => number {
  const byMask = new Map<number, number>();
  for (const h of model.hosts) {
    const mask = h.roles.reduce((m, r) => m | (1 << HOST_ROLES.indexOf(r)), 0);
    byMask.set(mask, (byMask.get(mask) ?? 0) + 1);
  }
  return (role) => {
    const mask = roleList(role).reduce((m, r) => m | (1 << HOST_ROLES.indexOf(r)), 0);
    let n = 0;
    for (const [m, count] of byMask) if (m & mask) n += count;
    return n;
  };
}

/** Services have their own namespace: a service and its single process often share a name (horizon). */
function checkServiceId(
  { add }: Integrity,
  serviceAt: Map<string, number>,
  s: Service,
  at: PropertyKey[],
): void {
  const first = serviceAt.get(s.id);
  if (first !== undefined)
    add([...at, 'id'], `service id '${s.id}' is already used at ${formatPath(['services', first, 'id'])}`);
  else serviceAt.set(s.id, at[at.length - 1] as number);
}

/** A process: its hosts, cell and roles. */
function checkProcess(
  { add, hosts, hostsWithRole, cells }: Integrity,
  p: Process,
  path: PropertyKey[],
): void {
  const n = hostsWithRole(p.role);
  const roles = roleList(p.role).join(' or ');
  p.hosts?.forEach((h, k) => {
    const host = hosts.get(h);
    if (!host) add([...path, 'hosts', k], `process '${p.id}' runs on host '${h}', which is not in hosts`);
    else if (!host.roles.some((r) => roleList(p.role).includes(r)))
      add(
        [...path, 'hosts', k],
        `process '${p.id}' runs on host '${h}', which does not have the role ${roles}`,
      );
  });
  if (p.cell !== undefined && !cells.has(p.cell))
    add([...path, 'cell'], `process '${p.id}' belongs to cell '${p.cell}', which is not in cells`);
  if (roleList(p.role).includes('baremetal'))
    add(
      [...path, 'role'],
      `process '${p.id}' cannot run on baremetal hosts: an Ironic node is given whole to a tenant's instance`,
    );
  else if (n === 0)
    add([...path, 'role'], `process '${p.id}' runs on ${roles} hosts, but no host has that role`);
  else if (p.replicas !== undefined && p.replicas > n)
    add(
      [...path, 'replicas'],
      `process '${p.id}' wants ${p.replicas} replicas, but only ${n} ${n === 1 ? 'host has' : 'hosts have'} the role ${roles}`,
    );
}

/** The operator cluster: its hosts exist once each, its control plane among them. */
function checkOperatorCluster({ model, add, hosts }: Integrity): void {
  const oc = model.operatorCluster;
  if (!oc) return;
  const members = new Set<string>();
  oc.hosts.forEach((h, i) => {
    if (!hosts.has(h)) add(['operatorCluster', 'hosts', i], `host '${h}' is not in hosts`);
    else if (members.has(h)) add(['operatorCluster', 'hosts', i], `host '${h}' is listed twice`);
    members.add(h);
  });
  oc.controlPlane?.forEach((h, i) => {
    if (!members.has(h))
      add(
        ['operatorCluster', 'controlPlane', i],
        `control-plane host '${h}' is not one of the cluster's hosts`,
      );
  });
}

/** Flavors (checked before the projects), and where each VM runs; whether unplaced VMs have a compute host. */
function vmChecks({ model, add, hosts, hostsWithRole }: Integrity, { vmProject }: ProjectIndex) {
  let flavors: Set<string> | undefined;
  const instanceOn = new Map<string, string>();
  let unplaced = 0;
  return {
    enter() {
      flavors = model.flavors ? new Set<string>() : undefined;
      model.flavors?.forEach((f, i) => {
        if (flavors?.has(f.name)) add(['flavors', i, 'name'], `flavor '${f.name}' is defined twice`);
        flavors?.add(f.name);
      });
    },
    item({ item, at: path, parent }: ElementVisit) {
      const vm = item as Vm;
      vmProject.set(vm.id, (parent as Project).id);
      if (vm.host !== undefined) {
        const host = hosts.get(vm.host);
        if (!host) add([...path, 'host'], `VM '${vm.id}' runs on host '${vm.host}', which is not in hosts`);
        else if (host.roles.includes('baremetal')) {
          const other = instanceOn.get(vm.host);
          if (other !== undefined)
            add(
              [...path, 'host'],
              `VM '${vm.id}' is deployed on bare-metal host '${vm.host}', which already serves '${other}' (one instance per Ironic node)`,
            );
          else instanceOn.set(vm.host, vm.id);
        } else if (!host.roles.includes('compute'))
          add([...path, 'host'], `VM '${vm.id}' runs on host '${vm.host}', which is not a compute host`);
      } else unplaced++;
      if (flavors && !flavors.has(vm.flavor))
        add([...path, 'flavor'], `VM '${vm.id}' uses flavor '${vm.flavor}', which is not in flavors`);
    },
    leave() {
      if (unplaced > 0 && hostsWithRole('compute') === 0)
        add(['hosts'], 'the model has VMs but no host with the role compute to run them');
    },
  };
}

/** A load balancer or volume a tenant cluster (or its workload) uses: one of its project's. */
function checkClusterRef(
  add: AddIssue,
  { lbProject, volumeProject }: ProjectIndex,
  c: TenantCluster,
  kind: 'load balancer' | 'volume',
  ref: string,
  where: PropertyKey[],
): void {
  const owner = (kind === 'volume' ? volumeProject : lbProject).get(ref);
  if (owner === undefined) add(where, `${kind} '${ref}' used by cluster '${c.id}' is not in any project`);
  else if (owner !== c.project)
    add(where, `${kind} '${ref}' belongs to project '${owner}', not to '${c.project}'`);
}

/** Tenant clusters: nodes are VMs of their project (each in one cluster), what they and their workloads use is theirs. */
function tenantClusterChecks({ model, add }: Integrity, index: ProjectIndex): Record<string, Hook> {
  const clusterOfVm = new Map<string, string>();
  const cluster = ({ item, at: path }: ElementVisit) => {
    const c = item as TenantCluster;
    if (!index.projects.has(c.project))
      add([...path, 'project'], `cluster '${c.id}' is in project '${c.project}', which is not in projects`);
    const checkVm = (vm: string, key: 'controlPlane' | 'workers', k: number) => {
      const owner = index.vmProject.get(vm);
      if (owner === undefined) add([...path, key, k], `node '${vm}' of cluster '${c.id}' is not a VM`);
      else if (owner !== c.project)
        add(
          [...path, key, k],
          `node '${vm}' of cluster '${c.id}' is a VM of project '${owner}', not of '${c.project}'`,
        );
      const other = clusterOfVm.get(vm);
      if (other !== undefined) add([...path, key, k], `VM '${vm}' is already a node of cluster '${other}'`);
      clusterOfVm.set(vm, c.id);
    };
    c.controlPlane.forEach((vm, k) => {
      checkVm(vm, 'controlPlane', k);
    });
    c.workers.forEach((vm, k) => {
      checkVm(vm, 'workers', k);
    });
    c.loadBalancers?.forEach((lb, k) => {
      checkClusterRef(add, index, c, 'load balancer', lb, [...path, 'loadBalancers', k]);
    });
    c.volumes?.forEach((v, k) => {
      checkClusterRef(add, index, c, 'volume', v, [...path, 'volumes', k]);
    });
    if (c.apiLoadBalancer !== undefined && !(c.loadBalancers ?? []).includes(c.apiLoadBalancer))
      add(
        [...path, 'apiLoadBalancer'],
        `apiLoadBalancer '${c.apiLoadBalancer}' of cluster '${c.id}' is not one of its loadBalancers`,
      );
    if (c.managedBy !== undefined) {
      const known =
        c.managedBy === model.operatorCluster?.id ||
        (model.tenantClusters ?? []).some((o) => o.id === c.managedBy && o.id !== c.id);
      if (!known)
        add(
          [...path, 'managedBy'],
          `managedBy '${c.managedBy}' of cluster '${c.id}' is neither another tenant cluster nor the operator cluster`,
        );
    }
  };
  const workload = ({ item, at: wp, parent }: ElementVisit) => {
    const w = item as Workload;
    const c = parent as TenantCluster;
    if (w.loadBalancer !== undefined)
      checkClusterRef(add, index, c, 'load balancer', w.loadBalancer, [...wp, 'loadBalancer']);
    w.volumes?.forEach((v, k) => {
      checkClusterRef(add, index, c, 'volume', v, [...wp, 'volumes', k]);
    });
  };
  return { tenantClusters: { item: cluster }, 'tenantClusters.workloads': { item: workload } };
}

/** References inside projects, checked once every VM is known. */
function checkProjectRefs({ model, add }: Integrity, { vmProject }: ProjectIndex): void {
  (model.projects ?? []).forEach((p, i) => {
    p.loadBalancers?.forEach((lb, j) => {
      lb.amphorae?.forEach((vm, k) => {
        if (!vmProject.has(vm))
          add(
            ['projects', i, 'loadBalancers', j, 'amphorae', k],
            `amphora VM '${vm}' is not a VM of any project`,
          );
      });
    });
    p.volumes?.forEach((v, j) => {
      if (v.attachedTo === undefined) return;
      if (!vmProject.has(v.attachedTo))
        add(
          ['projects', i, 'volumes', j, 'attachedTo'],
          `volume '${v.id}' is attached to '${v.attachedTo}', which is not a VM`,
        );
      else if (vmProject.get(v.attachedTo) !== p.id)
        add(
          ['projects', i, 'volumes', j, 'attachedTo'],
          `volume '${v.id}' is attached to VM '${v.attachedTo}' of another project`,
        );
    });
  });
}

/** Tours: unique ids, and every element they name exists. */
function checkTours({ model, add }: Integrity, issues: ModelIssue[]): void {
  if (model.tours && model.tours.length > 0) {
    const tourAt = new Map<string, number>();
    model.tours.forEach((t, i) => {
      const first = tourAt.get(t.id);
      if (first !== undefined)
        add(['tours', i, 'id'], `tour id '${t.id}' is already used at ${formatPath(['tours', first, 'id'])}`);
      else tourAt.set(t.id, i);
    });
    for (const issue of tourRefIssues(model.tours, modelElementRefs(model), ['tours'])) issues.push(issue);
  }
}

type AddIssue = (path: PropertyKey[], message: string) => void;

/** Each list's ids, unique within the list (regions, zones, aggregates and cells each have their own namespace). */
function namespace(
  list: readonly { id: string }[] | undefined,
  key: string,
  what: string,
  add: AddIssue,
): Set<string> {
  const at = new Map<string, number>();
  list?.forEach((x, i) => {
    const first = at.get(x.id);
    if (first !== undefined)
      add([key, i, 'id'], `${what} id '${x.id}' is already used at ${formatPath([key, first, 'id'])}`);
    else at.set(x.id, i);
  });
  return new Set(at.keys());
}

/**
 * Regions, availability zones, aggregates and cells: their references, and each host's place in them (a host's
 * region agrees with its zone's and its cell's). A bare-metal host has no other role.
 */
function checkStructure(model: Model, add: AddIssue): { cells: ReadonlySet<string> } {
  const regions = namespace(model.regions, 'regions', 'region', add);
  const zones = namespace(model.availabilityZones, 'availabilityZones', 'availability zone', add);
  namespace(model.aggregates, 'aggregates', 'aggregate', add);
  const cells = namespace(model.cells, 'cells', 'cell', add);
  const regionRef = (region: string | undefined, path: PropertyKey[], what: string) => {
    if (region !== undefined && !regions.has(region))
      add(path, `${what} is in region '${region}', which is not in regions`);
  };
  const zoneRegion = new Map<string, string | undefined>();
  model.availabilityZones?.forEach((z, i) => {
    regionRef(z.region, ['availabilityZones', i, 'region'], `zone '${z.id}'`);
    zoneRegion.set(z.id, z.region);
  });
  const cellRegion = new Map<string, string | undefined>();
  model.cells?.forEach((c, i) => {
    regionRef(c.region, ['cells', i, 'region'], `cell '${c.id}'`);
    cellRegion.set(c.id, c.region);
  });
  const hostIds = new Set(model.hosts.map((h) => h.id));
  model.aggregates?.forEach((a, i) => {
    if (a.zone !== undefined && !zones.has(a.zone))
      add(
        ['aggregates', i, 'zone'],
        `aggregate '${a.id}' exposes zone '${a.zone}', which is not in availabilityZones`,
      );
    a.hosts.forEach((h, k) => {
      if (!hostIds.has(h)) add(['aggregates', i, 'hosts', k], `host '${h}' is not in hosts`);
    });
  });
  model.hosts.forEach((h, i) => {
    const path = ['hosts', i];
    regionRef(h.region, [...path, 'region'], `host '${h.id}'`);
    if (h.zone !== undefined && !zones.has(h.zone))
      add([...path, 'zone'], `host '${h.id}' is in zone '${h.zone}', which is not in availabilityZones`);
    if (h.cell !== undefined && !cells.has(h.cell))
      add([...path, 'cell'], `host '${h.id}' is in cell '${h.cell}', which is not in cells`);
    // One region per host: its own, its zone's and its cell's must agree.
    const claims: [string | undefined, string][] = [
      [h.region, 'its region'],
      [h.zone === undefined ? undefined : zoneRegion.get(h.zone), `zone '${h.zone}'`],
      [h.cell === undefined ? undefined : cellRegion.get(h.cell), `cell '${h.cell}'`],
    ];
    const said = claims.filter((c): c is [string, string] => c[0] !== undefined);
    const first = said[0];
    const other = said.find((c) => c[0] !== first?.[0]);
    if (first && other)
      add(
        [...path, h.region !== undefined ? 'region' : 'cell'],
        `host '${h.id}' would be in two regions: '${first[0]}' (${first[1]}) and '${other[0]}' (${other[1]})`,
      );
    if (h.roles.includes('baremetal') && h.roles.length > 1)
      add(
        [...path, 'roles'],
        `host '${h.id}' is a baremetal node and cannot have other roles: Nova gives it whole to one instance`,
      );
    if (h.ironic !== undefined && !h.roles.includes('baremetal'))
      add([...path, 'ironic'], `host '${h.id}' has Ironic details but not the role baremetal`);
  });
  return { cells };
}

/**
 * Whether an id can be an element of the model in some view, checked loosely from the model alone (the
 * model layer does not derive scenes): a model id (host, project, network, VM, load balancer, volume,
 * operator or tenant cluster); `<process>@<host>` for a process and a host with one of its roles (a
 * process with fewer replicas than hosts is not placed on every one of them: not checked);
 * `<cluster>/<machine>` for a host of the operator cluster or a VM node of a tenant cluster; and
 * `<workload>#<n>` for a pod index within the workload's replicas (a DaemonSet: its cluster's nodes).
 * Without an operator cluster, the derived one's id (`operator-k8s`, or `operator-k8s-<n>` when that is
 * taken) and any host are accepted.
 */
function modelElementRefs(model: Model): (ref: string) => boolean {
  // The ids that are elements' ids in every view, as the element lists say (`sceneId`).
  const plain = new Set<string>();
  walkElements(model, {
    item: ({ list, item }) => {
      const id = idOf(item);
      if (list.sceneId && id !== undefined) plain.add(id);
    },
  });
  const hostRoles = new Map<string, readonly string[]>();
  for (const h of model.hosts) hostRoles.set(h.id, h.roles);
  const processRoles = new Map<string, readonly string[]>();
  for (const s of model.services) for (const p of s.processes) processRoles.set(p.id, roleList(p.role));
  const nodes = new Map<string, ReadonlySet<string>>();
  const pods = new Map<string, number>();
  for (const c of model.tenantClusters ?? []) {
    nodes.set(c.id, new Set([...c.controlPlane, ...c.workers]));
    const schedulable = c.workers.length > 0 ? c.workers.length : c.controlPlane.length;
    for (const w of c.workloads ?? [])
      pods.set(w.id, w.kind === 'DaemonSet' ? schedulable : (w.replicas ?? 1));
  }
  const oc = model.operatorCluster;
  if (oc) nodes.set(oc.id, new Set(oc.hosts));
  const isDerivedOperator = (id: string) => oc === undefined && /^operator-k8s(?:-\d+)?$/.test(id);

  return (ref) => {
    if (plain.has(ref) || isDerivedOperator(ref)) return true;
    const m = /^(.+)([@/#])(.+)$/.exec(ref);
    if (!m) return false;
    const [, left = '', sep, right = ''] = m;
    if (sep === '@') {
      const roles = processRoles.get(left);
      return roles !== undefined && (hostRoles.get(right) ?? []).some((r) => roles.includes(r));
    }
    if (sep === '/') return nodes.get(left)?.has(right) ?? (isDerivedOperator(left) && hostRoles.has(right));
    const n = /^\d+$/.test(right) ? Number(right) : -1;
    return n >= 0 && n < (pods.get(left) ?? 0);
  };
}

/** A tour's references that the model does not have (ids in focus/highlight/fail): issues with paths. */
export function checkTourRefs(
  tours: readonly Tour[],
  elementIds: ReadonlySet<string>,
  basePath: readonly (string | number)[] = [],
): ModelIssue[] {
  return tourRefIssues(tours, (id) => elementIds.has(id), basePath);
}

const TOUR_REF_KEYS = ['focus', 'highlight', 'fail'] as const;

function tourRefIssues(
  tours: readonly Tour[],
  known: (id: string) => boolean,
  basePath: readonly (string | number)[],
): ModelIssue[] {
  const issues: ModelIssue[] = [];
  tours.forEach((t, i) => {
    t.steps.forEach((step, j) => {
      for (const key of TOUR_REF_KEYS)
        step[key]?.forEach((id, k) => {
          if (known(id)) return;
          const path = [...basePath, i, 'steps', j, key, k];
          issues.push({
            path: formatPath(path),
            message: `'${id}' is not an element of the model (step ${j + 1} of tour '${t.id}')`,
            segments: path,
          });
        });
    });
  });
  return issues;
}
