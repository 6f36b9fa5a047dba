import type { ElementDef } from '../types';

/** A Kubernetes node: an operator's (on a host) or a tenant's (on a VM); its pods stack inside. */
export const k8sNode: ElementDef<'k8s-node', { h: number; head: number }> = {
  kind: 'k8s-node',
  label: (el) =>
    `${el.clusterKind === 'operator' ? "operator's" : "tenant's"} Kubernetes ${el.nodeRole} node`,
  boxClass: (el) => `sl-box sl-node sl-node--${el.clusterKind}`,
  metrics: { h: 22, head: 18 },
  drawn: { as: 'node', nodeType: 'k8sNode' },
  layoutAs: 'k8s-node',
  tally: (el, _scene, c) => {
    c.k8sNodes[el.clusterKind]++;
  },
  folded: (el) => [[el.cluster, { one: 'node', rank: 30 }]],
};
