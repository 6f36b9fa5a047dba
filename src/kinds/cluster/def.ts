import type { ElementDef } from '../types';

/** A cluster's box: a head line, then its nodes, `pad` px inside its border. */
const CLUSTER = { head: 20, pad: 6 };

/** The operator's Kubernetes cluster, which runs the OpenStack control plane (or a derived one). */
export const operatorCluster: ElementDef<'operator-cluster', typeof CLUSTER> = {
  kind: 'operator-cluster',
  label: () => "operator's Kubernetes cluster",
  boxClass: () => 'sl-box sl-cluster sl-cluster--operator',
  metrics: CLUSTER,
  drawn: { as: 'node', nodeType: 'cluster' },
  layoutAs: 'operator-cluster',
  tally: (_el, _scene, c) => {
    c.clusters.operator++;
  },
};

/** A tenant's Kubernetes cluster, on VMs of its project. */
export const tenantCluster: ElementDef<'tenant-cluster', typeof CLUSTER> = {
  kind: 'tenant-cluster',
  label: () => "tenant's Kubernetes cluster",
  boxClass: () => 'sl-box sl-cluster sl-cluster--tenant',
  metrics: CLUSTER,
  drawn: { as: 'node', nodeType: 'cluster' },
  layoutAs: 'tenant-cluster',
  tally: (_el, _scene, c) => {
    c.clusters.tenant++;
  },
  folded: (el) => [[el.project, { one: 'Kubernetes cluster', rank: 50 }]],
};
