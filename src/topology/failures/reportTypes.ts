import type { Component, MajorityGroup } from './components';
import type { ScopeInfo } from './scopes';

// The failure report's shape: what `analyzeFailures` returns and `tellStory` reads (its own module, so the
// engine and the story do not import each other).

/** Up, working with less (instances lost, a part not serving), or not working. */
export type Status = 'up' | 'degraded' | 'down';

/** A majority group and how it stands. */
export interface MajorityState extends MajorityGroup {
  up: number;
  held: boolean;
}

export interface VmState {
  running: boolean;
  /** Its host's datapath (Open vSwitch, ovn-controller) carries its traffic. */
  network: 'up' | 'down';
  /** Nova can act on it (start, stop, migrate): the Compute API and its host's nova-compute and libvirt serve. */
  manageable: boolean;
}

export interface ClusterState {
  kind: 'operator' | 'tenant';
  api: 'up' | 'down';
  /** Some of its nodes are up, so the pods on them keep running. */
  workloadsRunning: boolean;
  /** Its API is up, so it reschedules and heals pods. */
  canHeal: boolean;
  /** Tenant clusters: whether lost machines can be replaced (Cluster API through OpenStack's APIs). */
  canReplaceNodes?: boolean;
  nodesDown: string[];
}

export interface LoadBalancerState {
  up: boolean;
  amphorae: string[];
  amphoraeUp: string[];
  /** Lost amphorae are rebuilt by octavia-health-manager (it, the worker and Nova/Neutron serve). */
  rebuilt: boolean;
}

/** A Nova cell or a region whose own components are lost: its running instances cannot be managed. */
export interface ScopeOutage {
  scope: ScopeInfo;
  /** Its own components whose instances are gone or below their majority. */
  lost: Component[];
  /** Its own components that run but lack what they need. */
  starved: { component: Component; missing: string[] }[];
  /** Its running instances that cannot be managed (they keep running). */
  unmanageable: string[];
}

/** One sentence of the story, with where it comes from. */
export interface Note {
  kind: 'failed' | 'control-plane' | 'majority' | 'traffic' | 'down' | 'unmanageable' | 'running' | 'heals';
  text: string;
  source?: string | undefined;
}

/** What a set of failures does to a view. Pure data; `tellStory` turns it into notes. */
export interface FailureReport {
  /** The asked ids that exist in the view and can fail, in scene order. */
  failed: string[];
  /** Not running: the failed elements and everything that runs on them; load balancers without an amphora. */
  down: Set<string>;
  /** Running but not doing its job: an instance whose dependencies are lost, a VM without network. */
  impaired: Set<string>;
  /** Running but cannot be managed (never overlaps `down` or `impaired`). */
  unmanageable: Set<string>;
  controlPlane: Status;
  /** By the model's service id. */
  services: Map<string, Status>;
  majorities: MajorityState[];
  northSouth: 'up' | 'down';
  gateways: { hosts: string[]; up: string[] };
  endpoint: { name: string; holders: string; hosts: string[]; up: string[]; source: string } | undefined;
  vms: Map<string, VmState>;
  clusters: Map<string, ClusterState>;
  loadBalancers: Map<string, LoadBalancerState>;
  /** Components not serving because their own instances are gone (or lost their majority). */
  lost: Component[];
  /** Components whose instances run but do not serve: the capabilities they miss. */
  starved: { component: Component; missing: string[] }[];
  /** The cells and regions whose own components are lost (not the whole control plane), in scene order. */
  scopes: ScopeOutage[];
  /** Per-host components not serving on a host that is up: process id → host ids. */
  lostOnHosts: Map<string, string[]>;
  /** Whether a capability is served (cloud-wide); unmodelled capabilities count as served. */
  served: (capability: string) => boolean;
  /** Whether a per-host capability is served on a host. */
  servedOn: (host: string, capability: string) => boolean;
  components: Component[];
  /** The story, most important first. */
  notes: Note[];
}
