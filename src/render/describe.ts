import type { SceneElement } from '../topology/scene';

/** What kind of thing an element is, in words (shown in badges and read by screen readers). */
export function kindLabel(el: SceneElement): string {
  switch (el.kind) {
    case 'host':
      return 'host';
    case 'operator-cluster':
      return "operator's Kubernetes cluster";
    case 'tenant-cluster':
      return "tenant's Kubernetes cluster";
    case 'k8s-node':
      return `${el.clusterKind === 'operator' ? "operator's" : "tenant's"} Kubernetes ${el.nodeRole} node`;
    case 'service':
      return el.form === 'pod' ? `pod (${el.workloadKind})` : el.form;
    case 'pod':
      return `pod (${el.workloadKind})`;
    case 'project':
      return el.owner === 'operator' ? 'service project' : 'project';
    case 'network':
      return 'network';
    case 'vm':
      return el.amphoraOf.length > 0 ? 'amphora VM' : 'VM';
    case 'load-balancer':
      return 'load balancer';
    case 'volume':
      return 'volume';
  }
}

/** A one-line accessible label: name, kind and what it runs on. */
export function ariaLabelOf(el: SceneElement): string {
  const on = el.runsOn ? ` on ${el.runsOn.replace(/^.*\//, '')}` : '';
  return `${el.name}, ${kindLabel(el)}${on}`;
}
