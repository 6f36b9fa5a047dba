import type * as z from 'zod/mini';
import { roleList } from './access';
import { countElements } from './countElements';
import type { ModelIssue } from './issues';
import { MAX_ELEMENTS, MAX_ISSUES, thousands } from './limits';
import { jsonSyntaxIssues } from './locate';
import { preflightText } from './preflight';
import { HOST_ROLES, Model, type Process, type Tour } from './schema';

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
  /** Claims an id in the model's one namespace (hosts, processes, projects, VMs ...): a second use is an issue. */
  claim: (id: string, path: PropertyKey[], what: string) => void;
  hosts: ReadonlyMap<string, Model['hosts'][number]>;
  /** How many hosts have one of a process's roles. */
  hostsWithRole: (role: Process['role']) => number;
}

/** Which project each VM, load balancer and volume belongs to, and the project ids. */
interface ProjectIndex {
  vmProject: Map<string, string>;
  lbProject: Map<string, string>;
  volumeProject: Map<string, string>;
  projects: Set<string>;
}

/** Reference and uniqueness checks on a schema-valid model. */
function checkIntegrity(model: Model): ModelIssue[] {
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
  model.hosts.forEach((h, i) => {
    claim(h.id, ['hosts', i, 'id'], 'host');
  });
  const structure = checkStructure(model, add);
  const ctx: Integrity = { model, add, claim, hosts, hostsWithRole: hostRoleCounter(model) };
  checkServices(ctx, structure.cells);
  checkOperatorCluster(ctx);
  const index = checkProjects(ctx);
  checkProjectRefs(ctx, index);
  checkTenantClusters(ctx, index);
  checkTours(ctx, issues);
  return issues;
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

/** Services and their processes: ids, hosts, cells and roles. */
function checkServices(
  { model, add, claim, hosts, hostsWithRole }: Integrity,
  cells: ReadonlySet<string>,
): void {
  const serviceAt = new Map<string, number>();
  model.services.forEach((s, i) => {
    // Services have their own namespace: a service and its single process often share a name (horizon).
    const first = serviceAt.get(s.id);
    if (first !== undefined)
      add(
        ['services', i, 'id'],
        `service id '${s.id}' is already used at ${formatPath(['services', first, 'id'])}`,
      );
    else serviceAt.set(s.id, i);
    s.processes.forEach((p, j) => {
      const path = ['services', i, 'processes', j];
      claim(p.id, [...path, 'id'], 'process');
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
    });
  });
}

/** The operator cluster: its hosts exist once each, its control plane among them. */
function checkOperatorCluster({ model, add, claim, hosts }: Integrity): void {
  const oc = model.operatorCluster;
  if (oc) {
    claim(oc.id, ['operatorCluster', 'id'], 'operator cluster');
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
}

/** Flavors, projects and their resources' ids, and where the VMs run. */
function checkProjects({ model, add, claim, hosts, hostsWithRole }: Integrity): ProjectIndex {
  const flavors = model.flavors ? new Set<string>() : undefined;
  model.flavors?.forEach((f, i) => {
    if (flavors?.has(f.name)) add(['flavors', i, 'name'], `flavor '${f.name}' is defined twice`);
    flavors?.add(f.name);
  });

  const vmProject = new Map<string, string>();
  const instanceOn = new Map<string, string>();
  let unplaced = 0;
  const lbProject = new Map<string, string>();
  const volumeProject = new Map<string, string>();
  const projects = new Set<string>();
  (model.projects ?? []).forEach((p, i) => {
    claim(p.id, ['projects', i, 'id'], 'project');
    projects.add(p.id);
    p.networks?.forEach((n, j) => {
      claim(n.id, ['projects', i, 'networks', j, 'id'], 'network');
    });
    p.vms?.forEach((vm, j) => {
      const path = ['projects', i, 'vms', j];
      claim(vm.id, [...path, 'id'], 'VM');
      vmProject.set(vm.id, p.id);
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
    });
    p.loadBalancers?.forEach((lb, j) => {
      claim(lb.id, ['projects', i, 'loadBalancers', j, 'id'], 'load balancer');
      lbProject.set(lb.id, p.id);
    });
    p.volumes?.forEach((v, j) => {
      claim(v.id, ['projects', i, 'volumes', j, 'id'], 'volume');
      volumeProject.set(v.id, p.id);
    });
  });
  if (unplaced > 0 && hostsWithRole('compute') === 0)
    add(['hosts'], 'the model has VMs but no host with the role compute to run them');
  return { vmProject, lbProject, volumeProject, projects };
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

/** Tenant clusters: nodes are VMs of their project (each in one cluster), what they use is theirs. */
function checkTenantClusters(ctx: Integrity, index: ProjectIndex): void {
  const { model, add, claim } = ctx;
  const { vmProject, lbProject, volumeProject, projects } = index;
  const clusterOfVm = new Map<string, string>();
  (model.tenantClusters ?? []).forEach((c, i) => {
    const path = ['tenantClusters', i];
    claim(c.id, [...path, 'id'], 'cluster');
    if (!projects.has(c.project))
      add([...path, 'project'], `cluster '${c.id}' is in project '${c.project}', which is not in projects`);
    const checkVm = (vm: string, key: 'controlPlane' | 'workers', k: number) => {
      const owner = vmProject.get(vm);
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
    const checkRef = (kind: 'load balancer' | 'volume', ref: string, where: PropertyKey[]) => {
      const owner = (kind === 'volume' ? volumeProject : lbProject).get(ref);
      if (owner === undefined) add(where, `${kind} '${ref}' used by cluster '${c.id}' is not in any project`);
      else if (owner !== c.project)
        add(where, `${kind} '${ref}' belongs to project '${owner}', not to '${c.project}'`);
    };
    c.loadBalancers?.forEach((lb, k) => {
      checkRef('load balancer', lb, [...path, 'loadBalancers', k]);
    });
    c.volumes?.forEach((v, k) => {
      checkRef('volume', v, [...path, 'volumes', k]);
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
    c.workloads?.forEach((w, j) => {
      const wp = [...path, 'workloads', j];
      claim(w.id, [...wp, 'id'], 'workload');
      if (w.loadBalancer !== undefined) checkRef('load balancer', w.loadBalancer, [...wp, 'loadBalancer']);
      w.volumes?.forEach((v, k) => {
        checkRef('volume', v, [...wp, 'volumes', k]);
      });
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
  const plain = new Set<string>();
  const hostRoles = new Map<string, readonly string[]>();
  for (const h of model.hosts) {
    plain.add(h.id);
    hostRoles.set(h.id, h.roles);
  }
  const processRoles = new Map<string, readonly string[]>();
  for (const s of model.services) for (const p of s.processes) processRoles.set(p.id, roleList(p.role));
  for (const p of model.projects ?? []) {
    plain.add(p.id);
    for (const x of [
      ...(p.networks ?? []),
      ...(p.vms ?? []),
      ...(p.loadBalancers ?? []),
      ...(p.volumes ?? []),
    ])
      plain.add(x.id);
  }
  const nodes = new Map<string, ReadonlySet<string>>();
  const pods = new Map<string, number>();
  for (const c of model.tenantClusters ?? []) {
    plain.add(c.id);
    nodes.set(c.id, new Set([...c.controlPlane, ...c.workers]));
    const schedulable = c.workers.length > 0 ? c.workers.length : c.controlPlane.length;
    for (const w of c.workloads ?? [])
      pods.set(w.id, w.kind === 'DaemonSet' ? schedulable : (w.replicas ?? 1));
  }
  const oc = model.operatorCluster;
  if (oc) {
    plain.add(oc.id);
    nodes.set(oc.id, new Set(oc.hosts));
  }
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
