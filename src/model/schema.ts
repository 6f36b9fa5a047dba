// First: zod must be jitless before any schema is built (the CSP forbids eval).
import './zodConfig';
import * as z from 'zod/mini';
import { HOST_ROLES, PERSONAS, SAFE_HREF, SERVICE_KINDS, VIEWS, WORKLOAD_KINDS } from './vocabulary';

export { HOST_ROLES };

/**
 * The Stacklayers model, version 1: the facts about one cloud. The four views are computed from it
 * (see `topology/deriveScene`), never written into it.
 *
 * Every object is strict: an unknown or misspelt key is an error with its JSON path, and the exported
 * JSON Schema says `additionalProperties: false` so editors agree with the runtime.
 */

/** Ids are shared by all elements of a model. `@ / # :` are reserved for derived ids. */
const Id = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(100),
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'use letters, digits, ".", "_" or "-", starting with a letter or digit',
    ),
    z.describe('An id, unique across the whole model.'),
  );

/** A lone UTF-16 surrogate: half of a character (e.g. a cut emoji); no encoding can write it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string of whole characters. Lone surrogates are refused rather than repaired: they would become U+FFFD
 * in UTF-8 (files, SVG, links), so what is shown would silently differ from what the model says.
 */
const Str = () =>
  z.string().check(
    z.refine((s) => !LONE_SURROGATE.test(s), {
      error: (issue) => {
        const at = (issue.input as string).search(LONE_SURROGATE);
        return `has a broken character at position ${at + 1} (half of a UTF-16 surrogate pair, e.g. a cut emoji, written \\u${(issue.input as string).charCodeAt(at).toString(16)}): remove it or write the whole character`;
      },
    }),
  );

const Text = Str().check(z.maxLength(10_000));
const Name = Text.check(z.minLength(1), z.describe('Shown on the diagram; defaults to the id.'));
const Description = Text.check(z.describe('One line saying what this is; shown in the details.'));
const DocsUrl = Str().check(
  z.maxLength(2048),
  z.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL'),
  z.describe('A link to the documentation (http or https only).'),
);

/** The four ways OpenStack and Kubernetes are combined. */
export const View = z.enum(VIEWS);
export type View = z.infer<typeof View>;

export const HostRole = z
  .enum(HOST_ROLES)
  .check(
    z.describe(
      'What a host is for: controller, network, compute (a hypervisor for VMs), storage, or baremetal (an Ironic node that Nova gives whole to one instance).',
    ),
  );
export type HostRole = z.infer<typeof HostRole>;

export const WorkloadKind = z.enum(WORKLOAD_KINDS);
export type WorkloadKind = z.infer<typeof WorkloadKind>;

const Capacity = z
  .strictObject({
    cores: z.optional(z.number().check(z.int(), z.positive(), z.lte(100_000))),
    ramGiB: z.optional(z.number().check(z.positive(), z.lte(1_000_000))),
    diskTiB: z.optional(z.number().check(z.positive(), z.lte(1_000_000))),
  })
  .check(z.describe('What the host offers.'));

const Ironic = z
  .strictObject({
    node: z
      .optional(Text.check(z.minLength(1), z.maxLength(100)))
      .check(z.describe('The Ironic node UUID or name (`openstack baremetal node list`).')),
    provisionState: z
      .optional(Text.check(z.minLength(1), z.maxLength(40)))
      .check(z.describe('Its provision state, e.g. active (an instance is deployed on it) or available.')),
    powerState: z
      .optional(Text.check(z.minLength(1), z.maxLength(40)))
      .check(z.describe('Its power state, e.g. power on.')),
    resourceClass: z
      .optional(Text.check(z.minLength(1), z.maxLength(100)))
      .check(z.describe('Its resource class: the bare-metal flavor that matches it (e.g. baremetal.gpu).')),
    maintenance: z.optional(z.boolean()).check(z.describe('In maintenance: Nova schedules nothing onto it.')),
  })
  .check(
    z.describe(
      'A bare-metal node enrolled in Ironic (a host with the role baremetal): deployed whole to one Nova instance, with no hypervisor.',
    ),
  );

export const Host = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    rack: z
      .optional(Text.check(z.minLength(1), z.maxLength(100)))
      .check(z.describe('The rack the host stands in.')),
    roles: z
      .array(HostRole)
      .check(
        z.minLength(1),
        z.describe('controller, network, compute and/or storage; or baremetal alone (an Ironic node).'),
      ),
    region: z
      .optional(Id)
      .check(
        z.describe(
          "The region (an id in regions) the host serves; omitted: its zone's or its cell's region, if any.",
        ),
      ),
    zone: z
      .optional(Id)
      .check(
        z.describe(
          'The availability zone (an id in availabilityZones) of a compute or bare-metal host: the Zone column of `openstack compute service list`.',
        ),
      ),
    cell: z
      .optional(Id)
      .check(
        z.describe(
          'The Nova cell (an id in cells) whose database and message queue manage this host and its instances.',
        ),
      ),
    ironic: z.optional(Ironic),
    capacity: z.optional(Capacity),
    gateway: z
      .optional(z.boolean())
      .check(
        z.describe(
          'An OVN gateway chassis (or ML2/OVS L3 agent host): north-south traffic (SNAT, floating IPs) leaves through it. Omitted: hosts with the network role are.',
        ),
      ),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(z.describe('A physical server.'));
export type Host = z.infer<typeof Host>;

/** A capability name in a failure declaration, e.g. database, identity, datapath. */
const Capability = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(60),
    z.regex(/^[a-z0-9][a-z0-9:._-]*$/, 'use lower-case letters, digits, ":", ".", "_" or "-"'),
  );
const Capabilities = z.array(Capability).check(z.maxLength(20));

const FailureDecl = z
  .strictObject({
    plane: z
      .optional(z.enum(['control', 'data', 'management']))
      .check(z.describe('Control plane, data plane, or the management of something.')),
    role: z
      .optional(Text.check(z.minLength(1), z.maxLength(200)))
      .check(z.describe('What it does, a short phrase.')),
    serves: z.optional(Capabilities).check(z.describe('Capabilities it provides while it serves.')),
    needs: z.optional(Capabilities).check(z.describe('Cloud-wide capabilities it cannot serve without.')),
    needsOnHost: z
      .optional(Capabilities)
      .check(z.describe('Capabilities of its own host it cannot serve without (e.g. datapath).')),
    redundancy: z
      .optional(z.enum(['any', 'majority', 'per-host']))
      .check(
        z.describe(
          'any: one instance suffices; majority: floor(n/2)+1 must serve; per-host: each host on its own.',
        ),
      ),
    critical: z.optional(z.boolean()).check(z.describe('The OpenStack control plane is down without it.')),
    lost: z
      .optional(Text.check(z.minLength(1), z.maxLength(500)))
      .check(z.describe('What losing it does, in one sentence.')),
    source: z.optional(DocsUrl).check(z.describe('Where this is written down.')),
  })
  .check(
    z.describe(
      'How this process fails and what depends on it; overrides or completes the built-in declaration of its id.',
    ),
  );

export const Process = z
  .strictObject({
    id: Id.check(z.describe('The process or container name, e.g. nova-scheduler; unique across the model.')),
    name: z.optional(Name),
    role: z
      .union([HostRole, z.array(HostRole).check(z.minLength(1))])
      .check(
        z.describe(
          'The host role it runs on, or several (e.g. ovn-controller on compute and network hosts).',
        ),
      ),
    replicas: z
      .optional(z.number().check(z.int(), z.gte(1), z.lte(10_000)))
      .check(z.describe('How many hosts of that role run it; omitted: every host of the role.')),
    hosts: z
      .optional(z.array(Id).check(z.minLength(1)))
      .check(
        z.describe(
          'Exactly which hosts run it (e.g. from an import); each must have its role. Overrides replicas.',
        ),
      ),
    k8s: z
      .optional(WorkloadKind)
      .check(
        z.describe(
          'The Kubernetes workload it becomes when the control plane runs on Kubernetes; omitted: DaemonSet when it runs on every host of its role, else Deployment.',
        ),
      ),
    quorum: z
      .optional(z.boolean())
      .check(
        z.describe(
          'Its replicas form a cluster that needs a majority (Galera, RabbitMQ quorum queues, Raft, Paxos).',
        ),
      ),
    cell: z
      .optional(Id)
      .check(
        z.describe(
          "A per-cell process (an id in cells): the cell's own database, message queue or conductor. Omitted: an API-level (top) process, shared by every cell.",
        ),
      ),
    failure: z.optional(FailureDecl),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(z.describe('One process (or container, or pod) of a service.'));
export type Process = z.infer<typeof Process>;

export const Service = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    kind: z
      .optional(z.enum(SERVICE_KINDS))
      .check(
        z.describe(
          'openstack (default), infrastructure (database, message queue, cache) or storage (e.g. Ceph).',
        ),
      ),
    processes: z.array(Process).check(z.minLength(1)),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(
    z.describe(
      'An OpenStack service (nova, neutron...) or supporting infrastructure (MariaDB, RabbitMQ...).',
    ),
  );
export type Service = z.infer<typeof Service>;

const Deployment = z
  .strictObject({
    tool: Text.check(
      z.minLength(1),
      z.maxLength(100),
      z.describe('How the control plane is installed without Kubernetes, e.g. kolla-ansible.'),
    ),
    form: z
      .enum(['containers', 'processes'])
      .check(z.describe('Containers (kolla-ansible) or plain processes (packages).')),
    description: z.optional(Description),
  })
  .check(z.describe('How the cloud is deployed in the traditional view.'));

const OperatorCluster = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    tool: Text.check(
      z.minLength(1),
      z.maxLength(100),
      z.describe('What runs OpenStack on it, e.g. openstack-helm.'),
    ),
    distribution: z
      .optional(Text.check(z.minLength(1), z.maxLength(100)))
      .check(z.describe('How the cluster itself is installed, e.g. kubeadm.')),
    hosts: z.array(Id).check(z.minLength(1), z.describe('The hosts that join the cluster as nodes.')),
    controlPlane: z
      .optional(z.array(Id).check(z.minLength(1)))
      .check(
        z.describe(
          'The hosts that run the Kubernetes control plane; omitted: up to 3 of its controller hosts.',
        ),
      ),
    namespace: z
      .optional(Text.check(z.minLength(1), z.maxLength(63)))
      .check(z.describe('The namespace of the OpenStack pods (openstack-helm: openstack).')),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(
    z.describe("The operator's Kubernetes (the undercloud), used when the control plane runs on Kubernetes."),
  );

const Flavor = z
  .strictObject({
    name: Text.check(z.minLength(1), z.maxLength(100)),
    vcpus: z.number().check(z.int(), z.positive(), z.lte(10_000)),
    ramMiB: z.number().check(z.int(), z.positive(), z.lte(100_000_000)),
    diskGiB: z.number().check(z.nonnegative(), z.lte(1_000_000)),
  })
  .check(z.describe('A Nova flavor: the size of a VM.'));

export const Vm = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    flavor: Text.check(z.minLength(1), z.maxLength(100), z.describe('The flavor name, e.g. m1.small.')),
    host: z
      .optional(Id)
      .check(
        z.describe(
          'The compute host it runs on, or the bare-metal host it is deployed on (a bare-metal instance); omitted: Stacklayers places it on a compute host deterministically.',
        ),
      ),
    image: z.optional(Text.check(z.minLength(1), z.maxLength(200))),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(z.describe('A Nova server (virtual machine).'));
export type Vm = z.infer<typeof Vm>;

const Network = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    cidr: z.optional(Text.check(z.minLength(1), z.maxLength(64))),
    router: z.optional(z.boolean()).check(z.describe('Routed to the external network.')),
    floatingIps: z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(100_000))),
    description: z.optional(Description),
  })
  .check(z.describe('A Neutron network with its subnet.'));

export const LoadBalancer = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    floatingIp: z.optional(z.boolean()),
    amphorae: z
      .optional(z.array(Id))
      .check(z.describe('The amphora VMs (in the service project) that implement it.')),
    description: z.optional(Description),
  })
  .check(z.describe('An Octavia load balancer.'));
export type LoadBalancer = z.infer<typeof LoadBalancer>;

export const Volume = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    sizeGiB: z.number().check(z.positive(), z.lte(10_000_000)),
    attachedTo: z.optional(Id).check(z.describe('The VM it is attached to.')),
    description: z.optional(Description),
  })
  .check(z.describe('A Cinder volume.'));
export type Volume = z.infer<typeof Volume>;

export const Project = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    owner: z
      .optional(z.enum(['tenant', 'operator']))
      .check(z.describe('tenant (default), or operator for the service project (e.g. Octavia amphorae).')),
    networks: z.optional(z.array(Network)),
    vms: z.optional(z.array(Vm)),
    loadBalancers: z.optional(z.array(LoadBalancer)),
    volumes: z.optional(z.array(Volume)),
    description: z.optional(Description),
  })
  .check(z.describe('An OpenStack project (tenant) with its resources.'));
export type Project = z.infer<typeof Project>;

export const Workload = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    kind: WorkloadKind,
    replicas: z
      .optional(z.number().check(z.int(), z.gte(1), z.lte(10_000)))
      .check(z.describe('Pods; ignored for a DaemonSet.')),
    loadBalancer: z
      .optional(Id)
      .check(z.describe('The Octavia load balancer of its Service of type LoadBalancer.')),
    volumes: z
      .optional(z.array(Id))
      .check(z.describe('The Cinder volumes behind its PersistentVolumeClaims.')),
    description: z.optional(Description),
  })
  .check(z.describe('A workload running in a tenant cluster.'));
export type Workload = z.infer<typeof Workload>;

export const TenantCluster = z
  .strictObject({
    id: Id,
    name: z.optional(Name),
    project: Id.check(z.describe('The project whose VMs are its nodes.')),
    tool: Text.check(
      z.minLength(1),
      z.maxLength(100),
      z.describe('How it was made, e.g. cluster-api or magnum.'),
    ),
    kubernetesVersion: z.optional(Text.check(z.minLength(1), z.maxLength(40))),
    controlPlane: z
      .array(Id)
      .check(z.minLength(1), z.describe('VMs of the project that are control-plane nodes.')),
    workers: z.array(Id).check(z.describe('VMs of the project that are worker nodes.')),
    loadBalancers: z
      .optional(z.array(Id))
      .check(z.describe('Load balancers it uses (e.g. for its API server).')),
    apiLoadBalancer: z
      .optional(Id)
      .check(
        z.describe(
          'The load balancer in front of its API servers (one of its loadBalancers); omitted: the API is reached directly.',
        ),
      ),
    managedBy: z
      .optional(Id)
      .check(
        z.describe(
          "The cluster whose Cluster API controllers manage its machines: a tenant cluster or the operator cluster (e.g. Magnum's Cluster API driver on the operator's Kubernetes).",
        ),
      ),
    volumes: z.optional(z.array(Id)).check(z.describe('Volumes it uses.')),
    workloads: z.optional(z.array(Workload)),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(z.describe('A Kubernetes cluster that a tenant runs on VMs of its project.'));
export type TenantCluster = z.infer<typeof TenantCluster>;

// ---------------------------------------------------------------------------------------------------
// Guided tours (see `model/tours.ts`): steps through the views, with focus, highlights, failures and
// questions. Defined here so that a model can carry its own tours without an import cycle.

/**
 * An element of the diagram: a model id, or a derived id: a service instance `<process>@<host>`, a
 * Kubernetes node `<cluster>/<host or VM>`, or a tenant pod `<workload>#<n>`.
 */
const ElementRef = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(210),
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*(?:[@/#][A-Za-z0-9._-]+)?$/,
      'must be an element id: a model id, <process>@<host>, <cluster>/<host or VM> or <workload>#<n>',
    ),
    z.describe(
      'An element of the diagram: a model id (host, VM, project, network, load balancer, volume, cluster), a service instance <process>@<host>, a Kubernetes node <cluster>/<host or VM>, or a pod <workload>#<n>.',
    ),
  );

/** Text between backticks: shown literally, so it is not checked for HTML or links. */
const CODE_SPAN = /`[^`]*`/g;
/** Something that looks like an HTML tag (`<b>`, `<img/src=x>`), a comment, a CDATA section or a processing instruction. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>|<!--|<!\[CDATA\[|<\?/;
/** A markdown link `[text](target)`; the target is group 1. */
const MD_LINK = /\[[^\]]*\]\(([^)]*)\)/g;

/** Tour text: plain text or the safe markdown subset (see `parseTourText`); raw HTML and non-http(s) links are refused. */
const TourText = (max: number) =>
  Str().check(
    z.minLength(1),
    z.maxLength(max),
    z.superRefine((text, ctx) => {
      const outsideCode = text.replace(CODE_SPAN, '');
      if (HTML_TAG.test(outsideCode))
        ctx.addIssue({
          code: 'custom',
          message:
            'raw HTML is not allowed (it would show as text): use **bold**, *italic*, `code`, [links](https://…) and blank lines',
        });
      for (const m of outsideCode.matchAll(MD_LINK)) {
        const target = (m[1] ?? '').trim();
        if (!SAFE_HREF.test(target))
          ctx.addIssue({
            code: 'custom',
            message: `link target '${target.slice(0, 60)}' is not allowed: links must be http(s) URLs`,
          });
      }
    }),
    z.describe(
      'Plain text, or a safe markdown subset: **bold**, *italic*, `code`, [links](https://…), blank lines between paragraphs. Never HTML.',
    ),
  );

const TourAnswer = z
  .strictObject({
    text: Str().check(z.minLength(1), z.maxLength(300)),
    correct: z.optional(z.boolean()).check(z.describe('A right answer (at least one answer must be).')),
  })
  .check(z.describe('One answer to choose.'));

const TourQuestion = z
  .strictObject({
    prompt: Str().check(z.minLength(1), z.maxLength(500), z.describe('The question.')),
    answers: z.array(TourAnswer).check(z.minLength(2), z.maxLength(8)),
    explanation: TourText(2000).check(z.describe('Shown once answered: why the right answer is right.')),
  })
  .check(
    z.refine((q) => q.answers.some((a) => a.correct === true), {
      error: 'mark at least one answer as correct ("correct": true)',
      path: ['answers'],
    }),
    z.describe('A question to check understanding.'),
  );

export const TourStep = z
  .strictObject({
    title: Str().check(z.minLength(1), z.maxLength(120)),
    text: TourText(2000),
    view: View.check(z.describe('The view the step shows.')),
    focus: z.optional(z.array(ElementRef).check(z.maxLength(200))).check(z.describe('Elements to zoom to.')),
    highlight: z
      .optional(z.array(ElementRef).check(z.maxLength(200)))
      .check(z.describe('Elements to highlight.')),
    persona: z.optional(z.enum(PERSONAS)).check(z.describe('Show the diagram as this persona sees it.')),
    fail: z
      .optional(z.array(ElementRef).check(z.maxLength(200)))
      .check(z.describe('Elements to show as failed (what-if).')),
    question: z.optional(TourQuestion),
    notes: z
      .optional(TourText(4000))
      .check(
        z.describe(
          "Notes for the presenter, in the tour text's format: shown in the presenter's window only, never to the room or in the handout.",
        ),
      ),
  })
  .check(z.describe('One step of a tour.'));
export type TourStep = z.infer<typeof TourStep>;

export const Tour = z
  .strictObject({
    id: Id.check(z.describe("The tour's id, unique among the tours.")),
    title: Str().check(z.minLength(1), z.maxLength(120)),
    description: z.optional(TourText(2000).check(z.describe('What the tour shows, in a sentence or two.'))),
    steps: z.array(TourStep).check(z.minLength(1), z.maxLength(100)),
  })
  .check(z.describe('A guided tour through the views of a model.'));
export type Tour = z.infer<typeof Tour>;

const Region = z
  .strictObject({
    id: Id.check(z.describe('The region id, e.g. RegionOne; unique among the regions.')),
    name: z.optional(Name),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(
    z.describe(
      'A region: its own endpoints (Nova, Neutron, Glance...) in the Keystone catalog; one Keystone may serve several regions.',
    ),
  );

const AvailabilityZone = z
  .strictObject({
    id: Id.check(z.describe('The zone name as users see it, e.g. az1; unique among the zones.')),
    name: z.optional(Name),
    region: z.optional(Id).check(z.describe('The region it belongs to (an id in regions).')),
    description: z.optional(Description),
  })
  .check(
    z.describe(
      'A Nova availability zone: hosts that users can choose by name (`openstack availability zone list --long`); in Nova it is the availability_zone of host aggregates.',
    ),
  );

const Aggregate = z
  .strictObject({
    id: Id.check(z.describe('The aggregate name; unique among the aggregates (it may equal a zone id).')),
    name: z.optional(Name),
    zone: z
      .optional(Id)
      .check(
        z.describe(
          'The availability zone it exposes (an id in availabilityZones): its availability_zone metadata.',
        ),
      ),
    hosts: z.array(Id).check(z.describe('The hosts in the aggregate (a host may be in several aggregates).')),
    description: z.optional(Description),
  })
  .check(
    z.describe(
      'A Nova host aggregate (`openstack aggregate list --long`): a group of hosts for scheduling; visible to users only as a zone.',
    ),
  );

const Cell = z
  .strictObject({
    id: Id.check(z.describe('The cell name, e.g. cell1; unique among the cells.')),
    name: z.optional(Name),
    region: z
      .optional(Id)
      .check(z.describe('The region whose API-level services sit above it (an id in regions).')),
    description: z.optional(Description),
    docs: z.optional(DocsUrl),
  })
  .check(
    z.describe(
      "A Nova cell (cells v2): its own database, message queue and conductor (processes with this cell), managing its hosts' instances under the API-level services. cell0, which holds only instances that failed to schedule, has no hosts.",
    ),
  );

export const Model = z
  .strictObject({
    $schema: z
      .optional(Str().check(z.maxLength(2048)))
      .check(z.describe('The JSON Schema, for editor completion.')),
    version: z.literal(1).check(z.describe('The model format version.')),
    name: z.optional(Name),
    description: z.optional(Description),
    deployment: z.optional(Deployment),
    regions: z
      .optional(z.array(Region))
      .check(z.describe('Regions, when the cloud has more than one or names it.')),
    availabilityZones: z.optional(z.array(AvailabilityZone)).check(z.describe('Nova availability zones.')),
    aggregates: z.optional(z.array(Aggregate)).check(z.describe('Nova host aggregates.')),
    cells: z
      .optional(z.array(Cell))
      .check(z.describe("Nova cells v2 (with their processes: a process's cell).")),
    hosts: z.array(Host).check(z.minLength(1)),
    services: z.array(Service),
    flavors: z.optional(z.array(Flavor)),
    operatorCluster: z.optional(OperatorCluster),
    projects: z.optional(z.array(Project)),
    tenantClusters: z.optional(z.array(TenantCluster)),
    tours: z.optional(z.array(Tour)).check(z.describe('Guided tours that come with this model.')),
  })
  .check(z.describe('A Stacklayers model: one cloud, drawn in four views.'));

/** A parsed, schema-valid model (read-only). */
export type Model = Readonly<z.infer<typeof Model>>;
