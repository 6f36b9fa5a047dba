import { SOURCES as S } from './sources';

/**
 * What each kind of component is, declared once: its plane, what it serves, what it needs, how its
 * instances combine, and where that is written down. The failure engine (`analyzeFailures`) propagates a
 * failure along these declarations only: adding a component means adding a declaration here (or a
 * `failure` block on a model's process), not a rule in code.
 *
 * Capabilities are plain words. Cloud-wide ones (`database`, `identity`, `compute-api`, …) are served while
 * the component that serves them serves; per-host ones (`datapath`, `flows`, `hypervisor`, …) are served on
 * each host by that host's instance. A capability no component in the model serves is not modelled and
 * counts as served: a model without Open vSwitch does not lose its VMs' network to an absent process.
 */

/** Control plane (APIs, schedulers, databases), data plane (what carries the VMs and their traffic) or the management of something (workers that act on it). */
type Plane = 'control' | 'data' | 'management';

/**
 * How instances combine: `any` serves while one instance serves (stateless, or active/standby);
 * `majority` while floor(n/2)+1 serve (Raft, Paxos, Galera's primary component); `per-host` serves on each
 * host separately (agents).
 */
type Redundancy = 'any' | 'majority' | 'per-host';

/** The declaration of one kind of component. */
export interface ComponentDecl {
  plane: Plane;
  /** Plane `management`: what it manages, e.g. "load balancers". */
  manages?: string;
  /** What it does, a short phrase: "the Compute API". */
  role: string;
  /** Capabilities it provides while it serves (per host for `per-host`). */
  serves: readonly string[];
  /** Per-host capabilities it adds on gateway hosts only (an OVN gateway chassis). */
  servesOnGateway?: readonly string[];
  /** For a gateway: how its routers move when it is lost ({from} and {to} are host names). */
  failover?: { text: string; source: string };
  /** Cloud-wide capabilities it cannot serve without. */
  needs: readonly string[];
  /** Capabilities of the same host it cannot serve without. */
  needsOnHost?: readonly string[];
  redundancy: Redundancy;
  /** `any` only: it serves while at most this many instances are lost (e.g. Ceph's replicas). */
  tolerates?: number;
  /** The OpenStack control plane is down without it: shared state, identity, the API endpoint. */
  critical?: boolean;
  /** Its service is down without it (the service's API, or the service itself). */
  essential?: boolean;
  /** What losing it does, in one sentence. */
  lost: string;
  /** Where this is written down (an http(s) URL); absent only for a fallback without one. */
  source?: string | undefined;
  /** openstack-helm's chart default, for models that draw more replicas. */
  chartReplicas?: { count: number; source: string };
}

const api = (
  role: string,
  serves: string,
  lost: string,
  source: string,
  needs: readonly string[] = ['database', 'rpc', 'identity', 'api-endpoint'],
): ComponentDecl => ({
  plane: 'control',
  role,
  serves: [serves],
  needs,
  redundancy: 'any',
  essential: true,
  lost,
  source,
});

const worker = (
  role: string,
  serves: string,
  needs: readonly string[],
  lost: string,
  source: string,
  plane: Plane = 'control',
  manages?: string,
): ComponentDecl => ({
  plane,
  ...(manages ? { manages } : {}),
  role,
  serves: [serves],
  needs,
  redundancy: 'any',
  lost,
  source,
});

/** The declarations of the components Stacklayers knows, by process id (a model's `processes[].id`). */
export const DECLARATIONS: Readonly<Record<string, ComponentDecl>> = {
  // Shared state: a majority or nothing.
  mariadb: {
    plane: 'control',
    role: 'the SQL database of every OpenStack service (Galera)',
    serves: ['database'],
    needs: [],
    redundancy: 'majority',
    critical: true,
    essential: true,
    lost: 'Only a majority of Galera members (the primary component) serves: without it, no OpenStack service can read or write its state.',
    source: S.galeraQuorum,
    chartReplicas: { count: 3, source: S.oshMariadb },
  },
  rabbitmq: {
    plane: 'control',
    role: 'the message queue for RPC between the services',
    serves: ['rpc'],
    needs: [],
    redundancy: 'majority',
    critical: true,
    essential: true,
    lost: 'Quorum queues (Raft) need a majority of the RabbitMQ nodes: without it, no RPC between the services, so no VM, volume or port can be built or changed.',
    source: S.rabbitQuorum,
    chartReplicas: { count: 2, source: S.oshRabbitmq },
  },
  'ovn-nb-db': {
    plane: 'control',
    role: "OVN's northbound database (Neutron's desired network state)",
    serves: ['ovn-nb'],
    needs: [],
    redundancy: 'majority',
    critical: true,
    essential: true,
    lost: 'The clustered OVN databases (Raft) need a majority: without it, no network change (ports, routers, floating IPs) can be made, so no VM can be created; flows already on the hosts keep forwarding.',
    source: S.ovsdbCluster,
    chartReplicas: { count: 1, source: S.oshOvn },
  },
  'ovn-sb-db': {
    plane: 'control',
    role: "OVN's southbound database (what each chassis must program)",
    serves: ['ovn-sb'],
    needs: [],
    redundancy: 'majority',
    critical: true,
    essential: true,
    lost: 'The clustered OVN databases (Raft) need a majority: without it, no network change reaches the hosts; flows already on the hosts keep forwarding.',
    source: S.ovsdbCluster,
    chartReplicas: { count: 1, source: S.oshOvn },
  },
  etcd: {
    plane: 'control',
    role: "OpenStack's coordination store (not Kubernetes' own etcd)",
    serves: ['coordination'],
    needs: [],
    redundancy: 'majority',
    lost: 'etcd (Raft) needs a majority: the services that coordinate through it (locks, service groups) stop coordinating.',
    source: S.etcdFaq,
  },
  'ceph-mon': {
    plane: 'control',
    role: "Ceph's monitors: the cluster map (Paxos)",
    serves: ['storage-map'],
    needs: [],
    redundancy: 'majority',
    essential: true,
    lost: 'Ceph monitors (Paxos) need a majority: without it, storage I/O stops, so volumes and images are unavailable.',
    source: S.cephMon,
  },
  memcached: {
    plane: 'control',
    role: 'a cache for Keystone tokens and Horizon sessions',
    serves: ['cache'],
    needs: [],
    redundancy: 'any',
    lost: 'Only a cache: tokens are validated without it (more slowly) and Horizon sessions kept in it are lost.',
    source: S.memcached,
    chartReplicas: { count: 1, source: S.oshMemcached },
  },
  haproxy: {
    plane: 'control',
    role: 'HAProxy in front of every API, behind the keepalived VIP',
    serves: ['api-endpoint'],
    needs: [],
    redundancy: 'any',
    critical: true,
    essential: true,
    lost: 'No HAProxy left: the API VIP leads nowhere, so no API answers, from outside or between the services.',
    source: S.kollaInventory,
  },
  keepalived: {
    plane: 'control',
    role: 'keepalived: moves the API VIP to a surviving load-balancer host',
    serves: ['api-endpoint'],
    needs: [],
    redundancy: 'any',
    critical: true,
    essential: true,
    lost: 'No keepalived left: the API VIP is not held by any host, so no API answers.',
    source: S.kollaInventory,
  },

  // The APIs and their helpers.
  'keystone-api': {
    ...api(
      'the Identity API: every call is authenticated by it',
      'identity',
      'No Keystone: no token can be issued or checked, so every OpenStack API refuses its callers.',
      S.keystone,
      ['database', 'api-endpoint'],
    ),
    critical: true,
    chartReplicas: { count: 1, source: S.oshKeystone },
  },
  'nova-api': api(
    'the Compute API (and the metadata API)',
    'compute-api',
    'No Compute API: VMs can be neither created nor managed (start, stop, migrate, evacuate); running VMs carry on.',
    S.novaArchitecture,
  ),
  'nova-scheduler': worker(
    'picks a compute host for each new VM',
    'compute-scheduling',
    ['database', 'rpc', 'placement'],
    'No scheduler: new VMs (and migrations) cannot be placed; running VMs carry on.',
    S.novaArchitecture,
  ),
  'nova-conductor': worker(
    'does the database work of nova-compute and runs builds and migrations',
    'compute-conductor',
    ['database', 'rpc'],
    'No conductor: nova-compute cannot report or change anything, so no VM can be built or managed; running VMs carry on.',
    S.novaArchitecture,
  ),
  'nova-novncproxy': worker(
    'the browser console of the VMs',
    'console',
    ['database', 'api-endpoint'],
    'Only the VMs’ browser consoles stop; everything else keeps working.',
    S.novaConsole,
  ),
  'placement-api': api(
    'the Placement API: what each compute host offers',
    'placement',
    'No Placement: the scheduler cannot place new VMs; running VMs carry on.',
    S.placement,
    ['database', 'identity', 'api-endpoint'],
  ),
  'glance-api': api(
    'the Image API',
    'image-api',
    'No Image API: no VM can boot from a new image download; running VMs carry on.',
    S.glance,
    ['database', 'identity', 'api-endpoint'],
  ),
  'neutron-server': api(
    'the Networking API',
    'network-api',
    'No Networking API: ports, networks, routers and floating IPs can be neither created nor changed, so no VM can be created; traffic keeps flowing.',
    S.neutronOvn,
    ['database', 'rpc', 'identity', 'api-endpoint', 'ovn-nb'],
  ),
  'ovn-northd': {
    ...worker(
      'translates the northbound database into the southbound one',
      'ovn-translation',
      ['ovn-nb', 'ovn-sb'],
      'No ovn-northd: network changes stop reaching the hosts; flows already there keep forwarding.',
      S.neutronOvn,
    ),
    chartReplicas: { count: 1, source: S.oshOvn },
  },
  'cinder-api': api(
    'the Block Storage API',
    'volume-api',
    'No Block Storage API: volumes can be neither created nor attached; attached volumes keep working.',
    S.cinder,
  ),
  'cinder-scheduler': worker(
    'picks a back end for each new volume',
    'volume-scheduling',
    ['database', 'rpc'],
    'No Cinder scheduler: new volumes cannot be placed; existing ones keep working.',
    S.cinder,
  ),
  'cinder-volume': worker(
    'creates, attaches and deletes volumes in the storage back end',
    'volume-backend',
    ['database', 'rpc', 'storage-map'],
    'No cinder-volume: volumes can be neither created, attached nor deleted; attached volumes keep working (the VMs talk to Ceph directly).',
    S.cinder,
    'management',
    'volumes',
  ),
  'octavia-api': api(
    'the Load Balancer API',
    'lb-api',
    'No Load Balancer API: load balancers can be neither created nor changed (Kubernetes Services of type LoadBalancer wait); existing ones keep serving.',
    S.octaviaIntro,
  ),
  'octavia-worker': {
    ...worker(
      'builds and configures the amphora VMs',
      'lb-provisioning',
      ['database', 'rpc', 'compute-api', 'network-api'],
      'No octavia-worker: load-balancer changes and failovers stop; existing load balancers keep serving.',
      S.oshOctavia,
      'management',
    ),
    manages: 'load balancers',
  },
  'octavia-health-manager': {
    ...worker(
      'watches the amphorae’ heartbeats and fails over broken ones',
      'lb-failover',
      ['database', 'lb-provisioning'],
      'No health manager: a failed amphora is no longer noticed nor rebuilt; the rest of the cloud is not affected.',
      S.octaviaConfig,
      'management',
    ),
    manages: 'load balancers',
  },
  'octavia-housekeeping': {
    ...worker(
      'cleans up deleted load balancers and rotates amphora certificates',
      'lb-housekeeping',
      ['database'],
      'No housekeeping: deleted load balancers are not cleaned up and certificates not rotated; nothing stops at once.',
      S.octaviaIntro,
      'management',
    ),
    manages: 'load balancers',
  },
  horizon: worker(
    'the web dashboard',
    'dashboard',
    ['identity', 'api-endpoint'],
    'Only the dashboard stops: the APIs and the command line keep working.',
    S.horizon,
  ),
  'heat-api': api(
    'the Orchestration API',
    'orchestration-api',
    'No Orchestration API: stacks cannot be created or changed; what they made keeps running.',
    S.heat,
  ),
  'heat-engine': worker(
    'runs the orchestration of stacks',
    'orchestration',
    ['database', 'rpc', 'identity'],
    'No heat-engine: stacks cannot be created, changed or deleted; what they made keeps running.',
    S.heat,
  ),
  'barbican-api': api(
    'the Key Manager API',
    'key-manager',
    'No Key Manager: secrets (e.g. encrypted volumes’ keys, TLS certificates of load balancers) cannot be read or stored.',
    S.barbican,
    ['database', 'identity', 'api-endpoint'],
  ),
  'magnum-api': api(
    'the Container Infrastructure API',
    'container-infra-api',
    'No Magnum API: Kubernetes clusters can be neither created nor resized through Magnum; existing clusters keep running.',
    S.magnum,
  ),
  'magnum-conductor': worker(
    'drives the cluster driver (today a Cluster API driver)',
    'container-infra',
    ['database', 'rpc', 'compute-api', 'network-api'],
    'No magnum-conductor: Magnum clusters can be neither created nor resized; existing clusters keep running.',
    S.magnumClusterApi,
    'management',
    'Kubernetes clusters',
  ),

  // The data plane: per host.
  libvirtd: {
    plane: 'data',
    role: 'the hypervisor daemon: starts and stops QEMU/KVM for each VM',
    serves: ['hypervisor'],
    needs: [],
    redundancy: 'per-host',
    lost: 'No libvirtd on this host: its VMs can be neither started, stopped nor migrated; the running QEMU processes carry on.',
    source: S.libvirt,
  },
  'nova-compute': {
    plane: 'management',
    manages: 'the VMs on its host',
    role: 'drives libvirt to build, start, stop and migrate the VMs of its host',
    serves: ['vm-management'],
    needs: ['rpc', 'compute-conductor'],
    needsOnHost: ['hypervisor'],
    redundancy: 'per-host',
    lost: 'No nova-compute on this host: its VMs keep running with their network, but cannot be managed, and no new VM lands here.',
    source: S.novaArchitecture,
  },
  openvswitch: {
    plane: 'data',
    role: 'ovs-vswitchd and ovsdb-server: the virtual switch that carries every packet of the VMs',
    serves: ['datapath'],
    needs: [],
    redundancy: 'per-host',
    lost: 'No Open vSwitch on this host: its VMs lose their network (every packet goes through it); on a gateway chassis, its routers fail over to another gateway.',
    source: S.ovs,
  },
  'ovn-controller': {
    plane: 'data',
    role: "programs this host's Open vSwitch from the southbound database; on a gateway chassis it routes north-south traffic",
    serves: ['flows'],
    servesOnGateway: ['gateway'],
    failover: {
      text: 'The routers on {from} fail over to {to} (OVN gateway chassis priorities, detected by BFD): north-south traffic pauses for the failover, then continues.',
      source: S.ovnGatewayHa,
    },
    needs: [],
    needsOnHost: ['datapath'],
    redundancy: 'per-host',
    lost: 'No ovn-controller on this host: its VMs lose their network (new flows get no handling), and if it is a gateway chassis its routers fail over to another one.',
    source: S.neutronOvn,
  },
  'ovn-metadata-agent': {
    plane: 'data',
    role: 'serves the metadata API to the VMs of this host',
    serves: ['metadata'],
    needs: [],
    needsOnHost: ['datapath'],
    redundancy: 'per-host',
    lost: 'No metadata agent on this host: its VMs cannot reach the metadata service (cloud-init at the next boot); traffic keeps flowing.',
    source: S.neutronOvn,
  },
  'neutron-l3-agent': {
    plane: 'data',
    role: 'hosts the routers of ML2/OVS: SNAT and floating IPs',
    serves: ['gateway'],
    failover: {
      text: 'The routers on {from} move to {to} if they are HA routers (keepalived VRRP between L3 agents); a legacy router waits until it is rescheduled.',
      source: S.neutronL3Ha,
    },
    needs: [],
    needsOnHost: ['datapath'],
    redundancy: 'per-host',
    lost: 'No L3 agent on this host: the routers it hosts stop routing north-south traffic (SNAT, floating IPs) until they are rescheduled or an HA router fails over.',
    source: S.neutronL3,
  },
  'neutron-dhcp-agent': {
    plane: 'data',
    role: 'answers DHCP for the networks it hosts (ML2/OVS)',
    serves: ['dhcp'],
    needs: [],
    needsOnHost: ['datapath'],
    redundancy: 'per-host',
    lost: 'No DHCP agent here: VMs of its networks cannot renew or get an address; running VMs keep theirs until the lease ends.',
    source: S.neutronL3,
  },
  'neutron-openvswitch-agent': {
    plane: 'management',
    manages: 'the ports of its host',
    role: "wires this host's VM ports into Open vSwitch (ML2/OVS)",
    serves: ['port-wiring'],
    needs: ['rpc'],
    needsOnHost: ['datapath'],
    redundancy: 'per-host',
    lost: 'No OVS agent on this host: new ports are not wired; flows already programmed keep forwarding.',
    source: S.neutronL3,
  },
  'ceph-osd': {
    plane: 'data',
    role: 'the object storage daemons that hold the data (3 replicas, 2 needed for I/O)',
    serves: ['storage-data'],
    needs: ['storage-map'],
    redundancy: 'any',
    // Pools default to size 3, min_size 2, one replica per host: losing a second host blocks I/O for the
    // data that had two replicas there.
    tolerates: 1,
    essential: true,
    lost: 'With 3 replicas and 2 needed (Ceph pool defaults, one replica per host), a second lost storage host blocks I/O for part of the data; one lost host is re-replicated.',
    source: S.cephPools,
  },
  'ceph-mgr': worker(
    "Ceph's manager: metrics and orchestration, active/standby",
    'storage-management',
    ['storage-map'],
    'No Ceph manager: metrics and orchestration stop; storage I/O continues.',
    S.cephMgr,
    'management',
    'the Ceph cluster',
  ),
};

/** Other names for the same component, as models spell them. */
export const ALIASES: Readonly<Record<string, string>> = {
  galera: 'mariadb',
  'mariadb-server': 'mariadb',
  libvirt: 'libvirtd',
  'nova-libvirt': 'libvirtd',
  'ovs-vswitchd': 'openvswitch',
  'openvswitch-vswitchd': 'openvswitch',
  'neutron-ovn-metadata-agent': 'ovn-metadata-agent',
  'nova-metadata': 'nova-api',
  'ovn-sb': 'ovn-sb-db',
  'ovn-nb': 'ovn-nb-db',
  keystone: 'keystone-api',
  glance: 'glance-api',
  placement: 'placement-api',
};

/**
 * The way to the APIs, declared per deployment: a VIP that moves (kolla-ansible: HAProxy and keepalived on
 * its `loadbalancer` group, which is the `network` group) or a Kubernetes Service and ingress (openstack-helm).
 * Not drawn as a process: it is what makes "the APIs on the other controllers keep serving" true.
 */
export interface EndpointDecl {
  name: string;
  /** Which hosts hold it, in words. */
  holders: string;
  /** Which hosts hold it: the `network` group (kolla's loadbalancer group), or the operator cluster's control-plane-role hosts. */
  hosts: 'loadbalancer-group' | 'ingress-nodes';
  lost: string;
  source: string;
}

export const ENDPOINTS = {
  vip: {
    name: 'the API VIP (HAProxy + keepalived)',
    holders: "kolla-ansible's load-balancer group, its network group",
    hosts: 'loadbalancer-group',
    lost: 'No host of the load-balancer group is left to hold the VIP: no API answers, from outside or between the services.',
    source: S.kollaInventory,
  },
  ingress: {
    name: 'the Kubernetes Services and ingress in front of the APIs',
    holders: 'the controller nodes that run the ingress',
    hosts: 'ingress-nodes',
    lost: 'No node is left to run the ingress controller: no API answers from outside the cluster.',
    source: S.oshInstall,
  },
} as const satisfies Record<string, EndpointDecl>;

/** The fallback for a process without a declaration, by its category. */
export function fallbackDecl(
  processId: string,
  category: 'control-plane' | 'infrastructure' | 'data-plane' | 'storage',
  docs: string | undefined,
): ComponentDecl {
  const serves = [`process:${processId}`];
  if (category === 'data-plane')
    return {
      plane: 'data',
      role: 'an agent on each host of its role',
      serves,
      needs: [],
      redundancy: 'per-host',
      lost: `Stacklayers has no declaration for ${processId}: it is shown as lost on its host, with no further effect.`,
      source: docs,
    };
  return {
    plane: 'control',
    role: 'a service without a declaration',
    serves,
    needs: [],
    redundancy: 'any',
    lost: `Stacklayers has no declaration for ${processId}: losing every instance is shown, with no further effect.`,
    source: docs,
  };
}
