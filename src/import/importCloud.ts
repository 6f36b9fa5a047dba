import { countElements } from '../model/countElements';
import { MAX_ELEMENTS, thousands } from '../model/limits';
import type {
  Host,
  HostRole,
  LoadBalancer,
  Model,
  Process,
  Project,
  Service,
  TenantCluster,
  View,
  Vm,
  Volume,
  Workload,
  WorkloadKind,
} from '../model/schema';
import { HOST_ROLES } from '../model/schema';
import { validateModel } from '../model/validate';
import {
  NODE_LABEL_ROLES,
  PROCESSES,
  type ProcessDef,
  processOfAgent,
  processOfComputeService,
  processOfPod,
  roleOfHostService,
  SERVICE_ORDER,
  SERVICES,
} from './catalog';
import {
  groupClusters,
  type KubeCluster,
  operatorEvidence,
  ownerWorkloadKind,
  serverIdOfProviderId,
  workloadsOf,
} from './clusters';
import { isRecord, listNames, naturalCompare, own, plural, show } from './fields';
import { IdAllocator } from './ids';
import {
  type Agent,
  type AggregateEntry,
  type BaremetalNode,
  type ComputeService,
  type FileKind,
  type HostListEntry,
  type Hypervisor,
  type K8sNode,
  type LoadBalancerEntry,
  type ParsedFile,
  type ProjectEntry,
  parseFile,
  type Server,
  type VolumeEntry,
  type ZoneEntry,
} from './parse';

/**
 * Builds a Stacklayers model from the JSON output of `openstack … -f json` and `kubectl get … -o json`.
 * Pure: no DOM, no Node APIs; runs in the browser and in the CLI. Never throws; the model it returns
 * always validates, and what could not be placed is said in the report.
 */

export type ClusterRole = 'operator' | 'tenant';

export interface ImportOptions {
  /** Overrides what a cluster is, by its name (the files' prefix, e.g. `undercloud`). */
  clusters?: Readonly<Record<string, ClusterRole>>;
}

export interface ImportedFile {
  name: string;
  kind: FileKind | 'unknown';
  /** Entries read: rows of an openstack table, nodes and pods of a kubectl List. */
  entries: number;
  /** Why an unknown file is unknown. */
  note?: string;
}

export interface ImportCounts {
  hosts: number;
  services: number;
  processes: number;
  projects: number;
  vms: number;
  clusters: number;
  loadBalancers: number;
  volumes: number;
}

export interface ImportReport {
  files: ImportedFile[];
  /** What was found and matched, as plain sentences. */
  matched: string[];
  /** What could not be matched or placed, as plain sentences. */
  unmatched: string[];
  /** What the model holds that came from the input (a stand-in host is not counted). */
  counts: ImportCounts;
}

export interface ImportResult {
  model: Model;
  report: ImportReport;
  /** The view that fits what was imported. */
  view: View;
}

export interface ImportFile {
  name: string;
  text: string;
}

/** Whether any import produced something from the input (else the CLI exits 1). */
export const importedAnything = (r: ImportReport): boolean =>
  r.counts.hosts + r.counts.vms + r.counts.clusters + r.counts.processes > 0;

/** The kind of one file's text, without importing it (the app's test: an import, or a model?). */
export function recogniseFile(text: string): FileKind | 'unknown' {
  return parseFile('', text).kind;
}

export function importCloud(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult {
  try {
    return new Importer(files, isRecord(options) ? options : {}).run();
  } catch (err) {
    // A bug must not take the page or the CLI down: say so, and return a model that validates.
    const why = err instanceof Error ? err.message : String(err);
    const report: ImportReport = {
      files: [],
      matched: [],
      unmatched: [`The import failed unexpectedly (${show(why, 120)}); nothing was imported.`],
      counts: emptyCounts(),
    };
    return { model: standInModel(), report, view: 'traditional' };
  }
}

const emptyCounts = (): ImportCounts => ({
  hosts: 0,
  services: 0,
  processes: 0,
  projects: 0,
  vms: 0,
  clusters: 0,
  loadBalancers: 0,
  volumes: 0,
});

const MODEL_NAME = 'Imported cloud';
const STAND_IN_ID = 'unknown-compute-host';

function standInHost(): Host {
  return {
    id: STAND_IN_ID,
    name: 'compute host (not in the input)',
    roles: ['compute'],
    description:
      'Added by the import: the input names no compute host for these VMs (add the hypervisor list or the server list as admin).',
  };
}

function standInModel(): Model {
  return { version: 1, name: MODEL_NAME, hosts: [standInHost()], services: [] };
}

const cap = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** A host name compared across the inputs: lower case, without its domain (cmp1.example.com is cmp1). */
function hostKey(name: string): string {
  const n = name.trim().toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n) || n.includes(':')) return n;
  return n.split('.')[0] || n;
}

interface HostRec {
  key: string;
  names: Set<string>;
  name: string;
  roles: Set<HostRole>;
  sources: Set<string>;
  cores?: number | undefined;
  ramGiB?: number | undefined;
  k8sControlPlane: boolean;
  /** A role to fall back on when nothing else gives one (the first role of a process it runs). */
  hint?: HostRole | undefined;
  id?: string;
  /** Its availability zone (the name), and where that came from. */
  zone?: { name: string; source: string } | undefined;
  /** An Ironic node: its details. */
  ironic?: Host['ironic'];
}

interface ProcRec {
  def: ProcessDef;
  hosts: Set<string>;
  pods: number;
  kind?: WorkloadKind | undefined;
  sources: Set<string>;
}

interface ProjRec {
  key: string;
  name?: string | undefined;
  /** In the project list (else known only from a resource's column). */
  listed: boolean;
  /** Its description, when it is not a project of the cloud's. */
  note?: string;
  vms: VmRec[];
  lbs: LoadBalancerEntry[];
  volumes: { v: VolumeEntry; attachedTo?: VmRec | undefined }[];
  id?: string;
}

interface VmRec {
  server: Server;
  name: string;
  project: ProjRec;
  flavor: string;
  host?: HostRec | undefined;
  /** Made from a tenant node (no server list). */
  synthetic?: boolean;
  id?: string;
  cluster?: string;
}

interface TenantRec {
  cluster: KubeCluster;
  project: ProjRec;
  controlPlane: VmRec[];
  workers: VmRec[];
  tool: string;
  version?: string | undefined;
}

class Importer {
  private readonly parsed: ParsedFile[];
  private readonly matched: string[] = [];
  private readonly unmatched: string[] = [];
  private readonly hosts = new Map<string, HostRec>();
  private readonly procs = new Map<string, ProcRec>();
  private readonly projects = new Map<string, ProjRec>();
  private readonly projectByName = new Map<string, ProjRec>();
  private readonly vms: VmRec[] = [];
  private readonly ids = new IdAllocator();
  private operator?: { cluster: KubeCluster; namespace: string };
  private readonly tenants: TenantRec[] = [];
  /** Ironic nodes by the UUID of the instance deployed on them. */
  private readonly nodeOfInstance = new Map<string, HostRec>();
  private aggregateRows: AggregateEntry[] = [];

  constructor(
    files: readonly ImportFile[],
    private readonly options: ImportOptions,
  ) {
    const list = Array.isArray(files) ? files : [];
    const safe = list.map((f, i) => ({
      name:
        isRecord(f) && typeof own(f, 'name') === 'string' && own(f, 'name')
          ? String(own(f, 'name'))
          : `file ${i + 1}`,
      text: isRecord(f) && typeof own(f, 'text') === 'string' ? String(own(f, 'text')) : '',
    }));
    // The same files in any order give the same model.
    safe.sort((a, b) => naturalCompare(a.name, b.name) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    this.parsed = safe.map((f) => parseFile(f.name, f.text));
  }

  /** The rows of every file of one openstack kind. */
  private rows<T>(kind: FileKind): T[] {
    const out: T[] = [];
    for (const f of this.parsed)
      if (f.data && f.data.kind === kind && 'rows' in f.data)
        for (const row of f.data.rows as T[]) out.push(row);
    return out;
  }

  run(): ImportResult {
    // Unknown files are reported in `files` (with why); entries a known file could not use, here.
    for (const f of this.parsed) for (const p of f.problems) this.unmatched.push(p);
    const hypervisors = this.rows<Hypervisor>('hypervisors');
    const hostList = this.rows<HostListEntry>('hosts');
    const services = this.rows<ComputeService>('compute-services');
    const agents = this.rows<Agent>('network-agents');
    const servers = this.rows<Server>('servers');
    const projectRows = this.rows<ProjectEntry>('projects');
    const lbs = this.rows<LoadBalancerEntry>('load-balancers');
    const volumes = this.rows<VolumeEntry>('volumes');
    const zoneRows = this.rows<ZoneEntry>('availability-zones');
    const aggregates = this.rows<AggregateEntry>('aggregates');
    const nodes = this.rows<BaremetalNode>('baremetal-nodes');

    const clusters = groupClusters(this.parsed, this.matched);
    const operator = this.classify(clusters);

    this.operatorNodes(operator);
    const podNodes = this.operatorPods(operator);
    this.hypervisors(hypervisors);
    this.hostList(hostList);
    this.computeServices(services, podNodes);
    this.agents(agents, podNodes);

    const inventory =
      hypervisors.length + hostList.length + services.length + agents.length + (operator?.nodes.length ?? 0) >
      0;
    this.baremetalNodes(nodes);
    if (!inventory) this.hostsFromServers(servers);
    this.resolveRoles();

    this.projectList(projectRows);
    this.servers(servers);
    this.zones(services, zoneRows, aggregates);
    for (const c of clusters)
      if (c !== operator && this.roleOf(c) === 'tenant') this.tenantCluster(c, servers.length > 0);
    this.loadBalancers(lbs);
    this.volumes(volumes);

    return this.build(hypervisors.length > 0 || services.length > 0 || agents.length > 0);
  }

  // --- clusters -------------------------------------------------------------------------------------------------

  private clusterRoles = new Map<KubeCluster, ClusterRole | 'ignored'>();

  private roleOf(c: KubeCluster) {
    return this.clusterRoles.get(c) ?? 'tenant';
  }

  /** Picks the operator's cluster: the one with OpenStack pods or openstack-helm node labels (or as told). */
  private classify(clusters: KubeCluster[]): KubeCluster | undefined {
    const told = new Map<string, ClusterRole>();
    const opts = this.options.clusters;
    if (isRecord(opts))
      for (const [name, role] of Object.entries(opts))
        if (role === 'operator' || role === 'tenant') told.set(name.toLowerCase(), role);
    for (const name of told.keys())
      if (!clusters.some((c) => c.name.toLowerCase() === name))
        this.unmatched.push(
          `No cluster of the input is called ${show(name)} (the clusters are named after their files).`,
        );

    const candidates: { c: KubeCluster; score: number; namespace?: string | undefined }[] = [];
    for (const c of clusters) {
      const t = told.get(c.name.toLowerCase());
      const ev = operatorEvidence(c);
      if (t === 'tenant') this.clusterRoles.set(c, 'tenant');
      else if (t === 'operator')
        candidates.push({ c, score: Number.MAX_SAFE_INTEGER, namespace: ev.namespace });
      else if (ev.pods > 0 || ev.labelledNodes > 0)
        candidates.push({ c, score: ev.pods + ev.labelledNodes, namespace: ev.namespace });
      else this.clusterRoles.set(c, 'tenant');
    }
    candidates.sort((a, b) => b.score - a.score);
    const [first, ...rest] = candidates;
    for (const r of rest) {
      this.clusterRoles.set(r.c, 'ignored');
      this.unmatched.push(
        `Cluster ${show(r.c.name)} also runs OpenStack (or has openstack-helm node labels), but a model has one operator cluster: ${show(first?.c.name ?? '')} is used and ${show(r.c.name)} is left out.`,
      );
    }
    if (!first) return undefined;
    this.clusterRoles.set(first.c, 'operator');
    this.operator = { cluster: first.c, namespace: first.namespace ?? 'openstack' };
    return first.c;
  }

  // --- hosts ----------------------------------------------------------------------------------------------------

  private host(name: string, source: string): HostRec {
    const key = hostKey(name);
    let h = this.hosts.get(key);
    if (!h) {
      h = { key, names: new Set(), name, roles: new Set(), sources: new Set(), k8sControlPlane: false };
      this.hosts.set(key, h);
    }
    h.names.add(name);
    // The shortest spelling names it (cmp1 rather than cmp1.cloud.example).
    if (name.length < h.name.length) h.name = name;
    h.sources.add(source);
    return h;
  }

  private proc(def: ProcessDef, host: HostRec, source: string, kind?: WorkloadKind, pod = false): void {
    let p = this.procs.get(def.id);
    if (!p) {
      p = { def, hosts: new Set(), pods: 0, sources: new Set() };
      this.procs.set(def.id, p);
    }
    p.hosts.add(host.key);
    p.sources.add(source);
    if (pod) p.pods++;
    if (kind && !p.kind) p.kind = kind;
    if (def.roles.length === 1) host.roles.add(def.roles[0] as HostRole);
    else if (!host.hint) host.hint = def.roles[0];
  }

  private operatorNodes(c: KubeCluster | undefined): void {
    if (!c || !this.operator) return;
    const source = `kubectl nodes of ${c.name}`;
    for (const n of c.nodes) {
      const h = this.host(n.name, source);
      for (const [label, role] of NODE_LABEL_ROLES) if (n.labels.get(label) === 'enabled') h.roles.add(role);
      if (n.controlPlane) h.k8sControlPlane = true;
      h.cores ??= n.cpu;
      h.ramGiB ??= n.memoryGiB;
    }
    const labelled = c.nodes.filter((n) => NODE_LABEL_ROLES.some(([l]) => n.labels.get(l) === 'enabled'));
    this.matched.push(
      `Cluster ${show(c.name)} is the operator's Kubernetes (OpenStack in namespace ${show(this.operator.namespace)}): ${plural(c.nodes.length, 'node')}${labelled.length ? `, ${labelled.length} with openstack-helm role labels` : ''}.`,
    );
  }

  /** The operator's pods as processes on its nodes. Returns pod name → node name (for services in pods). */
  private operatorPods(c: KubeCluster | undefined): Map<string, string> {
    const podNodes = new Map<string, string>();
    if (!c || !this.operator) return podNodes;
    const source = `pods of ${c.name}`;
    const nodeNames = new Set(c.nodes.map((n) => n.name));
    let jobs = 0;
    let finished = 0;
    let helpers = 0;
    let unscheduled = 0;
    let used = 0;
    const other = new Map<string, number>();
    const unknownApps = new Map<string, number>();
    const offNodes = new Set<string>();
    const generic: string[] = [];
    for (const pod of c.pods) {
      if (pod.nodeName) podNodes.set(pod.name, pod.nodeName);
      if (pod.ownerKind === 'Job' || pod.ownerKind === 'CronJob') {
        jobs++;
        continue;
      }
      if (pod.phase === 'Succeeded' || pod.phase === 'Failed') {
        finished++;
        continue;
      }
      const m = processOfPod(pod.labels);
      if (!('process' in m)) {
        if (m.skip === 'job') jobs++;
        else if (m.skip === 'infrastructure-extra') helpers++;
        else if (pod.namespace === this.operator.namespace) {
          const app = pod.labels.get('application') ?? pod.labels.get('app') ?? pod.name;
          unknownApps.set(app, (unknownApps.get(app) ?? 0) + 1);
        } else other.set(pod.namespace, (other.get(pod.namespace) ?? 0) + 1);
        continue;
      }
      if (!pod.nodeName) {
        unscheduled++;
        continue;
      }
      if (c.hasNodeList && !nodeNames.has(pod.nodeName)) offNodes.add(pod.nodeName);
      const h = this.host(pod.nodeName, source);
      this.proc(m.process, h, source, ownerWorkloadKind(pod) ?? m.process.k8s, true);
      if (m.generic && !generic.includes(m.process.id)) generic.push(m.process.id);
      used++;
    }
    const skipped: string[] = [];
    if (jobs) skipped.push(plural(jobs, 'job pod'));
    if (finished) skipped.push(plural(finished, 'finished pod'));
    if (helpers)
      skipped.push(`${plural(helpers, 'helper pod')} of the infrastructure charts (ingress, exporters…)`);
    if (other.size)
      skipped.push(
        `${plural(
          [...other.values()].reduce((a, b) => a + b, 0),
          'pod',
        )} outside OpenStack (${listNames([...other.keys()].sort(naturalCompare), 3)})`,
      );
    this.matched.push(
      `${plural(used, 'OpenStack pod')} of cluster ${show(c.name)} became ${plural([...this.procs.values()].filter((p) => p.pods > 0).length, 'process', 'processes')} on their nodes${skipped.length ? `; not drawn: ${skipped.join(', ')}` : ''}.`,
    );
    if (generic.length)
      this.matched.push(
        `Components Stacklayers has no entry for were imported by their labels as controller processes: ${listNames(generic)}.`,
      );
    if (unscheduled)
      this.unmatched.push(
        `${plural(unscheduled, 'OpenStack pod')} of cluster ${show(c.name)} ${unscheduled === 1 ? 'is' : 'are'} not scheduled to a node; left out.`,
      );
    if (unknownApps.size)
      this.unmatched.push(
        `Pods in namespace ${show(this.operator.namespace)} that are no OpenStack process Stacklayers knows were left out: ${listNames([...unknownApps].map(([a, n]) => (n > 1 ? `${a} (${n})` : a)))}.`,
      );
    if (offNodes.size)
      this.unmatched.push(
        `Pods of cluster ${show(c.name)} run on ${plural(offNodes.size, 'node')} missing from its nodes file (${listNames([...offNodes])}); they are added as hosts.`,
      );
    return podNodes;
  }

  private hypervisors(rows: Hypervisor[]): void {
    const ironic: string[] = [];
    for (const hv of rows) {
      if (hv.type?.toLowerCase() === 'ironic') {
        ironic.push(hv.name);
        continue;
      }
      const h = this.host(hv.name, 'hypervisor list');
      h.roles.add('compute');
      if (hv.vcpus !== undefined && hv.vcpus >= 1 && hv.vcpus <= 100_000) h.cores = Math.round(hv.vcpus);
      if (hv.memoryMb !== undefined && hv.memoryMb > 0 && hv.memoryMb < 1e12)
        h.ramGiB = Math.max(0.1, Math.round((hv.memoryMb / 1024) * 10) / 10);
    }
    if (rows.length > ironic.length)
      this.matched.push(`${plural(rows.length - ironic.length, 'hypervisor')}: compute hosts.`);
    if (ironic.length)
      this.matched.push(
        `${plural(ironic.length, 'Ironic hypervisor')} (bare-metal nodes, not compute hosts) left out: ${listNames(ironic)}.`,
      );
  }

  /** Ironic nodes: hosts with the role baremetal, each given whole to the instance deployed on it. */
  private baremetalNodes(rows: BaremetalNode[]): void {
    if (!rows.length) return;
    let deployed = 0;
    const clash: string[] = [];
    for (const n of rows) {
      const name = n.name ?? n.uuid ?? '';
      if (this.hosts.has(hostKey(name))) {
        clash.push(name);
        continue;
      }
      const h = this.host(name, 'baremetal node list');
      h.roles.add('baremetal');
      const ironic: NonNullable<Host['ironic']> = {};
      if (n.uuid) ironic.node = cap(n.uuid, 100);
      if (n.provisionState) ironic.provisionState = cap(n.provisionState, 40);
      if (n.powerState) ironic.powerState = cap(n.powerState, 40);
      if (n.resourceClass) ironic.resourceClass = cap(n.resourceClass, 100);
      if (n.maintenance !== undefined) ironic.maintenance = n.maintenance;
      h.ironic = ironic;
      if (n.instanceUuid) {
        this.nodeOfInstance.set(n.instanceUuid.toLowerCase(), h);
        deployed++;
      }
    }
    this.matched.push(
      `${plural(rows.length - clash.length, 'Ironic node')}: bare-metal hosts, ${deployed} with an instance deployed on ${deployed === 1 ? 'it' : 'them'}.`,
    );
    if (clash.length)
      this.unmatched.push(
        `Ironic nodes named like another host were left out (a node is given whole to an instance, it is not also a hypervisor): ${listNames(clash)}.`,
      );
  }

  /**
   * Availability zones: a compute host's zone is the Zone column of its nova-compute service, else the zone
   * the availability zone list puts it in, else the zone of an aggregate it is in. Nova's `internal` zone (where
   * its control services report) is not a zone users can choose: left out.
   */
  private zones(services: ComputeService[], zoneRows: ZoneEntry[], aggregates: AggregateEntry[]): void {
    const conflicts: string[] = [];
    const place = (hostName: string, zone: string | undefined, source: string) => {
      if (!zone || zone.toLowerCase() === 'internal') return;
      const h = this.hosts.get(hostKey(hostName));
      // A controller running nova-compute for Ironic is not a host of the zone: the nodes it drives are.
      if (!h || h.roles.has('controller') || !(h.roles.has('compute') || h.roles.has('baremetal'))) return;
      if (!h.zone) h.zone = { name: zone, source };
      else if (h.zone.name !== zone)
        conflicts.push(`${h.name}: ${h.zone.name} (${h.zone.source}), not ${zone} (${source})`);
    };
    for (const s of services) if (/nova-compute/.test(s.binary)) place(s.host, s.zone, 'compute services');
    for (const r of zoneRows)
      if (r.host && (r.service ?? 'nova-compute') === 'nova-compute') place(r.host, r.zone, 'zone list');
    for (const a of aggregates) for (const h of a.hosts ?? []) place(h, a.zone, `aggregate ${a.name}`);
    this.aggregateRows = aggregates;
    const zoned = [...this.hosts.values()].filter((h) => h.zone);
    if (zoned.length) {
      const names = new Set(zoned.map((h) => h.zone?.name ?? ''));
      this.matched.push(
        `${plural(names.size, 'availability zone')} (${listNames([...names].sort(naturalCompare), 6)}) over ${plural(zoned.length, 'host')}.`,
      );
    }
    const hostless = [
      ...new Set(zoneRows.filter((r) => !r.host && r.zone !== 'internal').map((r) => r.zone)),
    ].filter((z) => !zoned.some((h) => h.zone?.name === z));
    if (hostless.length)
      this.matched.push(
        `Zones with no compute host in the input (volume or network zones, or empty): ${listNames(hostless.sort(naturalCompare))}; not drawn.`,
      );
    if (conflicts.length)
      this.unmatched.push(`Hosts given two zones kept the first: ${listNames(conflicts, 4)}.`);
    if (aggregates.length) {
      const listed = aggregates.filter((a) => a.hosts !== undefined).length;
      this.matched.push(
        `${plural(aggregates.length, 'host aggregate')}${listed < aggregates.length ? ` (${aggregates.length - listed} without a Hosts column: an older client lists no hosts; their hosts are left empty)` : ''}.`,
      );
    }
  }

  private hostList(rows: HostListEntry[]): void {
    for (const r of rows) {
      const h = this.host(r.host, 'host list');
      const role = roleOfHostService(r.service);
      if (role) h.roles.add(role);
      const def = role ? PROCESSES.get(`nova-${(r.service ?? '').toLowerCase()}`) : undefined;
      if (def) this.proc(def, h, 'host list');
    }
    if (rows.length)
      this.matched.push(
        `The host list named ${plural(new Set(rows.map((r) => hostKey(r.host))).size, 'host')}.`,
      );
  }

  /** A service's host: a host, or, when it is the name of an operator pod (no host network), that pod's node. */
  private serviceHost(
    name: string,
    podNodes: Map<string, string>,
    source: string,
    inPods: string[],
  ): HostRec {
    if (!this.hosts.has(hostKey(name))) {
      const node = podNodes.get(name);
      if (node !== undefined) {
        inPods.push(name);
        return this.host(node, source);
      }
    }
    return this.host(name, source);
  }

  private computeServices(rows: ComputeService[], podNodes: Map<string, string>): void {
    const inPods: string[] = [];
    const unknown: string[] = [];
    for (const s of rows) {
      const def = processOfComputeService(s.binary);
      if (!def) {
        unknown.push(s.binary);
        continue;
      }
      this.proc(def, this.serviceHost(s.host, podNodes, 'compute services', inPods), 'compute services');
    }
    if (rows.length)
      this.matched.push(`${plural(rows.length - unknown.length, 'compute service')} placed on their hosts.`);
    if (inPods.length)
      this.matched.push(
        `${plural(inPods.length, 'compute service')} report a pod's name as their host (${listNames(inPods, 3)}): placed on the pods' nodes.`,
      );
    if (unknown.length)
      this.unmatched.push(`Compute services that are not Nova's were left out: ${listNames(unknown)}.`);
  }

  private agents(rows: Agent[], podNodes: Map<string, string>): void {
    const inPods: string[] = [];
    const unknown: string[] = [];
    for (const a of rows) {
      const m = processOfAgent(a.type, a.binary);
      if (!m) {
        unknown.push(a.type ?? a.binary ?? '?');
        continue;
      }
      const h = this.serviceHost(a.host, podNodes, 'network agents', inPods);
      if (m.hostRole) h.roles.add(m.hostRole);
      this.proc(m.process, h, 'network agents');
    }
    if (rows.length)
      this.matched.push(`${plural(rows.length - unknown.length, 'network agent')} placed on their hosts.`);
    if (inPods.length)
      this.matched.push(
        `${plural(inPods.length, 'network agent')} report a pod's name as their host: placed on the pods' nodes.`,
      );
    if (unknown.length)
      this.unmatched.push(`Network agents of unknown types were left out: ${listNames(unknown)}.`);
  }

  /** Only a server list: the hosts it names are taken as compute hosts. */
  private hostsFromServers(servers: Server[]): void {
    const names = new Set<string>();
    for (const s of servers)
      if (s.host) {
        this.host(s.host, 'server list').roles.add('compute');
        names.add(hostKey(s.host));
      }
    if (names.size)
      this.matched.push(
        `No hypervisor, service or node list: the ${plural(names.size, 'host')} the server list names are taken as compute hosts.`,
      );
  }

  /** Hosts without a role get one from a hint, or are left out. */
  private resolveRoles(): void {
    const guessed: string[] = [];
    for (const h of [...this.hosts.values()]) {
      if (h.roles.size > 0) continue;
      if (h.k8sControlPlane) {
        h.roles.add('controller');
        guessed.push(`${h.name} (a Kubernetes control-plane node: controller)`);
      } else if (h.hint) {
        h.roles.add(h.hint);
        guessed.push(`${h.name} (${h.hint}, from the agents it runs)`);
      } else {
        this.hosts.delete(h.key);
        this.unmatched.push(
          `Host ${show(h.name)} (from ${[...h.sources].join(', ')}) has no OpenStack role: no hypervisor, service, agent, pod or openstack-helm label says what it is; left out.`,
        );
      }
    }
    if (guessed.length)
      this.unmatched.push(`Roles guessed for hosts with no other evidence: ${listNames(guessed)}.`);
    const merged = [...this.hosts.values()].filter((h) => h.names.size > 1);
    if (merged.length)
      this.matched.push(
        `Host names matched without their domain: ${listNames(
          merged.map((h) => [...h.names].sort(naturalCompare).join(' = ')),
          4,
        )}.`,
      );
  }

  // --- projects and VMs -------------------------------------------------------------------------------------

  private projectList(rows: ProjectEntry[]): void {
    for (const r of rows) {
      const key = r.id.toLowerCase();
      if (this.projects.has(key)) continue;
      const p: ProjRec = { key, name: r.name, listed: true, vms: [], lbs: [], volumes: [] };
      this.projects.set(key, p);
      if (r.name && !this.projectByName.has(r.name.toLowerCase()))
        this.projectByName.set(r.name.toLowerCase(), p);
    }
  }

  /** The project a column value names: a listed id, a listed name, or a new project named by the value. */
  private project(value: string | undefined): ProjRec {
    const v = value ?? '';
    const key = v.toLowerCase();
    const found = this.projects.get(key) ?? this.projectByName.get(key);
    if (found) return found;
    const p: ProjRec = { key, name: v || undefined, listed: false, vms: [], lbs: [], volumes: [] };
    this.projects.set(key, p);
    return p;
  }

  private readonly vmById = new Map<string, VmRec>();
  private readonly vmsByName = new Map<string, VmRec[]>();

  private addVm(vm: VmRec): void {
    this.vms.push(vm);
    vm.project.vms.push(vm);
    if (vm.server.id) this.vmById.set(vm.server.id.toLowerCase(), vm);
    const n = vm.name.toLowerCase();
    this.vmsByName.set(n, [...(this.vmsByName.get(n) ?? []), vm]);
  }

  private servers(rows: Server[]): void {
    const unknownHost = new Map<string, string[]>();
    const notCompute = new Map<string, string[]>();
    const noFlavor: string[] = [];
    const noHost: string[] = [];
    const twice: string[] = [];
    const noProject: string[] = [];
    for (const s of rows) {
      const name = s.name ?? s.id ?? '?';
      if (s.id && this.vmById.has(s.id.toLowerCase())) {
        twice.push(name);
        continue;
      }
      if (!s.project) noProject.push(name);
      const flavor = s.flavor ?? 'unknown';
      if (!s.flavor) noFlavor.push(name);
      const vm: VmRec = { server: s, name, project: this.project(s.project), flavor };
      // A bare-metal instance: its host column names the nova-compute (Ironic driver) service's host; the
      // node it is deployed on is the one whose Instance UUID is this server.
      const node = s.id ? this.nodeOfInstance.get(s.id.toLowerCase()) : undefined;
      if (node) {
        vm.host = node;
        // Its zone is the instance's (the zone of the nova-compute service driving the node).
        if (s.zone && s.zone.toLowerCase() !== 'internal' && !node.zone)
          node.zone = { name: s.zone, source: 'server list' };
      } else if (s.host) {
        const h = this.hosts.get(hostKey(s.host));
        if (h?.roles.has('compute') && !h.roles.has('baremetal')) vm.host = h;
        else if (h) notCompute.set(s.host, [...(notCompute.get(s.host) ?? []), name]);
        else unknownHost.set(s.host, [...(unknownHost.get(s.host) ?? []), name]);
      } else noHost.push(name);
      this.addVm(vm);
    }
    if (!rows.length) return;
    const placed = this.vms.filter((v) => v.host).length;
    const projects = new Set(this.vms.map((v) => v.project));
    this.matched.push(
      `${plural(rows.length - twice.length, 'VM')} in ${plural(projects.size, 'project')}; ${placed} on ${placed === 1 ? 'its' : 'their'} compute host${placed === 1 ? '' : 's'}.`,
    );
    for (const [host, names] of unknownHost)
      this.unmatched.push(
        `${names.length === 1 ? `VM ${show(names[0] ?? '')} runs` : `VMs ${listNames(names)} run`} on host ${show(host)}, which is not among the hosts found; left unplaced.`,
      );
    for (const [host, names] of notCompute)
      this.unmatched.push(
        `${names.length === 1 ? `VM ${show(names[0] ?? '')} runs` : `VMs ${listNames(names)} run`} on host ${show(host)}, which is not a compute host in the input; left unplaced.`,
      );
    if (noHost.length)
      this.unmatched.push(
        `${plural(noHost.length, 'VM')} ${noHost.length === 1 ? 'has' : 'have'} no host in the server list (${listNames(noHost)}); Stacklayers places ${noHost.length === 1 ? 'it' : 'them'} (run the list as admin with --long for the hosts).`,
      );
    if (noFlavor.length)
      this.unmatched.push(
        `${plural(noFlavor.length, 'VM')} without a flavor (${listNames(noFlavor)}): shown as flavor "unknown".`,
      );
    if (noProject.length)
      this.unmatched.push(
        `${plural(noProject.length, 'VM')} without a project column (${listNames(noProject)}): put in one project "(project not in the input)".`,
      );
    if (twice.length)
      this.unmatched.push(`Servers listed twice (same ID) were read once: ${listNames(twice)}.`);
  }

  // --- tenant clusters ---------------------------------------------------------------------------------------

  private tenantCluster(c: KubeCluster, haveServers: boolean): void {
    if (c.nodes.length === 0) {
      this.unmatched.push(
        `Cluster ${show(c.name)} has no nodes (its files hold neither nodes nor scheduled pods); left out.`,
      );
      return;
    }
    if (!haveServers) {
      this.syntheticCluster(c);
      return;
    }
    const matches: { node: K8sNode; vm: VmRec; how: 'providerID' | 'name' }[] = [];
    const majority = () => {
      const count = new Map<ProjRec, number>();
      for (const m of matches) count.set(m.vm.project, (count.get(m.vm.project) ?? 0) + 1);
      let best: ProjRec | undefined;
      let n = 0;
      for (const [p, k] of count)
        if (k > n) {
          best = p;
          n = k;
        }
      return best;
    };
    const pending: K8sNode[] = [];
    for (const node of c.nodes) {
      const sid = serverIdOfProviderId(node.providerID);
      const vm = sid ? this.vmById.get(sid.toLowerCase()) : undefined;
      if (vm) matches.push({ node, vm, how: 'providerID' });
      else pending.push(node);
    }
    // By name once the providerID matches say which project the cluster is in.
    for (const node of pending) {
      const sid = serverIdOfProviderId(node.providerID);
      const byName =
        this.vmsByName.get(node.name.toLowerCase()) ?? this.vmsByName.get(hostKey(node.name)) ?? [];
      let candidates = byName;
      const p = majority();
      if (candidates.length > 1 && p) candidates = candidates.filter((v) => v.project === p);
      const why = sid
        ? `its providerID names server ${show(sid, 40)}, which is not in the server list`
        : node.providerID
          ? `its providerID ${show(node.providerID, 40)} is not OpenStack's`
          : 'no providerID';
      if (candidates.length === 1 && candidates[0]) matches.push({ node, vm: candidates[0], how: 'name' });
      else if (candidates.length > 1)
        this.unmatched.push(
          `Node ${show(node.name)} of cluster ${show(c.name)} matches no single VM (${why}, and ${candidates.length} VMs have that name).`,
        );
      else
        this.unmatched.push(
          `Node ${show(node.name)} of cluster ${show(c.name)} matches no VM (${why}, no VM of that name).`,
        );
    }
    const project = majority();
    if (!project) {
      this.unmatched.push(
        `Cluster ${show(c.name)}: none of its ${plural(c.nodes.length, 'node')} matches a VM; the cluster is left out.`,
      );
      return;
    }
    const controlPlane: VmRec[] = [];
    const workers: VmRec[] = [];
    let byId = 0;
    let byName = 0;
    for (const m of matches) {
      if (m.vm.project !== project) {
        this.unmatched.push(
          `Node ${show(m.node.name)} of cluster ${show(c.name)} is VM ${show(m.vm.name)} of project ${show(m.vm.project.name ?? m.vm.project.key)}, not of the cluster's project ${show(project.name ?? project.key)}; left out of the cluster.`,
        );
        continue;
      }
      if (m.vm.cluster) {
        this.unmatched.push(
          `Node ${show(m.node.name)} of cluster ${show(c.name)} is VM ${show(m.vm.name)}, already a node of cluster ${show(m.vm.cluster)}; left out of ${show(c.name)}.`,
        );
        continue;
      }
      m.vm.cluster = c.name;
      (m.node.controlPlane ? controlPlane : workers).push(m.vm);
      if (m.how === 'providerID') byId++;
      else byName++;
    }
    this.finishTenant(c, project, controlPlane, workers);
    const how = [byId ? `${byId} by providerID` : '', byName ? `${byName} by name` : '']
      .filter(Boolean)
      .join(' and ');
    this.matched.push(
      `Cluster ${show(c.name)} is a tenant cluster in project ${show(project.name ?? project.key)}: ${plural(byId + byName, 'node')} matched to VMs (${how}).`,
    );
  }

  private finishTenant(c: KubeCluster, project: ProjRec, controlPlane: VmRec[], workers: VmRec[]): void {
    if (controlPlane.length === 0 && workers.length > 0) {
      const first = workers.shift() as VmRec;
      controlPlane.push(first);
      this.unmatched.push(
        `Cluster ${show(c.name)}: none of its matched nodes has a control-plane role label; ${show(first.name)} is shown as its control plane so the cluster can be drawn.`,
      );
    }
    if (controlPlane.length === 0) return;
    const annotations = c.nodes.flatMap((n) => [...n.annotations.keys(), ...n.labels.keys()]);
    const tool = annotations.some((k) => k.startsWith('cluster.x-k8s.io/'))
      ? 'cluster-api'
      : annotations.some((k) => k.startsWith('magnum.openstack.org/'))
        ? 'magnum'
        : 'unknown';
    const versions = new Map<string, number>();
    for (const n of c.nodes)
      if (n.kubeletVersion) versions.set(n.kubeletVersion, (versions.get(n.kubeletVersion) ?? 0) + 1);
    const version = [...versions].sort((a, b) => b[1] - a[1])[0]?.[0];
    this.tenants.push({ cluster: c, project, controlPlane, workers, tool, version });
  }

  /** No server list: a tenant cluster's nodes are shown as VMs of a project named after the cluster. */
  private syntheticCluster(c: KubeCluster): void {
    const project: ProjRec = {
      key: `cluster:${c.name.toLowerCase()}`,
      name: `${c.name}-project`,
      listed: false,
      vms: [],
      lbs: [],
      volumes: [],
      note: `Not in the input: made for the nodes of cluster ${c.name}, as no server list was given.`,
    };
    this.projects.set(project.key, project);
    const controlPlane: VmRec[] = [];
    const workers: VmRec[] = [];
    for (const n of c.nodes) {
      const flavor =
        n.labels.get('node.kubernetes.io/instance-type') ??
        n.labels.get('beta.kubernetes.io/instance-type') ??
        'unknown';
      const vm: VmRec = {
        server: { id: serverIdOfProviderId(n.providerID), name: n.name },
        name: n.name,
        project,
        flavor,
        synthetic: true,
        cluster: c.name,
      };
      this.addVm(vm);
      (n.controlPlane ? controlPlane : workers).push(vm);
    }
    this.finishTenant(c, project, controlPlane, workers);
    this.matched.push(`Cluster ${show(c.name)} is a tenant cluster: ${plural(c.nodes.length, 'node')}.`);
    this.unmatched.push(
      `No server list: the ${plural(c.nodes.length, 'node')} of cluster ${show(c.name)} are shown as VMs of a project named after the cluster, with no compute host (add openstack server list --all-projects --long -f json).`,
    );
  }

  // --- load balancers and volumes -------------------------------------------------------------------------------

  private loadBalancers(rows: LoadBalancerEntry[]): void {
    for (const lb of rows) this.project(lb.project).lbs.push(lb);
    if (rows.length) this.matched.push(`${plural(rows.length, 'load balancer')}.`);
  }

  private volumes(rows: VolumeEntry[]): void {
    let attached = 0;
    const noSize: string[] = [];
    const noProject: string[] = [];
    for (const v of rows) {
      const label = v.name ?? v.id ?? '?';
      if (v.sizeGiB === undefined || !(v.sizeGiB > 0)) {
        noSize.push(label);
        continue;
      }
      let vm: VmRec | undefined;
      for (const ref of v.attachedTo) {
        const r = ref.toLowerCase();
        const byName = this.vmsByName.get(r);
        vm = this.vmById.get(r) ?? (byName?.length === 1 ? byName[0] : undefined);
        if (vm) break;
      }
      if (!vm && v.attachedTo.length)
        this.unmatched.push(
          `Volume ${show(label)} is attached to ${listNames(v.attachedTo)}, which is no VM of the server list; shown unattached.`,
        );
      const project = v.project ? this.project(v.project) : vm?.project;
      if (!project) {
        noProject.push(label);
        continue;
      }
      if (vm && vm.project !== project) {
        this.unmatched.push(
          `Volume ${show(label)} of project ${show(project.name ?? project.key)} is attached to VM ${show(vm.name)} of another project; shown unattached.`,
        );
        vm = undefined;
      }
      project.volumes.push({ v, attachedTo: vm });
      if (vm) attached++;
    }
    const used = rows.length - noSize.length - noProject.length;
    if (used) this.matched.push(`${plural(used, 'volume')}, ${attached} attached to VMs.`);
    if (noSize.length) this.unmatched.push(`Volumes without a size were left out: ${listNames(noSize)}.`);
    if (noProject.length)
      this.unmatched.push(
        `Volumes with no project column and attached to no VM were left out (their project is unknown): ${listNames(noProject)}.`,
      );
  }

  // --- the model ----------------------------------------------------------------------------------------------

  private build(openstackServices: boolean): ImportResult {
    // Zone ids have their own namespace (a zone and a host may share a name).
    const zoneAlloc = new IdAllocator();
    const zoneIds = new Map<string, string>();
    for (const h of [...this.hosts.values()].sort((a, b) =>
      naturalCompare(a.zone?.name ?? '', b.zone?.name ?? ''),
    ))
      if (h.zone && !zoneIds.has(h.zone.name)) zoneIds.set(h.zone.name, zoneAlloc.take(h.zone.name, 'zone'));
    // Aggregates may expose zones with no compute host in the input: still zones of the model.
    for (const a of this.aggregateRows)
      if (a.zone && a.zone.toLowerCase() !== 'internal' && !zoneIds.has(a.zone))
        zoneIds.set(a.zone, zoneAlloc.take(a.zone, 'zone'));
    const zoneId = (name: string) => zoneIds.get(name) ?? name;
    const roleRank = (h: HostRec) => Math.min(...[...h.roles].map((r) => HOST_ROLES.indexOf(r)));
    const hostRecs = [...this.hosts.values()].sort(
      (a, b) => roleRank(a) - roleRank(b) || naturalCompare(a.name, b.name),
    );
    const hosts: Host[] = hostRecs.map((h) => {
      h.id = this.ids.take(h.name, 'host');
      const host: Host = { id: h.id, roles: HOST_ROLES.filter((r) => h.roles.has(r)) };
      if (h.id !== h.name) host.name = cap(h.name, 1000);
      const capacity: NonNullable<Host['capacity']> = {};
      if (h.cores !== undefined && h.cores >= 1 && h.cores <= 100_000) capacity.cores = h.cores;
      if (h.ramGiB !== undefined && h.ramGiB > 0 && h.ramGiB <= 1_000_000) capacity.ramGiB = h.ramGiB;
      if (capacity.cores !== undefined || capacity.ramGiB !== undefined) host.capacity = capacity;
      if (h.zone) host.zone = zoneId(h.zone.name);
      if (h.ironic) host.ironic = h.ironic;
      host.description = cap(`Imported from ${[...h.sources].join(', ')}.`, 2000);
      return host;
    });
    const hostId = (key: string) => this.hosts.get(key)?.id;
    const availabilityZones: NonNullable<Model['availabilityZones']> = [...zoneIds].map(([name, id]) =>
      id === name ? { id } : { id, name: cap(name, 1000) },
    );
    const aggregateIds = new IdAllocator();
    const aggregates: NonNullable<Model['aggregates']> = this.aggregateRows.map((a) => {
      const id = aggregateIds.take(a.name, 'aggregate');
      const members = [
        ...new Set((a.hosts ?? []).map((h) => hostId(hostKey(h))).filter((h) => h !== undefined)),
      ];
      const zone = a.zone && a.zone.toLowerCase() !== 'internal' ? zoneIds.get(a.zone) : undefined;
      return {
        id,
        ...(id !== a.name ? { name: cap(a.name, 1000) } : {}),
        ...(zone ? { zone } : {}),
        hosts: members,
      };
    });

    // Services and their processes, on the hosts they were seen on.
    const byService = new Map<string, ProcRec[]>();
    for (const p of this.procs.values()) {
      const live = [...p.hosts].filter((k) => this.hosts.has(k));
      if (live.length === 0) continue;
      p.hosts = new Set(live);
      byService.set(p.def.service, [...(byService.get(p.def.service) ?? []), p]);
    }
    const serviceIds = [...byService.keys()].sort((a, b) => {
      const ia = SERVICE_ORDER.indexOf(a);
      const ib = SERVICE_ORDER.indexOf(b);
      return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || naturalCompare(a, b);
    });
    const services: Service[] = [];
    let processCount = 0;
    const serviceIdsTaken = new IdAllocator();
    for (const sid of serviceIds) {
      const recs = (byService.get(sid) ?? []).sort((a, b) => naturalCompare(a.def.id, b.def.id));
      const processes: Process[] = recs.map((p) => {
        processCount++;
        return this.process(p);
      });
      const def = SERVICES.get(sid);
      const id = serviceIdsTaken.take(sid, 'service');
      const service: Service = { id, processes };
      service.name = def?.name ?? sid;
      if (def && def.kind !== 'openstack') service.kind = def.kind;
      services.push(service);
    }

    // Projects with what they hold; empty projects of the project list are left out.
    const emptyListed: string[] = [];
    const projRecs = [...this.projects.values()]
      .filter((p) => {
        const empty = p.vms.length + p.lbs.length + p.volumes.length === 0;
        if (empty && p.listed) emptyListed.push(p.name ?? p.key);
        return !empty;
      })
      .sort(
        (a, b) =>
          Number(a.key === '') - Number(b.key === '') ||
          Number(isServiceProject(a)) - Number(isServiceProject(b)) ||
          naturalCompare(a.name ?? a.key, b.name ?? b.key),
      );
    for (const p of projRecs) p.id = this.ids.take(p.name ?? p.key, p.key ? 'project' : 'unknown-project');
    const projects: Project[] = projRecs.map((p) => this.projectOut(p, hostId));
    if (emptyListed.length)
      this.matched.push(
        `Left out ${plural(emptyListed.length, 'project')} without VMs, load balancers or volumes: ${listNames(emptyListed.sort(naturalCompare))}.`,
      );

    const tenantClusters: TenantCluster[] = this.tenants.map((t) => this.tenantOut(t));

    // The operator's cluster: its nodes that are hosts of the model.
    let operatorCluster: Model['operatorCluster'];
    if (this.operator) {
      const c = this.operator.cluster;
      const keys = [...new Set(c.nodes.map((n) => hostKey(n.name)))].filter((k) => this.hosts.has(k));
      const ordered = hostRecs.filter((h) => keys.includes(h.key)).map((h) => h.id as string);
      const cp = hostRecs.filter((h) => keys.includes(h.key) && h.k8sControlPlane).map((h) => h.id as string);
      if (ordered.length > 0) {
        const versions = [...new Set(c.nodes.map((n) => n.kubeletVersion).filter((v) => v !== undefined))];
        operatorCluster = {
          id: this.ids.take(c.name, 'operator-k8s'),
          tool: 'openstack-helm',
          hosts: ordered,
          namespace: cap(this.operator.namespace, 63),
          description: cap(
            `Imported from ${c.files.join(', ')}${versions.length ? `; Kubernetes ${versions.join(', ')}` : ''}.`,
            2000,
          ),
        };
        if (operatorCluster.id !== c.name) operatorCluster.name = c.name;
        if (cp.length) operatorCluster.controlPlane = cp;
      }
    }

    const vmCount = projects.reduce((n, p) => n + (p.vms?.length ?? 0), 0);
    const importedHosts = hosts.length;
    // Every model needs a host, and VMs need a compute host.
    const standIn = hosts.length === 0 || (vmCount > 0 && !hosts.some((h) => h.roles.includes('compute')));
    if (standIn) {
      this.ids.reserve(STAND_IN_ID);
      hosts.push(standInHost());
    }

    const counts: ImportCounts = {
      hosts: importedHosts,
      services: services.length,
      processes: processCount,
      projects: projects.length,
      vms: vmCount,
      clusters: tenantClusters.length + (operatorCluster ? 1 : 0),
      loadBalancers: projects.reduce((n, p) => n + (p.loadBalancers?.length ?? 0), 0),
      volumes: projects.reduce((n, p) => n + (p.volumes?.length ?? 0), 0),
    };
    if (standIn && (vmCount > 0 || importedHosts > 0))
      this.unmatched.push(
        importedHosts === 0
          ? 'The input names no hosts: the VMs are shown on one stand-in compute host.'
          : 'The input names no compute host: the VMs are shown on one stand-in compute host.',
      );
    if (!openstackServices && !this.operator && services.length === 0 && importedHosts > 0)
      this.matched.push(
        'No compute services, network agents or OpenStack pods: the model shows no services.',
      );

    const view: View = operatorCluster
      ? tenantClusters.length > 0
        ? 'both'
        : 'control-plane-on-k8s'
      : tenantClusters.length > 0
        ? 'k8s-in-tenant'
        : 'traditional';

    const model: Model = {
      version: 1,
      name: MODEL_NAME,
      description: this.description(counts),
      ...(availabilityZones.length ? { availabilityZones } : {}),
      ...(aggregates.length ? { aggregates } : {}),
      hosts,
      services,
      ...(operatorCluster ? { operatorCluster } : {}),
      ...(projects.length ? { projects } : {}),
      ...(tenantClusters.length ? { tenantClusters } : {}),
    };
    const report: ImportReport = {
      files: this.parsed.map((f) => ({
        name: f.name,
        kind: f.kind,
        entries: f.entries,
        ...(f.note ? { note: f.note } : {}),
      })),
      matched: this.matched,
      unmatched: this.unmatched,
      counts,
    };
    return { model: this.ensureValid(model, report), report, view };
  }

  private process(p: ProcRec): Process {
    const hosts = [...p.hosts].map((k) => this.hosts.get(k) as HostRec);
    // Its role: the roles it is known for that its hosts have; a host with none of them adds its own.
    const roles = new Set<HostRole>();
    for (const h of hosts) {
      const mine = p.def.roles.filter((r) => h.roles.has(r));
      if (mine.length) for (const r of mine) roles.add(r);
      else roles.add(HOST_ROLES.find((r) => h.roles.has(r)) as HostRole);
    }
    const roleList = HOST_ROLES.filter((r) => roles.has(r));
    const ofRole = [...this.hosts.values()].filter((h) => roleList.some((r) => h.roles.has(r))).length;
    const id = this.ids.take(p.def.id, 'process');
    const out: Process = { id, role: roleList.length === 1 ? (roleList[0] as HostRole) : roleList };
    if (id !== p.def.id) out.name = p.def.id;
    if (hosts.length < ofRole) {
      out.replicas = hosts.length;
      // The very hosts the pods or services were seen on, so the diagram draws them there.
      const ids = hosts.map((h) => h.id).filter((x): x is string => typeof x === 'string');
      if (ids.length === hosts.length) out.hosts = ids;
    }
    const kind = p.kind ?? p.def.k8s;
    if (kind) out.k8s = kind;
    if (p.def.quorum) out.quorum = true;
    const where = hosts.map((h) => h.name).sort(naturalCompare);
    const pods = p.pods ? `${plural(p.pods, 'pod')} ` : '';
    out.description = cap(`${pods}on ${listNames(where, 8)} (from ${[...p.sources].join(', ')}).`, 2000);
    return out;
  }

  private projectOut(p: ProjRec, hostId: (key: string) => string | undefined): Project {
    const project: Project = { id: p.id as string };
    const name = p.key === '' ? '(project not in the input)' : (p.name ?? p.key);
    if (name !== project.id) project.name = cap(name, 1000);
    if (isServiceProject(p)) project.owner = 'operator';
    if (p.note) project.description = p.note;
    else if (!p.listed && p.key !== '')
      project.description =
        'Not in the project list: named as the server list (or load balancer or volume list) gives it.';
    const vms = [...p.vms].sort((a, b) => naturalCompare(a.name, b.name));
    const dupes = new Map<string, string[]>();
    if (vms.length)
      project.vms = vms.map((v) => {
        v.id = this.ids.take(v.name, v.server.id ? `vm-${v.server.id.slice(0, 8)}` : 'vm');
        dupes.set(v.name.toLowerCase(), [...(dupes.get(v.name.toLowerCase()) ?? []), v.id]);
        const vm: Vm = { id: v.id, flavor: cap(v.flavor, 100) };
        if (v.name !== v.id) vm.name = cap(v.name, 1000);
        const h = v.host ? hostId(v.host.key) : undefined;
        if (h) vm.host = h;
        if (v.server.image) vm.image = cap(v.server.image, 200);
        const facts = [v.server.id ? `server ${v.server.id}` : '', v.server.status ?? '']
          .filter(Boolean)
          .join(', ');
        if (facts) vm.description = cap(`Nova ${facts}.`, 2000);
        return vm;
      });
    for (const [, ids] of dupes)
      if (ids.length > 1)
        this.unmatched.push(
          `${ids.length} VMs of project ${show(name)} share a name; their ids are ${listNames(ids)} (match nodes by providerID to tell them apart).`,
        );
    const built = { lbs: [] as string[], volumes: [] as string[] };
    this.builtProjects.set(p, built);
    if (p.lbs.length)
      project.loadBalancers = p.lbs.map((lb): LoadBalancer => {
        const id = this.ids.take(lb.name ?? '', lb.id ? `lb-${lb.id.slice(0, 8)}` : 'lb');
        built.lbs.push(id);
        const out: LoadBalancer = { id };
        if (lb.name && lb.name !== id) out.name = cap(lb.name, 1000);
        const facts = [lb.id ? `load balancer ${lb.id}` : '', lb.vip ? `VIP ${lb.vip}` : '']
          .filter(Boolean)
          .join(', ');
        if (facts) out.description = cap(`Octavia ${facts}.`, 2000);
        return out;
      });
    if (p.volumes.length)
      project.volumes = p.volumes.map(({ v, attachedTo }): Volume => {
        const id = this.ids.take(v.name ?? '', v.id ? `vol-${v.id.slice(0, 8)}` : 'volume');
        built.volumes.push(id);
        const out: Volume = { id, sizeGiB: Math.min(v.sizeGiB ?? 1, 10_000_000) };
        if (v.name && v.name !== id) out.name = cap(v.name, 1000);
        if (attachedTo?.id) out.attachedTo = attachedTo.id;
        if (v.id) out.description = cap(`Cinder volume ${v.id}${v.status ? `, ${v.status}` : ''}.`, 2000);
        return out;
      });
    return project;
  }

  private tenantOut(t: TenantRec): TenantCluster {
    const c = t.cluster;
    const id = this.ids.take(c.name, 'cluster');
    const vmIds = new Set([...t.controlPlane, ...t.workers].map((v) => v.id as string));
    const cluster: TenantCluster = {
      id,
      project: t.project.id as string,
      tool: t.tool,
      controlPlane: t.controlPlane.map((v) => v.id as string),
      workers: t.workers.map((v) => v.id as string),
    };
    if (id !== c.name) cluster.name = c.name;
    if (t.version) cluster.kubernetesVersion = cap(t.version, 40);
    // Its load balancers: CAPO's API server LB and cloud-provider-openstack's Services carry its name.
    const lbs = t.project.lbs
      .map((lb, i) => ({ lb, id: this.lbId(t.project, i) }))
      .filter(({ lb }) => {
        const n = (lb.name ?? '').toLowerCase();
        const mine = n.includes(c.name.toLowerCase());
        const onlyCluster = this.tenants.filter((o) => o.project === t.project).length === 1;
        return mine || (onlyCluster && n.startsWith('kube_service_'));
      })
      .map(({ id }) => id)
      .filter((x) => x !== undefined);
    if (lbs.length) cluster.loadBalancers = lbs;
    // Its volumes: PersistentVolumes (Cinder CSI names them pvc-…) attached to its nodes.
    const volumes = t.project.volumes
      .map(({ v, attachedTo }, i) => ({ v, attachedTo, id: this.volumeId(t.project, i) }))
      .filter(
        ({ v, attachedTo }) => attachedTo?.id && vmIds.has(attachedTo.id) && /^pvc-/i.test(v.name ?? ''),
      )
      .map(({ id }) => id)
      .filter((x) => x !== undefined);
    if (volumes.length) cluster.volumes = volumes;
    const workloads = workloadsOf(c.pods).sort(
      (a, b) => naturalCompare(a.namespace, b.namespace) || naturalCompare(a.name, b.name),
    );
    if (workloads.length)
      cluster.workloads = workloads.map((w): Workload => {
        const wid = this.ids.take(w.name, 'workload');
        const label = w.namespace === 'default' ? w.name : `${w.name} (${w.namespace})`;
        const out: Workload = { id: wid, kind: w.kind };
        if (label !== wid) out.name = cap(label, 1000);
        if (w.kind !== 'DaemonSet') out.replicas = Math.min(w.pods, 10_000);
        return out;
      });
    if (workloads.length || lbs.length || volumes.length)
      this.matched.push(
        `Cluster ${show(c.name)}: ${[
          workloads.length ? plural(workloads.length, 'workload') : '',
          lbs.length ? plural(lbs.length, 'load balancer') : '',
          volumes.length ? plural(volumes.length, 'volume') : '',
        ]
          .filter(Boolean)
          .join(', ')}.`,
      );
    return cluster;
  }

  /** The ids given to each project's load balancers and volumes, in their order (for the clusters). */
  private readonly builtProjects = new Map<ProjRec, { lbs: string[]; volumes: string[] }>();
  private lbId(p: ProjRec, i: number): string | undefined {
    return this.builtProjects.get(p)?.lbs[i];
  }
  private volumeId(p: ProjRec, i: number): string | undefined {
    return this.builtProjects.get(p)?.volumes[i];
  }

  private description(c: ImportCounts): string {
    const kinds = this.parsed.filter((f) => f.kind !== 'unknown').length;
    const parts = [
      `Imported by Stacklayers from ${plural(kinds, 'file')} of openstack and kubectl output: ${plural(c.hosts, 'host')}, ${plural(c.vms, 'VM')}, ${plural(c.clusters, 'Kubernetes cluster')}.`,
    ];
    if (this.unmatched.length) parts.push(`Not imported or not placed: ${this.unmatched.join(' ')}`);
    return cap(parts.join(' '), 4000);
  }

  /**
   * The model as built validates (tests make sure); should it not, or should the cloud have more elements than
   * Stacklayers draws (MAX_ELEMENTS), the parts that fail are dropped and said.
   */
  private ensureValid(model: Model, report: ImportReport): Model {
    const first = validateModel(model);
    if (first.ok) return first.model;
    const total = countElements(model).total;
    const tooBig = total > MAX_ELEMENTS;
    if (!tooBig) {
      const issue = first.issues[0];
      report.unmatched.push(
        `Internal: the model did not validate (${show(issue ? `${issue.path} ${issue.message}` : '?', 120)}); left out.`,
      );
    }
    const steps: [string, (m: Model) => Model][] = [
      ['its tenant Kubernetes clusters', ({ tenantClusters: _t, ...m }) => m],
      [
        'its tenant Kubernetes clusters and services',
        ({ operatorCluster: _o, ...m }) => ({ ...m, services: [] }),
      ],
      ['its tenant Kubernetes clusters, services and projects', ({ projects: _p, ...m }) => m],
    ];
    let m = model;
    for (const [what, step] of steps) {
      m = step(m);
      const r = validateModel(m);
      if (!r.ok) continue;
      if (tooBig)
        report.unmatched.push(
          `The cloud has ${thousands(total)} elements, more than the ${thousands(MAX_ELEMENTS)} Stacklayers draws: ${what} were left out.`,
        );
      return r.model;
    }
    if (tooBig)
      report.unmatched.push(
        `The cloud has ${thousands(total)} elements, more than the ${thousands(MAX_ELEMENTS)} Stacklayers draws: only a stand-in model was made.`,
      );
    return standInModel();
  }
}

const isServiceProject = (p: ProjRec) => (p.name ?? '').toLowerCase() === 'service';
