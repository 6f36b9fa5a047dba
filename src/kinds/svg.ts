import type { DrawBox } from '../render/svg/body';
import { operatorClusterSvg, tenantClusterSvg } from './cluster/svg';
import { hostSvg } from './host/svg';
import { k8sNodeSvg } from './k8sNode/svg';
import { podSvg } from './pod/svg';
import { projectSvg } from './project/svg';
import { loadBalancerSvg, networkSvg, volumeSvg } from './resources/svg';
import { serviceSvg } from './service/svg';
import type { Kind } from './types';
import { vmSvg } from './vm/svg';

/**
 * The SVG body of each kind (`kinds/<kind>/svg.ts`), as its React body draws it; `render/svg` draws every box
 * by it. A mapped type over the kinds: a kind without one does not compile. Pure: it runs in Node (the CLI, the
 * API), without React.
 */
export const SVG_BODIES: { readonly [K in Kind]: DrawBox<K> } = {
  host: hostSvg,
  service: serviceSvg,
  pod: podSvg,
  'operator-cluster': operatorClusterSvg,
  'tenant-cluster': tenantClusterSvg,
  'k8s-node': k8sNodeSvg,
  project: projectSvg,
  vm: vmSvg,
  network: networkSvg,
  'load-balancer': loadBalancerSvg,
  volume: volumeSvg,
};
