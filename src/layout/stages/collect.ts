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
  for (const el of scene.elements) {
    switch (el.kind) {
      case 'host':
        c.hosts.push(el);
        break;
      case 'service':
        if (!hide.services && !collapsed.has(el.host)) push(c.servicesByHost, el.host, el);
        break;
      case 'operator-cluster':
        if (!hide.operator) c.opCluster = el;
        break;
      case 'k8s-node':
        if (collapsed.has(el.cluster)) break;
        if (el.clusterKind === 'operator') {
          if (!hide.operator) c.opNodes.set(el.machine, el);
        } else if (!hide.tenantK8s) push(c.tenantNodes, el.cluster, el);
        break;
      case 'project':
        if (!hide.projects) c.projects.push(el);
        break;
      case 'vm':
      case 'network':
      case 'load-balancer':
      case 'volume':
        if (!collapsed.has(el.project)) push(c.projectContents, el.project, el);
        break;
      case 'tenant-cluster':
        if (!hide.tenantK8s && !collapsed.has(el.project)) c.tenantClusters.push(el);
        break;
      case 'pod':
        push(c.podsByNode, el.runsOn, el);
        break;
      default:
        assertNever(el, 'element kind');
    }
  }
  return c;
}
