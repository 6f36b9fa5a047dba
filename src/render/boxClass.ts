import { assertNever } from '../model/assertNever';
import type { SceneElement } from '../topology/scene';

/**
 * The classes that give an element's box its kind's look (fill, border, shape): the same in a node of its own,
 * as a chip, and as a plain box of the far layer.
 */
export function boxClass(el: SceneElement): string {
  switch (el.kind) {
    case 'host':
      return 'sl-box sl-host';
    case 'vm':
      return `sl-box sl-vm${el.amphoraOf.length ? ' sl-vm--amphora' : ''}`;
    case 'project':
      return `sl-box sl-project sl-project--${el.owner}`;
    case 'operator-cluster':
      return 'sl-box sl-cluster sl-cluster--operator';
    case 'tenant-cluster':
      return 'sl-box sl-cluster sl-cluster--tenant';
    case 'k8s-node':
      return `sl-box sl-node sl-node--${el.clusterKind}`;
    case 'service':
      return `sl-chip sl-chip--${el.form} sl-tone--${el.category}`;
    case 'pod':
      return 'sl-chip sl-chip--pod sl-tone--tenant';
    case 'network':
    case 'load-balancer':
    case 'volume':
      return `sl-resource sl-resource--${el.kind}`;
    default:
      return assertNever(el, 'element kind');
  }
}
