import { assertNever } from '../model/assertNever';
import { at, bool, cell, isRecord, labels, normKey, num, own, type Row, show, text, toRow } from './fields';

/**
 * Recognises each input file by its content (never by its name) and reads it into plain records. Every
 * client version's column names are normalised first (`normKey`), so "Hypervisor Hostname" and
 * "hypervisor_hostname" are the same column. Nothing here throws: a file that cannot be read is `unknown`
 * with a note saying why, and an entry without what it needs is skipped with a problem saying so.
 */

export const FILE_KINDS = [
  'hypervisors',
  'hosts',
  'compute-services',
  'servers',
  'projects',
  'network-agents',
  'load-balancers',
  'volumes',
  'availability-zones',
  'aggregates',
  'baremetal-nodes',
  'k8s-nodes',
  'k8s-pods',
  'k8s-nodes-pods',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The command whose output each kind is (for the report and the docs). */
export const KIND_COMMAND: Readonly<Record<FileKind, string>> = {
  hypervisors: 'openstack hypervisor list --long -f json',
  hosts: 'openstack host list -f json',
  'compute-services': 'openstack compute service list -f json',
  servers: 'openstack server list --all-projects --long -f json',
  projects: 'openstack project list -f json',
  'network-agents': 'openstack network agent list -f json',
  'load-balancers': 'openstack loadbalancer list -f json',
  volumes: 'openstack volume list --all-projects --long -f json',
  'availability-zones': 'openstack availability zone list --long -f json',
  aggregates: 'openstack aggregate list --long -f json',
  'baremetal-nodes': 'openstack baremetal node list -f json',
  'k8s-nodes': 'kubectl get nodes -o json',
  'k8s-pods': 'kubectl get pods -A -o json',
  'k8s-nodes-pods': 'kubectl get nodes,pods -A -o json',
};

export interface Hypervisor {
  name: string;
  type?: string | undefined;
  ip?: string | undefined;
  state?: string | undefined;
  vcpus?: number | undefined;
  memoryMb?: number | undefined;
}

export interface ComputeService {
  binary: string;
  host: string;
  zone?: string | undefined;
}

/** A row of `openstack availability zone list --long`: a zone, and (with --long) one host and service in it. */
export interface ZoneEntry {
  zone: string;
  /** Compute zones list their hosts; volume and network zones do not. */
  host?: string | undefined;
  service?: string | undefined;
  /** `network` or `router` for Neutron's zones; empty for Nova's and Cinder's. */
  resource?: string | undefined;
}

/** A row of `openstack aggregate list --long`: newer clients list the hosts, older ones do not. */
export interface AggregateEntry {
  name: string;
  zone?: string | undefined;
  hosts?: string[] | undefined;
}

/** A row of `openstack baremetal node list` (with `--long`, also its resource class). */
export interface BaremetalNode {
  uuid?: string | undefined;
  name?: string | undefined;
  instanceUuid?: string | undefined;
  powerState?: string | undefined;
  provisionState?: string | undefined;
  maintenance?: boolean | undefined;
  resourceClass?: string | undefined;
}

export interface HostListEntry {
  host: string;
  service?: string | undefined;
}

export interface Server {
  /** The server's UUID, if the output has it. */
  id?: string | undefined;
  name?: string | undefined;
  status?: string | undefined;
  flavor?: string | undefined;
  image?: string | undefined;
  host?: string | undefined;
  /** A project id or name, as the column holds it. */
  project?: string | undefined;
  /** Its availability zone (`--long`). */
  zone?: string | undefined;
}

export interface ProjectEntry {
  id: string;
  name?: string | undefined;
}

export interface Agent {
  type?: string | undefined;
  binary?: string | undefined;
  host: string;
  alive?: boolean | undefined;
}

export interface LoadBalancerEntry {
  id?: string | undefined;
  name?: string | undefined;
  project?: string | undefined;
  vip?: string | undefined;
}

export interface VolumeEntry {
  id?: string | undefined;
  name?: string | undefined;
  sizeGiB?: number | undefined;
  status?: string | undefined;
  project?: string | undefined;
  /** Server ids (or, from old clients' text, server names or ids) it is attached to. */
  attachedTo: string[];
}

export interface K8sNode {
  name: string;
  labels: Map<string, string>;
  annotations: Map<string, string>;
  providerID?: string | undefined;
  kubeletVersion?: string | undefined;
  cpu?: number | undefined;
  memoryGiB?: number | undefined;
  controlPlane: boolean;
}

export interface K8sPod {
  name: string;
  namespace: string;
  nodeName?: string | undefined;
  labels: Map<string, string>;
  /** The controlling owner: ReplicaSet, StatefulSet, DaemonSet, Job, Node… */
  ownerKind?: string | undefined;
  ownerName?: string | undefined;
  phase?: string | undefined;
}

export type FileData =
  | { kind: 'hypervisors'; rows: Hypervisor[] }
  | { kind: 'hosts'; rows: HostListEntry[] }
  | { kind: 'compute-services'; rows: ComputeService[] }
  | { kind: 'servers'; rows: Server[] }
  | { kind: 'projects'; rows: ProjectEntry[] }
  | { kind: 'network-agents'; rows: Agent[] }
  | { kind: 'load-balancers'; rows: LoadBalancerEntry[] }
  | { kind: 'volumes'; rows: VolumeEntry[] }
  | { kind: 'availability-zones'; rows: ZoneEntry[] }
  | { kind: 'aggregates'; rows: AggregateEntry[] }
  | { kind: 'baremetal-nodes'; rows: BaremetalNode[] }
  | { kind: 'k8s-nodes' | 'k8s-pods' | 'k8s-nodes-pods'; nodes: K8sNode[]; pods: K8sPod[] };

export interface ParsedFile {
  name: string;
  kind: FileKind | 'unknown';
  /** How many entries (rows, nodes, pods) were read. */
  entries: number;
  /** Why the file is unknown, or what was special about it. */
  note?: string | undefined;
  /** Entries that were skipped, as sentences. */
  problems: string[];
  data?: FileData | undefined;
}

const has = (keys: ReadonlySet<string>, ...names: string[]) => names.some((n) => keys.has(n));

/** The kind of a parsed JSON value, by content, or why it is none. */
export function detectKind(value: unknown): { kind: FileKind } | { kind: 'unknown'; note: string } {
  if (Array.isArray(value)) {
    const objects = value.filter(isRecord);
    if (value.length === 0)
      return { kind: 'unknown', note: 'an empty list: there is nothing in it to recognise or import' };
    if (objects.length === 0)
      return { kind: 'unknown', note: 'a list, but not of objects (not the JSON of an openstack … list)' };
    const keys = new Set<string>();
    for (const o of objects.slice(0, 20)) for (const k of Object.keys(o)) keys.add(normKey(k));
    const kind = detectTable(keys, objects);
    return typeof kind === 'string' ? { kind } : kind;
  }
  if (isRecord(value)) {
    const k = own(value, 'kind');
    if (typeof k === 'string' && Array.isArray(own(value, 'items'))) {
      if (!/List$/.test(k))
        return {
          kind: 'unknown',
          note: `a Kubernetes ${show(k, 30)} with items, not a List of nodes or pods`,
        };
      const { nodes, pods } = countKubeItems(own(value, 'items') as unknown[], k);
      if (nodes > 0 && pods > 0) return { kind: 'k8s-nodes-pods' };
      if (nodes > 0) return { kind: 'k8s-nodes' };
      if (pods > 0) return { kind: 'k8s-pods' };
      return {
        kind: 'unknown',
        note:
          (own(value, 'items') as unknown[]).length === 0
            ? 'an empty Kubernetes List: no nodes or pods in it'
            : 'a Kubernetes List, but of neither nodes nor pods',
      };
    }
    if (k === 'Node') return { kind: 'k8s-nodes' };
    if (k === 'Pod') return { kind: 'k8s-pods' };
    if (Object.hasOwn(value, 'version') && Object.hasOwn(value, 'hosts'))
      return { kind: 'unknown', note: 'a Stacklayers model, not the output of openstack or kubectl' };
    return { kind: 'unknown', note: 'a JSON object, but not a Kubernetes List of nodes or pods' };
  }
  return { kind: 'unknown', note: 'JSON, but neither a list of objects nor a Kubernetes List' };
}

function detectTable(
  keys: ReadonlySet<string>,
  objects: readonly Record<string, unknown>[],
): FileKind | { kind: 'unknown'; note: string } {
  if (keys.has('hypervisorhostname') && !has(keys, 'flavor', 'flavorname', 'networks')) return 'hypervisors';
  if (has(keys, 'agenttype', 'alive')) return 'network-agents';
  if (keys.has('binary') && keys.has('host')) {
    const binaries = objects.map((o) => text(cell(toRow(o), 'binary')) ?? '');
    if (binaries.some((b) => /^neutron-|^ovn-/.test(b))) return 'network-agents';
    if (binaries.length > 0 && binaries.every((b) => /^(cinder|manila)-/.test(b)))
      return {
        kind: 'unknown',
        note: 'a list of block or file storage services (openstack volume service list): not read',
      };
    return 'compute-services';
  }
  if (keys.has('hostname') && keys.has('service')) return 'hosts';
  if (has(keys, 'vipaddress', 'provisioningstatus', 'vipportid')) return 'load-balancers';
  if (keys.has('zonename') && keys.has('zonestatus')) return 'availability-zones';
  if (keys.has('provisioningstate') && has(keys, 'instanceuuid', 'powerstate', 'uuid'))
    return 'baremetal-nodes';
  if (
    keys.has('name') &&
    keys.has('availabilityzone') &&
    !has(keys, 'status', 'flavor', 'flavorname', 'networks', 'size') &&
    [...keys].every((k) =>
      ['id', 'name', 'availabilityzone', 'properties', 'metadata', 'hosts', 'uuid'].includes(k),
    )
  )
    return 'aggregates';
  if (keys.has('size') && has(keys, 'attachedto', 'attachments', 'bootable', 'volumetype', 'type'))
    return 'volumes';
  if (
    keys.has('id') &&
    keys.has('name') &&
    keys.has('status') &&
    has(
      keys,
      'networks',
      'flavor',
      'flavorname',
      'flavorid',
      'host',
      'osextsrvattrhost',
      'powerstate',
      'taskstate',
      'imagename',
    )
  )
    return 'servers';
  const projectKeys = new Set([
    'id',
    'name',
    'domainid',
    'domain',
    'description',
    'enabled',
    'tags',
    'options',
    'isdomain',
    'parentid',
  ]);
  if (keys.has('id') && keys.has('name') && [...keys].every((k) => projectKeys.has(k))) return 'projects';
  if (keys.has('vcpus') && keys.has('ram') && keys.has('disk'))
    return { kind: 'unknown', note: 'a flavor list (openstack flavor list): not read' };
  return {
    kind: 'unknown',
    note: 'a list whose columns are not those of any openstack command Stacklayers reads',
  };
}

/** Node or Pod: the item's own kind, else its List's (`NodeList`), else its shape. */
function kubeItemKind(item: unknown, listKind: string): 'Node' | 'Pod' | undefined {
  const k = own(item, 'kind');
  if (k === 'Node' || k === 'Pod') return k;
  if (k !== undefined) return undefined;
  if (listKind === 'NodeList') return 'Node';
  if (listKind === 'PodList') return 'Pod';
  if (at(item, 'status', 'nodeInfo') !== undefined) return 'Node';
  if (Array.isArray(at(item, 'spec', 'containers'))) return 'Pod';
  return undefined;
}

function countKubeItems(items: readonly unknown[], listKind: string) {
  let nodes = 0;
  let pods = 0;
  for (const item of items) {
    const k = kubeItemKind(item, listKind);
    if (k === 'Node') nodes++;
    else if (k === 'Pod') pods++;
  }
  return { nodes, pods };
}

/** Parses one file: JSON first, then its kind, then its entries. Never throws. */
export function parseFile(name: string, textIn: string): ParsedFile {
  let value: unknown;
  try {
    const t = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
    if (t.trim() === '')
      return { name, kind: 'unknown', entries: 0, note: 'the file is empty', problems: [] };
    value = JSON.parse(t);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { name, kind: 'unknown', entries: 0, note: `not JSON (${show(why, 80)})`, problems: [] };
  }
  const detected = detectKind(value);
  if (detected.kind === 'unknown')
    return { name, kind: 'unknown', entries: 0, note: detected.note, problems: [] };
  const problems: string[] = [];
  const skip = (i: number, why: string): undefined => {
    problems.push(`${show(name)}: entry ${i + 1} ${why}; skipped.`);
  };
  const rows = Array.isArray(value) ? value.map((v) => (isRecord(v) ? toRow(v) : undefined)) : [];
  const each = <T>(read: (row: Row, i: number) => T | undefined): T[] => {
    const out: T[] = [];
    rows.forEach((row, i) => {
      if (!row) {
        skip(i, 'is not an object');
        return;
      }
      const r = read(row, i);
      if (r !== undefined) out.push(r);
    });
    return out;
  };
  let data: FileData;
  switch (detected.kind) {
    case 'hypervisors':
      data = { kind: detected.kind, rows: each((r, i) => readHypervisor(r) ?? skip(i, 'has no hostname')) };
      break;
    case 'hosts':
      data = { kind: detected.kind, rows: each((r, i) => readHostEntry(r) ?? skip(i, 'has no host name')) };
      break;
    case 'compute-services':
      data = {
        kind: detected.kind,
        rows: each((r, i) => readComputeService(r) ?? skip(i, 'has no binary or no host')),
      };
      break;
    case 'servers':
      data = {
        kind: detected.kind,
        rows: each((r, i) => readServer(r) ?? skip(i, 'has neither an ID nor a name')),
      };
      break;
    case 'projects':
      data = { kind: detected.kind, rows: each((r, i) => readProject(r) ?? skip(i, 'has no ID')) };
      break;
    case 'network-agents':
      data = { kind: detected.kind, rows: each((r, i) => readAgent(r) ?? skip(i, 'has no host')) };
      break;
    case 'load-balancers':
      data = {
        kind: detected.kind,
        rows: each((r, i) => readLoadBalancer(r) ?? skip(i, 'has neither an id nor a name')),
      };
      break;
    case 'volumes':
      data = {
        kind: detected.kind,
        rows: each((r, i) => readVolume(r) ?? skip(i, 'has neither an ID nor a name')),
      };
      break;
    case 'availability-zones':
      data = { kind: detected.kind, rows: each((r, i) => readZone(r) ?? skip(i, 'has no zone name')) };
      break;
    case 'aggregates':
      data = { kind: detected.kind, rows: each((r, i) => readAggregate(r) ?? skip(i, 'has no name')) };
      break;
    case 'baremetal-nodes':
      data = {
        kind: detected.kind,
        rows: each((r, i) => readBaremetalNode(r) ?? skip(i, 'has neither a UUID nor a name')),
      };
      break;
    case 'k8s-nodes':
    case 'k8s-pods':
    case 'k8s-nodes-pods':
      data = { kind: detected.kind, ...readKube(value, name, problems) };
      break;
    default:
      return assertNever(detected, 'file kind');
  }
  const entries = 'rows' in data ? data.rows.length : data.nodes.length + data.pods.length;
  return { name, kind: detected.kind, entries, problems, data };
}

// --- openstack tables ----------------------------------------------------------------------------------------

const str = (row: Row, ...columns: string[]) => text(cell(row, ...columns));

function readHypervisor(row: Row): Hypervisor | undefined {
  const name = str(row, 'hypervisorhostname');
  if (!name) return undefined;
  return {
    name,
    type: str(row, 'hypervisortype'),
    ip: str(row, 'hostip'),
    state: str(row, 'state'),
    vcpus: num(cell(row, 'vcpus')),
    memoryMb: num(cell(row, 'memorymb')),
  };
}

function readHostEntry(row: Row): HostListEntry | undefined {
  const host = str(row, 'hostname', 'host');
  return host ? { host, service: str(row, 'service') } : undefined;
}

function readComputeService(row: Row): ComputeService | undefined {
  const binary = str(row, 'binary');
  const host = str(row, 'host');
  return binary && host ? { binary, host, zone: str(row, 'zone') } : undefined;
}

function readZone(row: Row): ZoneEntry | undefined {
  const zone = str(row, 'zonename');
  if (!zone) return undefined;
  return {
    zone,
    host: str(row, 'hostname'),
    service: str(row, 'servicename'),
    resource: str(row, 'zoneresource'),
  };
}

function readAggregate(row: Row): AggregateEntry | undefined {
  const name = str(row, 'name');
  if (!name) return undefined;
  const hosts = cell(row, 'hosts');
  return {
    name,
    zone: str(row, 'availabilityzone'),
    // A list in -f json; a comma-separated text in old clients' or hand-written output.
    hosts: Array.isArray(hosts)
      ? hosts.map((h) => text(h)).filter((h): h is string => h !== undefined)
      : text(hosts)
          ?.split(/[,\s]+/)
          .filter(Boolean),
  };
}

function readBaremetalNode(row: Row): BaremetalNode | undefined {
  const uuid = str(row, 'uuid');
  const name = str(row, 'name');
  if (!uuid && !name) return undefined;
  return {
    uuid,
    name,
    instanceUuid: str(row, 'instanceuuid'),
    powerState: str(row, 'powerstate'),
    provisionState: str(row, 'provisioningstate', 'provisionstate'),
    maintenance: bool(cell(row, 'maintenance')),
    resourceClass: str(row, 'resourceclass'),
  };
}

/** A flavor or image column: a name (text), or an object with a name (raw API JSON). */
function nameOf(v: unknown): string | undefined {
  if (isRecord(v)) return text(own(v, 'original_name')) ?? text(own(v, 'name')) ?? text(own(v, 'id'));
  return text(v);
}

function readServer(row: Row): Server | undefined {
  const id = str(row, 'id');
  const name = str(row, 'name');
  if (!id && !name) return undefined;
  const image = nameOf(cell(row, 'imagename', 'image'));
  return {
    id,
    name,
    status: str(row, 'status'),
    flavor: nameOf(cell(row, 'flavorname', 'flavor')),
    // "N/A (booted from volume)" and "" are no image.
    image: image && !/^n\/a\b/i.test(image) ? image : undefined,
    host: str(
      row,
      'host',
      'osextsrvattrhost',
      'computehost',
      'hypervisorhostname',
      'osextsrvattrhypervisorhostname',
    ),
    project: str(row, 'projectid', 'project', 'tenantid', 'projectname', 'tenant'),
    zone: str(row, 'availabilityzone', 'osextazavailabilityzone'),
  };
}

function readProject(row: Row): ProjectEntry | undefined {
  const id = str(row, 'id');
  return id ? { id, name: str(row, 'name') } : undefined;
}

function readAgent(row: Row): Agent | undefined {
  const host = str(row, 'host');
  if (!host) return undefined;
  return {
    type: str(row, 'agenttype', 'type'),
    binary: str(row, 'binary'),
    host,
    alive: bool(cell(row, 'alive')),
  };
}

function readLoadBalancer(row: Row): LoadBalancerEntry | undefined {
  const id = str(row, 'id');
  const name = str(row, 'name');
  if (!id && !name) return undefined;
  return { id, name, project: str(row, 'projectid', 'project', 'tenantid'), vip: str(row, 'vipaddress') };
}

function readVolume(row: Row): VolumeEntry | undefined {
  const id = str(row, 'id');
  const name = str(row, 'name', 'displayname');
  if (!id && !name) return undefined;
  return {
    id,
    name,
    sizeGiB: num(cell(row, 'size')),
    status: str(row, 'status'),
    project: str(row, 'projectid', 'project', 'tenantid', 'osvoltenantattrtenantid'),
    attachedTo: attachments(cell(row, 'attachedto', 'attachments')),
  };
}

/**
 * The servers of a volume's "Attached to" column: a list of attachment objects (`server_id`) in JSON
 * output, or, from old clients, text such as "Attached to web-1 on /dev/vdb".
 */
function attachments(v: unknown): string[] {
  if (Array.isArray(v))
    return v.map((a) => text(own(a, 'server_id')) ?? text(own(a, 'serverId'))).filter((s) => s !== undefined);
  const t = text(v);
  if (!t) return [];
  return [...t.matchAll(/Attached to (\S+) on/gi)].map((m) => m[1] ?? '').filter((s) => s !== '');
}

// --- kubectl ---------------------------------------------------------------------------------------------------

/** Kubernetes quantities: cpu "16" / "15500m"; memory "131921752Ki", "64Gi", "68719476736". */
function cpuOf(v: unknown): number | undefined {
  const t = text(v);
  if (!t) return undefined;
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] ? 1000 : 1);
  return n >= 1 ? Math.round(n) : undefined;
}

function gibOf(v: unknown): number | undefined {
  const t = text(v);
  if (!t) return undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(t);
  if (!m) return undefined;
  const factor: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
  };
  const bytes = Number(m[1]) * (m[2] ? (factor[m[2]] ?? 1) : 1);
  const gib = Math.round((bytes / 2 ** 30) * 10) / 10;
  return gib > 0 ? gib : undefined;
}

function readKube(value: unknown, file: string, problems: string[]): { nodes: K8sNode[]; pods: K8sPod[] } {
  const listKind = text(own(value, 'kind')) ?? '';
  const items = Array.isArray(own(value, 'items')) ? (own(value, 'items') as unknown[]) : [value];
  const nodes: K8sNode[] = [];
  const pods: K8sPod[] = [];
  let unnamed = 0;
  for (const item of items) {
    const kind = kubeItemKind(item, listKind);
    if (!kind) continue;
    const name = text(at(item, 'metadata', 'name'));
    if (!name) {
      unnamed++;
      continue;
    }
    const itemLabels = labels(at(item, 'metadata', 'labels'));
    if (kind === 'Node') {
      const role = itemLabels.get('kubernetes.io/role');
      nodes.push({
        name,
        labels: itemLabels,
        annotations: labels(at(item, 'metadata', 'annotations')),
        providerID: text(at(item, 'spec', 'providerID')),
        kubeletVersion: text(at(item, 'status', 'nodeInfo', 'kubeletVersion')),
        cpu: cpuOf(at(item, 'status', 'capacity', 'cpu')),
        memoryGiB: gibOf(at(item, 'status', 'capacity', 'memory')),
        controlPlane:
          itemLabels.has('node-role.kubernetes.io/control-plane') ||
          itemLabels.has('node-role.kubernetes.io/master') ||
          role === 'master' ||
          role === 'control-plane',
      });
    } else {
      const owners = at(item, 'metadata', 'ownerReferences');
      const ownerList = Array.isArray(owners) ? owners : [];
      const owner = ownerList.find((o) => own(o, 'controller') === true) ?? ownerList[0];
      pods.push({
        name,
        namespace: text(at(item, 'metadata', 'namespace')) ?? 'default',
        nodeName: text(at(item, 'spec', 'nodeName')),
        labels: itemLabels,
        ownerKind: text(own(owner, 'kind')),
        ownerName: text(own(owner, 'name')),
        phase: text(at(item, 'status', 'phase')),
      });
    }
  }
  if (unnamed > 0)
    problems.push(
      `${show(file)}: ${unnamed} ${unnamed === 1 ? 'item has' : 'items have'} no metadata.name; skipped.`,
    );
  return { nodes, pods };
}
