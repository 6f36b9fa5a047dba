import type { HostRole, WorkloadKind } from '../model/schema';

/**
 * What the importer knows about OpenStack's processes: which service each belongs to, the host role it
 * runs on (controller, network, compute or storage), the workload it is on Kubernetes, and how to recognise
 * it in each input: an openstack-helm pod (labels `application` + `component`), a Rook pod (`app`), a
 * Nova compute service (`binary`) or a Neutron agent (`Agent Type` / `binary`).
 */

export interface ProcessDef {
  id: string;
  service: string;
  /** The roles it runs on; one role also says what a host that runs it is. */
  roles: readonly HostRole[];
  k8s?: WorkloadKind;
  quorum?: boolean;
}

export interface ServiceDef {
  name: string;
  kind: 'openstack' | 'infrastructure' | 'storage';
}

export const SERVICES: ReadonlyMap<string, ServiceDef> = new Map([
  ['keystone', { name: 'Keystone', kind: 'openstack' }],
  ['nova', { name: 'Nova', kind: 'openstack' }],
  ['placement', { name: 'Placement', kind: 'openstack' }],
  ['glance', { name: 'Glance', kind: 'openstack' }],
  ['neutron', { name: 'Neutron', kind: 'openstack' }],
  ['cinder', { name: 'Cinder', kind: 'openstack' }],
  ['horizon', { name: 'Horizon', kind: 'openstack' }],
  ['heat', { name: 'Heat', kind: 'openstack' }],
  ['octavia', { name: 'Octavia', kind: 'openstack' }],
  ['barbican', { name: 'Barbican', kind: 'openstack' }],
  ['magnum', { name: 'Magnum', kind: 'openstack' }],
  ['designate', { name: 'Designate', kind: 'openstack' }],
  ['ironic', { name: 'Ironic', kind: 'openstack' }],
  ['manila', { name: 'Manila', kind: 'openstack' }],
  ['aodh', { name: 'Aodh', kind: 'openstack' }],
  ['ceilometer', { name: 'Ceilometer', kind: 'openstack' }],
  ['gnocchi', { name: 'Gnocchi', kind: 'openstack' }],
  ['masakari', { name: 'Masakari', kind: 'openstack' }],
  ['cloudkitty', { name: 'CloudKitty', kind: 'openstack' }],
  ['blazar', { name: 'Blazar', kind: 'openstack' }],
  ['mariadb', { name: 'MariaDB Galera', kind: 'infrastructure' }],
  ['rabbitmq', { name: 'RabbitMQ', kind: 'infrastructure' }],
  ['memcached', { name: 'memcached', kind: 'infrastructure' }],
  ['libvirt', { name: 'libvirt', kind: 'infrastructure' }],
  ['openvswitch', { name: 'Open vSwitch', kind: 'infrastructure' }],
  ['ovn', { name: 'OVN', kind: 'infrastructure' }],
  ['ceph', { name: 'Ceph', kind: 'storage' }],
] as const);

/** The order services are listed in the model: the catalogue's, then others by name. */
export const SERVICE_ORDER: readonly string[] = [...SERVICES.keys()];

const C: readonly HostRole[] = ['controller'];
const CMP: readonly HostRole[] = ['compute'];
const NET: readonly HostRole[] = ['network'];
const NET_CMP: readonly HostRole[] = ['network', 'compute'];
const STOR: readonly HostRole[] = ['storage'];

const def = (
  id: string,
  service: string,
  roles: readonly HostRole[],
  extra: { k8s?: WorkloadKind; quorum?: boolean } = {},
): ProcessDef => ({ id, service, roles, ...extra });

/** The processes, by id. */
export const PROCESSES: ReadonlyMap<string, ProcessDef> = new Map(
  [
    def('keystone-api', 'keystone', C),
    def('nova-api', 'nova', C),
    def('nova-conductor', 'nova', C),
    def('nova-scheduler', 'nova', C),
    def('nova-novncproxy', 'nova', C),
    def('nova-spicehtml5proxy', 'nova', C),
    def('nova-serialproxy', 'nova', C),
    def('nova-consoleauth', 'nova', C),
    def('nova-compute', 'nova', CMP, { k8s: 'DaemonSet' }),
    def('placement-api', 'placement', C),
    def('glance-api', 'glance', C),
    def('neutron-server', 'neutron', C),
    def('neutron-ovs-agent', 'neutron', NET_CMP, { k8s: 'DaemonSet' }),
    def('neutron-linuxbridge-agent', 'neutron', NET_CMP, { k8s: 'DaemonSet' }),
    def('neutron-sriov-agent', 'neutron', CMP, { k8s: 'DaemonSet' }),
    def('neutron-l3-agent', 'neutron', NET, { k8s: 'DaemonSet' }),
    def('neutron-dhcp-agent', 'neutron', NET, { k8s: 'DaemonSet' }),
    def('neutron-metadata-agent', 'neutron', NET, { k8s: 'DaemonSet' }),
    def('neutron-metering-agent', 'neutron', NET, { k8s: 'DaemonSet' }),
    def('neutron-bgp-dragent', 'neutron', NET, { k8s: 'DaemonSet' }),
    def('ovn-metadata-agent', 'neutron', NET_CMP, { k8s: 'DaemonSet' }),
    def('cinder-api', 'cinder', C),
    def('cinder-scheduler', 'cinder', C),
    def('cinder-volume', 'cinder', C),
    def('cinder-backup', 'cinder', C),
    def('horizon', 'horizon', C),
    def('heat-api', 'heat', C),
    def('heat-cfn', 'heat', C),
    def('heat-engine', 'heat', C),
    def('octavia-api', 'octavia', C),
    def('octavia-housekeeping', 'octavia', C),
    def('octavia-worker', 'octavia', NET, { k8s: 'DaemonSet' }),
    def('octavia-health-manager', 'octavia', NET, { k8s: 'DaemonSet' }),
    def('barbican-api', 'barbican', C),
    def('magnum-api', 'magnum', C),
    def('magnum-conductor', 'magnum', C, { k8s: 'StatefulSet' }),
    def('mariadb', 'mariadb', C, { k8s: 'StatefulSet', quorum: true }),
    def('rabbitmq', 'rabbitmq', C, { k8s: 'StatefulSet', quorum: true }),
    def('memcached', 'memcached', C, { k8s: 'StatefulSet' }),
    def('libvirt', 'libvirt', CMP, { k8s: 'DaemonSet' }),
    def('openvswitch', 'openvswitch', NET_CMP, { k8s: 'DaemonSet' }),
    def('ovn-controller', 'ovn', NET_CMP, { k8s: 'DaemonSet' }),
    def('ovn-northd', 'ovn', C),
    def('ovn-nb-db', 'ovn', C, { k8s: 'StatefulSet', quorum: true }),
    def('ovn-sb-db', 'ovn', C, { k8s: 'StatefulSet', quorum: true }),
    def('ceph-mon', 'ceph', STOR, { k8s: 'Deployment', quorum: true }),
    def('ceph-mgr', 'ceph', STOR, { k8s: 'Deployment' }),
    def('ceph-osd', 'ceph', STOR, { k8s: 'Deployment' }),
  ].map((d) => [d.id, d]),
);

/** openstack-helm's `component` labels that differ from the process id, per `application`. */
const HELM_COMPONENTS: ReadonlyMap<string, ReadonlyMap<string, string | null>> = new Map([
  [
    'nova',
    new Map([
      ['api', 'nova-api'],
      ['os-api', 'nova-api'],
      ['osapi', 'nova-api'],
      ['metadata', 'nova-api'],
      ['novnc-proxy', 'nova-novncproxy'],
      ['novncproxy', 'nova-novncproxy'],
      ['spice-proxy', 'nova-spicehtml5proxy'],
      ['spiceproxy', 'nova-spicehtml5proxy'],
      ['serial-proxy', 'nova-serialproxy'],
      ['serialproxy', 'nova-serialproxy'],
      // The nova chart of before 2019 ran Placement too.
      ['placement', 'placement-api'],
    ]),
  ],
  [
    'neutron',
    new Map([
      ['server', 'neutron-server'],
      ['rpc-server', 'neutron-server'],
      ['ovs-agent', 'neutron-ovs-agent'],
      ['lb-agent', 'neutron-linuxbridge-agent'],
      ['ovn-metadata-agent', 'ovn-metadata-agent'],
    ]),
  ],
  ['horizon', new Map([['server', 'horizon']])],
  ['mariadb', new Map<string, string | null>([['server', 'mariadb']])],
  ['rabbitmq', new Map<string, string | null>([['server', 'rabbitmq']])],
  ['memcached', new Map<string, string | null>([['server', 'memcached']])],
  ['libvirt', new Map<string, string | null>([['libvirt', 'libvirt']])],
  [
    'openvswitch',
    new Map<string, string | null>([
      ['server', 'openvswitch'],
      ['openvswitch', 'openvswitch'],
      ['vswitchd', 'openvswitch'],
      ['openvswitch-vswitchd', 'openvswitch'],
      ['db', 'openvswitch'],
      ['openvswitch-db', 'openvswitch'],
    ]),
  ],
  [
    'ovn',
    new Map<string, string | null>([
      ['controller', 'ovn-controller'],
      ['ovn-controller', 'ovn-controller'],
      ['northd', 'ovn-northd'],
      ['ovn-northd', 'ovn-northd'],
      ['ovsdb-nb', 'ovn-nb-db'],
      ['ovn-ovsdb-nb', 'ovn-nb-db'],
      ['nb-db', 'ovn-nb-db'],
      ['ovsdb-sb', 'ovn-sb-db'],
      ['ovn-ovsdb-sb', 'ovn-sb-db'],
      ['sb-db', 'ovn-sb-db'],
    ]),
  ],
  [
    'ceph',
    new Map<string, string | null>([
      ['mon', 'ceph-mon'],
      ['osd', 'ceph-osd'],
      ['mgr', 'ceph-mgr'],
    ]),
  ],
]);

/** Infrastructure charts: only the components above are processes (ingress, exporters… are not). */
const INFRA_APPS = new Set(['mariadb', 'rabbitmq', 'memcached', 'libvirt', 'openvswitch', 'ovn', 'ceph']);

/** The label values a pod must carry to be counted as OpenStack. */
const OPENSTACK_APPS: ReadonlySet<string> = new Set(
  [...SERVICES.entries()].filter(([, s]) => s.kind === 'openstack').map(([id]) => id),
);

export type PodMatch =
  | { process: ProcessDef; generic: boolean }
  | { skip: 'job' | 'not-openstack' | 'infrastructure-extra' };

/**
 * The process an openstack-helm (or Rook) pod runs, by its labels: `application=nova` +
 * `component=os-api` is nova-api. A component of a known OpenStack service that is not in the
 * catalogue becomes `<application>-<component>` on the controllers (`generic`).
 */
export function processOfPod(podLabels: ReadonlyMap<string, string>): PodMatch {
  const app = podLabels.get('application')?.toLowerCase();
  const rawComponent = podLabels.get('component')?.toLowerCase();
  if (app && rawComponent) {
    // neutron's agents are labelled "neutron-ovs-agent"; the rest of neutron and every other chart "server".
    const component = rawComponent.startsWith(`${app}-`) ? rawComponent.slice(app.length + 1) : rawComponent;
    if (
      /(^|-)(db-init|db-sync|db-drop|ks-user|ks-service|ks-endpoints|bootstrap|rabbit-init|image-repo-sync|test|tests)$/.test(
        component,
      )
    )
      return { skip: 'job' };
    const special = HELM_COMPONENTS.get(app);
    const mapped = special?.get(component) ?? special?.get(rawComponent);
    if (mapped) {
      const d = PROCESSES.get(mapped);
      if (d) return { process: d, generic: false };
    }
    if (INFRA_APPS.has(app)) return { skip: 'infrastructure-extra' };
    if (OPENSTACK_APPS.has(app)) {
      const id = `${app}-${component}`;
      const known = PROCESSES.get(id);
      if (known) return { process: known, generic: false };
      return { process: def(id, app, C), generic: true };
    }
    return { skip: 'not-openstack' };
  }
  // Rook-Ceph: app=rook-ceph-mon|osd|mgr.
  const rook = /^rook-ceph-(mon|osd|mgr)$/.exec(podLabels.get('app') ?? '');
  const rookProcess = rook ? PROCESSES.get(`ceph-${rook[1]}`) : undefined;
  if (rookProcess) return { process: rookProcess, generic: false };
  return { skip: 'not-openstack' };
}

/** A Nova service's binary as a process (`nova-compute`, `nova-conductor`…), with the role it implies. */
export function processOfComputeService(binary: string): ProcessDef | undefined {
  const b = binary.toLowerCase();
  const known = PROCESSES.get(b);
  if (known?.service === 'nova') return known;
  if (/^nova-[a-z0-9_-]+$/.test(b)) return def(b, 'nova', C);
  return undefined;
}

/**
 * A Neutron agent as a process, and the role its host gets from it: L3, DHCP and metadata agents (and
 * OVN's gateway chassis) are network hosts; OVS and OVN controllers run on compute and network hosts.
 */
export function processOfAgent(
  agentType: string | undefined,
  binary: string | undefined,
): { process: ProcessDef; hostRole?: HostRole } | undefined {
  const t = (agentType ?? '').toLowerCase();
  const b = (binary ?? '').toLowerCase();
  const p = (id: string) => PROCESSES.get(id) as ProcessDef;
  if (t === 'l3 agent' || b === 'neutron-l3-agent')
    return { process: p('neutron-l3-agent'), hostRole: 'network' };
  if (t === 'dhcp agent' || b === 'neutron-dhcp-agent')
    return { process: p('neutron-dhcp-agent'), hostRole: 'network' };
  if (t === 'metering agent' || b === 'neutron-metering-agent')
    return { process: p('neutron-metering-agent'), hostRole: 'network' };
  if (t.includes('bgp') || b === 'neutron-bgp-dragent')
    return { process: p('neutron-bgp-dragent'), hostRole: 'network' };
  if (t === 'ovn controller gateway agent') return { process: p('ovn-controller'), hostRole: 'network' };
  if (t === 'ovn controller agent' || b === 'ovn-controller') return { process: p('ovn-controller') };
  if (
    t === 'ovn metadata agent' ||
    b === 'neutron-ovn-metadata-agent' ||
    b === 'networking-ovn-metadata-agent'
  )
    return { process: p('ovn-metadata-agent') };
  if (t === 'metadata agent' || b === 'neutron-metadata-agent')
    return { process: p('neutron-metadata-agent'), hostRole: 'network' };
  if (t === 'open vswitch agent' || b === 'neutron-openvswitch-agent')
    return { process: p('neutron-ovs-agent') };
  if (t === 'linux bridge agent' || b === 'neutron-linuxbridge-agent')
    return { process: p('neutron-linuxbridge-agent') };
  if (t === 'nic switch agent' || b === 'neutron-sriov-nic-agent')
    return { process: p('neutron-sriov-agent') };
  if (/^neutron-[a-z0-9_-]+$/.test(b)) return { process: def(b, 'neutron', NET_CMP) };
  return undefined;
}

/** The host roles a `openstack host list` Service value says (legacy nova-manage names). */
export function roleOfHostService(service: string | undefined): HostRole | undefined {
  const s = (service ?? '').toLowerCase();
  if (s === 'compute') return 'compute';
  if (['conductor', 'scheduler', 'consoleauth', 'cert', 'api', 'novncproxy'].includes(s)) return 'controller';
  if (s === 'network') return 'network';
  return undefined;
}

/** openstack-helm's node labels and the role each gives a host. */
export const NODE_LABEL_ROLES: readonly (readonly [string, HostRole])[] = [
  ['openstack-control-plane', 'controller'],
  ['openstack-compute-node', 'compute'],
  ['openstack-network-node', 'network'],
  ['ceph-mon', 'storage'],
  ['ceph-osd', 'storage'],
];
