import type { Host, HostRole, WorkloadKind } from '../model/schema';
import type { ProcessDef } from './catalog';
import type { KubeCluster } from './clusters';
import type { AggregateEntry, FileKind, LoadBalancerEntry, ParsedFile, Server, VolumeEntry } from './parse';
import type { ClusterRole, ImportOptions } from './types';

/**
 * What the importer has read so far: one explicit state that each source module (`sources/`) adds to, in the
 * order `importCloud` calls them, and that `assemble/` turns into the model. Records are keyed by what the
 * inputs share: a host by its name without its domain, a project by its id (or name), a VM by its server id.
 */

export interface HostRec {
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

export interface ProcRec {
  def: ProcessDef;
  hosts: Set<string>;
  pods: number;
  kind?: WorkloadKind | undefined;
  sources: Set<string>;
}

export interface ProjRec {
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

export interface VmRec {
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

export interface TenantRec {
  cluster: KubeCluster;
  project: ProjRec;
  controlPlane: VmRec[];
  workers: VmRec[];
  tool: string;
  version?: string | undefined;
}

export interface ImportState {
  readonly options: ImportOptions;
  /** Every input file, recognised and parsed, in a fixed order. */
  readonly parsed: readonly ParsedFile[];
  /** The report's sentences so far. */
  readonly matched: string[];
  readonly unmatched: string[];
  /** Hosts by `hostKey`. */
  readonly hosts: Map<string, HostRec>;
  /** Processes by their catalog id. */
  readonly procs: Map<string, ProcRec>;
  /** Projects by id (lower case), and the listed ones also by name. */
  readonly projects: Map<string, ProjRec>;
  readonly projectByName: Map<string, ProjRec>;
  readonly vms: VmRec[];
  readonly vmById: Map<string, VmRec>;
  readonly vmsByName: Map<string, VmRec[]>;
  /** The operator's cluster, once chosen. */
  operator?: { cluster: KubeCluster; namespace: string };
  readonly clusterRoles: Map<KubeCluster, ClusterRole | 'ignored'>;
  readonly tenants: TenantRec[];
  /** Ironic nodes by the UUID of the instance deployed on them. */
  readonly nodeOfInstance: Map<string, HostRec>;
  aggregateRows: AggregateEntry[];
}

export function newState(parsed: readonly ParsedFile[], options: ImportOptions): ImportState {
  return {
    options,
    parsed,
    matched: [],
    unmatched: [],
    hosts: new Map(),
    procs: new Map(),
    projects: new Map(),
    projectByName: new Map(),
    vms: [],
    vmById: new Map(),
    vmsByName: new Map(),
    clusterRoles: new Map(),
    tenants: [],
    nodeOfInstance: new Map(),
    aggregateRows: [],
  };
}

/** The rows of every file of one openstack kind. */
export function rowsOf<T>(s: ImportState, kind: FileKind): T[] {
  const out: T[] = [];
  for (const f of s.parsed)
    if (f.data && f.data.kind === kind && 'rows' in f.data)
      for (const row of f.data.rows as T[]) out.push(row);
  return out;
}

export const cap = (text: string, n: number): string => (text.length > n ? text.slice(0, n) : text);

/** A host name compared across the inputs: lower case, without its domain (cmp1.example.com is cmp1). */
export function hostKey(name: string): string {
  const n = name.trim().toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n) || n.includes(':')) return n;
  return n.split('.')[0] || n;
}

/** The host of that name (made on first sight), with `source` among where it was seen. */
export function hostNamed(s: ImportState, name: string, source: string): HostRec {
  const key = hostKey(name);
  let h = s.hosts.get(key);
  if (!h) {
    h = { key, names: new Set(), name, roles: new Set(), sources: new Set(), k8sControlPlane: false };
    s.hosts.set(key, h);
  }
  h.names.add(name);
  // The shortest spelling names it (cmp1 rather than cmp1.cloud.example).
  if (name.length < h.name.length) h.name = name;
  h.sources.add(source);
  return h;
}

/** Records that `host` runs the process `def`; a process of one role gives the host that role. */
export function addProcess(
  s: ImportState,
  def: ProcessDef,
  host: HostRec,
  source: string,
  kind?: WorkloadKind,
  pod = false,
): void {
  let p = s.procs.get(def.id);
  if (!p) {
    p = { def, hosts: new Set(), pods: 0, sources: new Set() };
    s.procs.set(def.id, p);
  }
  p.hosts.add(host.key);
  p.sources.add(source);
  if (pod) p.pods++;
  if (kind && !p.kind) p.kind = kind;
  if (def.roles.length === 1) host.roles.add(def.roles[0] as HostRole);
  else if (!host.hint) host.hint = def.roles[0];
}

/** The project a column value names: a listed id, a listed name, or a new project named by the value. */
export function projectNamed(s: ImportState, value: string | undefined): ProjRec {
  const v = value ?? '';
  const key = v.toLowerCase();
  const found = s.projects.get(key) ?? s.projectByName.get(key);
  if (found) return found;
  const p: ProjRec = { key, name: v || undefined, listed: false, vms: [], lbs: [], volumes: [] };
  s.projects.set(key, p);
  return p;
}

export function addVm(s: ImportState, vm: VmRec): void {
  s.vms.push(vm);
  vm.project.vms.push(vm);
  if (vm.server.id) s.vmById.set(vm.server.id.toLowerCase(), vm);
  const n = vm.name.toLowerCase();
  s.vmsByName.set(n, [...(s.vmsByName.get(n) ?? []), vm]);
}
