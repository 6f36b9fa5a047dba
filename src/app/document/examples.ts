/** The example gallery: models served from public/models/. */
export interface Example {
  id: string;
  title: string;
  description: string;
  file: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'default',
    title: 'Small cloud',
    description:
      '3 controllers, 4 compute and 3 Ceph hosts; a web tenant and a tenant with its own Kubernetes.',
    file: 'default.json',
  },
  {
    id: 'openstack-helm',
    title: 'openstack-helm operator cloud',
    description: 'The control plane on Kubernetes, with separate network nodes and Ceph run by Rook.',
    file: 'openstack-helm.json',
  },
  {
    id: 'multi-tenant',
    title: 'Multi-tenant cloud',
    description: 'Several tenants, several Kubernetes clusters: Cluster API, Magnum and a small dev cluster.',
    file: 'multi-tenant.json',
  },
  {
    id: 'nested',
    title: 'Nested: Kubernetes below and above',
    description: "The operator's Kubernetes runs OpenStack; tenants run their own Kubernetes on its VMs.",
    file: 'nested.json',
  },
  {
    id: 'large',
    title: 'Large cloud',
    description: 'Over 200 hosts and a few thousand elements: how Stacklayers copes with size.',
    file: 'large.json',
  },
  {
    id: 'cells',
    title: 'Regions, zones and cells',
    description:
      'Two regions, availability zones, four Nova cells and Ironic bare metal, with a tour on how clouds scale.',
    file: 'cells.json',
  },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0] as Example;

export const exampleUrl = (e: Example) => `${import.meta.env.BASE_URL}models/${e.file}`;
