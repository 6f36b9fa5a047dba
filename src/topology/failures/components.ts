import type { HostElement, Scene, ServiceElement } from '../scene';
import {
  ALIASES,
  type ComponentDecl,
  DECLARATIONS,
  ENDPOINTS,
  type EndpointDecl,
  fallbackDecl,
} from './declarations';
import { majority, tolerates } from './quorum';
import { CLOUD, cellKey, type ScopeKey, scopingOf } from './scopes';
import { SOURCES } from './sources';

/** One kind of component in a scene: a process with its declaration and its instances. */
export interface Component {
  /** The process id. */
  id: string;
  name: string;
  serviceId: string;
  serviceName: string;
  decl: ComponentDecl;
  /** Whether the declaration is built in, comes from the model, or is the fallback for an unknown process. */
  declaredBy: 'built-in' | 'model' | 'fallback';
  instances: ServiceElement[];
  /**
   * Where what it serves counts and where its needs are looked up first (topology/failures/scopes.ts): a
   * cell's database serves its cell, a region's own nova-api its region; `''`: the whole cloud. Per-host
   * components are `''`: each instance looks up its needs from its own host's cell and region.
   */
  scope: ScopeKey;
}

/** The declaration of a process: the built-in one for its id (or alias), completed by the model's `failure`. */
export function declarationOf(s: ServiceElement): {
  decl: ComponentDecl;
  declaredBy: Component['declaredBy'];
} {
  const key = declarationKey(s);
  const builtIn = key !== undefined ? DECLARATIONS[key] : undefined;
  let decl = builtIn ?? fallbackDecl(s.processId, s.category, s.docs);
  // The model says its replicas need a majority: that holds whatever the built-in declaration says.
  if (s.quorum && decl.redundancy !== 'majority') decl = { ...decl, redundancy: 'majority' };
  const o = s.failure;
  if (!o) return { decl, declaredBy: builtIn ? 'built-in' : 'fallback' };
  return {
    decl: {
      ...decl,
      plane: o.plane ?? decl.plane,
      role: o.role ?? decl.role,
      serves: o.serves ?? decl.serves,
      needs: o.needs ?? decl.needs,
      needsOnHost: o.needsOnHost ?? decl.needsOnHost,
      redundancy: o.redundancy ?? decl.redundancy,
      critical: o.critical ?? decl.critical,
      lost: o.lost ?? decl.lost,
      source: o.source ?? decl.source,
    },
    declaredBy: 'model',
  };
}

/**
 * The built-in declaration a process answers to: its id, else its name, else its id up to the first dot
 * (`mariadb.cell1`, a cell's own Galera; `nova-conductor.RegionOne`), each directly or as an alias.
 */
function declarationKey(s: ServiceElement): string | undefined {
  for (const word of [s.processId, s.name, s.processId.split('.')[0] ?? '']) {
    if (Object.hasOwn(DECLARATIONS, word)) return word;
    if (Object.hasOwn(ALIASES, word)) return ALIASES[word];
  }
  return undefined;
}

/** The components of a scene, in scene order of their first instance. */
export function componentsOf(scene: Scene): Component[] {
  const byId = new Map<string, Component>();
  for (const el of scene.elements) {
    if (el.kind !== 'service') continue;
    const c = byId.get(el.processId);
    if (c) c.instances.push(el);
    else {
      const { decl, declaredBy } = declarationOf(el);
      byId.set(el.processId, {
        id: el.processId,
        name: el.name,
        serviceId: el.serviceId,
        serviceName: el.serviceName,
        decl,
        declaredBy,
        instances: [el],
        scope: CLOUD,
      });
    }
  }
  const scoping = scopingOf(scene);
  for (const c of byId.values())
    if (c.decl.redundancy !== 'per-host') c.scope = scoping.ofProcess(c.instances);
  return [...byId.values()];
}

/** Whether a host is a gateway chassis: the model's word, else whether it has the network role. */
export function isGateway(h: HostElement): boolean {
  return h.gateway ?? h.roles.includes('network');
}

/** The way to the APIs in this view, and the hosts that can hold it. */
export interface Endpoint {
  decl: EndpointDecl;
  /** Host ids that can hold it. */
  hosts: string[];
  /** In the Kubernetes views, the operator-cluster node of each host (it must be up too). */
  nodeOf: Map<string, string>;
}

/**
 * The API endpoint, unless the model draws it as processes (haproxy/keepalived serve `api-endpoint`
 * themselves). Traditional: kolla-ansible's loadbalancer group, which is its network group (else the
 * controllers). On Kubernetes: the ingress runs on the operator cluster's controller hosts.
 */
export function endpointOf(scene: Scene, components: readonly Component[]): Endpoint | undefined {
  if (components.some((c) => c.decl.serves.includes('api-endpoint'))) return undefined;
  const hosts = scene.elements.filter((e): e is HostElement => e.kind === 'host');
  const ids = (list: HostElement[]) => list.map((h) => h.id);
  const oc = scene.elements.find((e) => e.kind === 'operator-cluster');
  if (scene.flags.controlPlaneOnK8s && oc) {
    const members = hosts.filter((h) => oc.hosts.includes(h.id));
    const ctl = members.filter((h) => h.roles.includes('controller'));
    const chosen = ctl.length > 0 ? ctl : members;
    return {
      decl: ENDPOINTS.ingress,
      hosts: ids(chosen),
      nodeOf: new Map(chosen.map((h) => [h.id, `${oc.id}/${h.id}`])),
    };
  }
  const network = hosts.filter((h) => h.roles.includes('network'));
  const chosen = network.length > 0 ? network : hosts.filter((h) => h.roles.includes('controller'));
  if (chosen.length === 0) return undefined;
  return { decl: ENDPOINTS.vip, hosts: ids(chosen), nodeOf: new Map() };
}

/**
 * A group that needs a majority of its members. Hosts never vote: the groups are the clustered processes
 * (Galera, RabbitMQ, the OVN databases, Ceph monitors, etcd) and each Kubernetes control plane (etcd).
 * `scope` is for groups that hold the state of part of the cloud only (e.g. a cell's database).
 */
export interface MajorityGroup {
  /** The process id, or the cluster id for a Kubernetes control plane. */
  id: string;
  kind: 'process' | 'kubernetes';
  /** E.g. "MariaDB Galera (mariadb)", "undercloud control plane (etcd)". */
  label: string;
  /** Service instance ids, or the control-plane k8s node ids. */
  members: string[];
  size: number;
  /** floor(n/2)+1 */
  needed: number;
  /** floor((n-1)/2) */
  tolerates: number;
  /** An even count adds cost, not tolerance. */
  even: boolean;
  /** What it holds, in words. */
  holds: string;
  source: string | undefined;
  /** The part of the cloud whose state it holds (`cell:<id>`, `region:<id>`); absent: the whole cloud. */
  scope?: string | undefined;
}

function group(fields: Omit<MajorityGroup, 'size' | 'needed' | 'tolerates' | 'even'>): MajorityGroup {
  const n = fields.members.length;
  return { ...fields, size: n, needed: majority(n), tolerates: tolerates(n), even: n >= 2 && n % 2 === 0 };
}

/** Every majority in the view: each clustered process, each Kubernetes control plane present. */
export function majorityGroups(
  scene: Scene,
  components: readonly Component[] = componentsOf(scene),
): MajorityGroup[] {
  const groups: MajorityGroup[] = [];
  const scoping = scopingOf(scene);
  for (const c of components)
    if (c.decl.redundancy === 'majority') {
      const where = scoping.info(c.scope);
      groups.push(
        group({
          id: c.id,
          kind: 'process',
          // A cell's or region's own is named by where it is (its process id is the group's id).
          label: where
            ? `${where.level === 'cell' ? 'Cell' : 'Region'} ${where.name}'s ${c.name}`
            : `${c.serviceName} (${c.id})`,
          members: c.instances.map((s) => s.id),
          holds: c.decl.role,
          source: c.decl.source,
          ...(where ? { scope: where.key } : {}),
        }),
      );
    }
  const cpNodes = new Map<string, string[]>();
  for (const n of scene.elements)
    if (n.kind === 'k8s-node' && n.nodeRole === 'control-plane') {
      const list = cpNodes.get(n.cluster);
      if (list) list.push(n.id);
      else cpNodes.set(n.cluster, [n.id]);
    }
  for (const el of scene.elements) {
    if (el.kind !== 'operator-cluster' && el.kind !== 'tenant-cluster') continue;
    const cp = cpNodes.get(el.id) ?? [];
    if (cp.length === 0) continue;
    groups.push(
      group({
        id: el.id,
        kind: 'kubernetes',
        label: `${el.name} control plane (etcd)`,
        members: cp,
        holds: `the state of the Kubernetes cluster ${el.name}`,
        source: SOURCES.kubeadmHa,
      }),
    );
  }
  return groups;
}

/** A cell's database: its own majority component that serves `database` (Galera), else its first majority. */
export function cellDatabase(scene: Scene, cell: string): Component | undefined {
  const own = componentsOf(scene).filter(
    (c) => c.decl.redundancy === 'majority' && c.scope === cellKey(cell),
  );
  return own.find((c) => c.decl.serves.includes('database')) ?? own[0];
}
