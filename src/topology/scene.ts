import type { HostRole, Process, View, WorkloadKind } from '../model/schema';

/** The horizontal bands of the diagram, bottom-up. */
export const LAYERS = ['hardware', 'operator-k8s', 'openstack', 'tenant-vms', 'tenant-k8s'] as const;
export type Layer = (typeof LAYERS)[number];

/** Who operates an element in a view: the cloud operator or a tenant (end user). */
export type Owner = 'operator' | 'tenant';

/** The two switches; a view is one combination of them. */
export interface ViewFlags {
  /** "OpenStack control plane on Kubernetes" (way 1 in the built-in tour, an operator's choice). */
  controlPlaneOnK8s: boolean;
  /** "Kubernetes in a tenant project" (way 2 in the built-in tour, an end user's choice). */
  k8sInTenant: boolean;
}

/** What colour family a service instance belongs to. */
export type ServiceCategory = 'control-plane' | 'infrastructure' | 'data-plane' | 'storage';

interface Base {
  /** Stable across all four views. */
  id: string;
  name: string;
  layer: Layer;
  owner: Owner;
  description?: string | undefined;
  docs?: string | undefined;
  /** What it runs on (a host, VM or k8s node), when it runs on something. */
  runsOn?: string | undefined;
}

export interface HostElement extends Base {
  kind: 'host';
  roles: readonly HostRole[];
  rack?: string | undefined;
  capacity?:
    | { cores?: number | undefined; ramGiB?: number | undefined; diskTiB?: number | undefined }
    | undefined;
  /** Joins the operator's Kubernetes when the control plane runs on it (a fact in every view). */
  operatorMember: boolean;
  /** Where the model places it: its region (its own, else its zone's or cell's), availability zone and Nova cell. */
  region?: string | undefined;
  zone?: string | undefined;
  cell?: string | undefined;
  /** The host aggregates it is in. */
  aggregates?: readonly string[] | undefined;
  /** An Ironic node given whole to one instance (no hypervisor). */
  baremetal?:
    | {
        node?: string;
        provisionState?: string;
        powerState?: string;
        resourceClass?: string;
        maintenance?: boolean;
      }
    | undefined;
  /** The model's word on whether it is a gateway chassis (omitted: network hosts are). */
  gateway?: boolean | undefined;
}

export interface OperatorClusterElement extends Base {
  kind: 'operator-cluster';
  tool: string;
  distribution?: string | undefined;
  namespace: string;
  /** True when the model describes no operator cluster and Stacklayers made one up. */
  derived: boolean;
  hosts: readonly string[];
  controlPlane: readonly string[];
}

export interface TenantClusterElement extends Base {
  kind: 'tenant-cluster';
  project: string;
  tool: string;
  kubernetesVersion?: string | undefined;
  controlPlane: readonly string[];
  workers: readonly string[];
  loadBalancers: readonly string[];
  volumes: readonly string[];
  /** The load balancer in front of its API servers. */
  apiLoadBalancer?: string | undefined;
  /** The cluster whose Cluster API controllers manage its machines. */
  managedBy?: string | undefined;
}

export interface K8sNodeElement extends Base {
  kind: 'k8s-node';
  /** The operator cluster or tenant cluster it belongs to. */
  cluster: string;
  clusterKind: 'operator' | 'tenant';
  nodeRole: 'control-plane' | 'worker';
  /** The host (operator) or VM (tenant) it is. */
  machine: string;
  runsOn: string;
}

export interface ServiceElement extends Base {
  kind: 'service';
  serviceId: string;
  serviceName: string;
  processId: string;
  category: ServiceCategory;
  /** How it runs in this view. */
  form: 'process' | 'container' | 'pod';
  /** The Kubernetes workload it belongs to, when it is a pod. */
  workloadKind?: WorkloadKind | undefined;
  /** The hardware host, whatever the view. */
  host: string;
  quorum: boolean;
  /** How many instances of this process there are. */
  replicas: number;
  /** A per-cell process (the cell's database, queue or conductor); undefined: API-level. */
  cell?: string | undefined;
  /** The model's failure declaration for this process, if it gives one. */
  failure?: FailureOverride | undefined;
  runsOn: string;
}

/** A model's failure declaration for a process (see `FailureDecl` in the schema). */
type FailureOverride = NonNullable<Process['failure']>;

export interface ProjectElement extends Base {
  kind: 'project';
}

interface NetworkElement extends Base {
  kind: 'network';
  project: string;
  cidr?: string | undefined;
  router: boolean;
  floatingIps: number;
}

export interface VmElement extends Base {
  kind: 'vm';
  project: string;
  flavor: string;
  vcpus?: number | undefined;
  ramMiB?: number | undefined;
  image?: string | undefined;
  host: string;
  /** Whether the model names the host or Stacklayers placed the VM. */
  placement: 'model' | 'derived';
  /** The tenant cluster this VM is provisioned for (a fact in every view). */
  cluster?: string | undefined;
  /** The load balancers this VM is an amphora of. */
  amphoraOf: readonly string[];
  /** A bare-metal instance: the whole Ironic node `host`, no hypervisor. */
  baremetal: boolean;
  /** The Nova cell that manages it: its host's cell. */
  cell?: string | undefined;
  runsOn: string;
}

export interface LoadBalancerElement extends Base {
  kind: 'load-balancer';
  project: string;
  floatingIp: boolean;
  amphorae: readonly string[];
}

interface VolumeElement extends Base {
  kind: 'volume';
  project: string;
  sizeGiB: number;
  attachedTo?: string | undefined;
}

export interface PodElement extends Base {
  kind: 'pod';
  cluster: string;
  workload: string;
  workloadKind: WorkloadKind;
  runsOn: string;
}

/** Anything drawn on the diagram. */
export type SceneElement =
  | HostElement
  | OperatorClusterElement
  | TenantClusterElement
  | K8sNodeElement
  | ServiceElement
  | ProjectElement
  | NetworkElement
  | VmElement
  | LoadBalancerElement
  | VolumeElement
  | PodElement;

export type ElementKind = SceneElement['kind'];

/** A relation between two elements, beyond containment. */
export interface Relation {
  id: string;
  kind: 'runs-on' | 'uses' | 'attached-to' | 'implements';
  from: string;
  to: string;
}

/** What runs on what in one view of a model. */
export interface Scene {
  view: View;
  flags: ViewFlags;
  title: string;
  /** How the control plane is deployed without Kubernetes. */
  deployment: { tool: string; form: 'containers' | 'processes' };
  /** All elements: hosts, then operator k8s, services, projects with their contents, tenant k8s. */
  elements: readonly SceneElement[];
  byId: ReadonlyMap<string, SceneElement>;
  relations: readonly Relation[];
  /** The model's regions, availability zones and cells (absent when it has none): how its hosts are grouped. */
  places?: readonly Place[];
}

/** A region, availability zone or Nova cell of the model. */
export interface Place {
  level: 'region' | 'zone' | 'cell';
  id: string;
  name: string;
  description?: string | undefined;
  /** The region of a zone or cell. */
  region?: string | undefined;
}
