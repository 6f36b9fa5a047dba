import { defOf } from '../../kinds';
import { assertNever } from '../../model/assertNever';
import type {
  HostElement,
  K8sNodeElement,
  Layer,
  OperatorClusterElement,
  PodElement,
  ProjectElement,
  Scene,
  SceneElement,
  ServiceElement,
  TenantClusterElement,
} from '../../topology/scene';

/** Which parts hidden layers leave out: hiding tenant VMs hides tenant Kubernetes too (it sits on them). */
export interface Hidden {
  services: boolean;
  operator: boolean;
  projects: boolean;
  tenantK8s: boolean;
}

/** What hidden layers leave out. */
export function hiddenParts(hiddenLayers: ReadonlySet<Layer>): Hidden {
  return {
    services: hiddenLayers.has('openstack'),
    operator: hiddenLayers.has('operator-k8s'),
    projects: hiddenLayers.has('tenant-vms'),
    tenantK8s: hiddenLayers.has('tenant-k8s') || hiddenLayers.has('tenant-vms'),
  };
}

/** The scene's elements sorted by where they are drawn, without what is hidden or inside a folded box. */
export interface Collected {
  /** Every host (hardware always shows; folding is the host-columns stage's business). */
  hosts: HostElement[];
  /** Service instances by the id of the host they run on. */
  servicesByHost: Map<string, ServiceElement[]>;
  /** The operator's Kubernetes nodes by the id of their host. */
  opNodes: Map<string, K8sNodeElement>;
  opCluster: OperatorClusterElement | undefined;
  projects: ProjectElement[];
  /** VMs, networks, load balancers and volumes by project id. */
  projectContents: Map<string, SceneElement[]>;
  tenantClusters: TenantClusterElement[];
  /** Tenant Kubernetes nodes by cluster id. */
  tenantNodes: Map<string, K8sNodeElement[]>;
  /** Pods by the id of their node. */
  podsByNode: Map<string, PodElement[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Stage 1: one pass over the elements, each to its place (or left out when hidden or folded away). */
export function collect(scene: Scene, collapsed: ReadonlySet<string>, hide: Hidden): Collected {
  const c: Collected = {
    hosts: [],
    servicesByHost: new Map(),
    opNodes: new Map(),
    opCluster: undefined,
    projects: [],
    projectContents: new Map(),
    tenantClusters: [],
    tenantNodes: new Map(),
    podsByNode: new Map(),
  };
  for (const el of scene.elements) place(c, el, collapsed, hide);
  return c;
}

/**
 * Puts one element where its kind's definition says (`layoutAs`), unless hidden or folded away. The definition
 * types each place to its kind (`host` only for hosts; `project-content` for a kind that names its project),
 * so the element is what the place expects.
 */
function place(c: Collected, el: SceneElement, collapsed: ReadonlySet<string>, hide: Hidden): void {
  const as = defOf(el).layoutAs;
  switch (as) {
    case 'host':
      c.hosts.push(el as HostElement);
      break;
    case 'service': {
      const s = el as ServiceElement;
      if (!hide.services && !collapsed.has(s.host)) push(c.servicesByHost, s.host, s);
      break;
    }
    case 'operator-cluster':
      if (!hide.operator) c.opCluster = el as OperatorClusterElement;
      break;
    case 'k8s-node': {
      const n = el as K8sNodeElement;
      if (collapsed.has(n.cluster)) break;
      if (n.clusterKind === 'operator') {
        if (!hide.operator) c.opNodes.set(n.machine, n);
      } else if (!hide.tenantK8s) push(c.tenantNodes, n.cluster, n);
      break;
    }
    case 'project':
      if (!hide.projects) c.projects.push(el as ProjectElement);
      break;
    case 'project-content': {
      const { project } = el as Extract<SceneElement, { project: string }>;
      if (!collapsed.has(project)) push(c.projectContents, project, el);
      break;
    }
    case 'tenant-cluster': {
      const t = el as TenantClusterElement;
      if (!hide.tenantK8s && !collapsed.has(t.project)) c.tenantClusters.push(t);
      break;
    }
    case 'pod': {
      const p = el as PodElement;
      push(c.podsByNode, p.runsOn, p);
      break;
    }
    default:
      assertNever(as, 'layout place');
  }
}
