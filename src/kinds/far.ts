import type { FarLabel } from '../render/far/pen';
import { operatorClusterFar, tenantClusterFar } from './cluster/far';
import { hostFar } from './host/far';
import { k8sNodeFar } from './k8sNode/far';
import { podFar } from './pod/far';
import { projectFar } from './project/far';
import { resourceFar } from './resources/far';
import { serviceFar } from './service/far';
import type { Kind } from './types';
import { vmFar } from './vm/far';

/**
 * The far-layer label of each kind (`kinds/<kind>/far.ts`), drawn by `render/far/labels.ts`. A mapped type over
 * the kinds: a kind without one does not compile.
 */
export const FAR_LABELS: { readonly [K in Kind]: FarLabel<K> } = {
  host: hostFar,
  vm: vmFar,
  project: projectFar,
  'operator-cluster': operatorClusterFar,
  'tenant-cluster': tenantClusterFar,
  'k8s-node': k8sNodeFar,
  service: serviceFar,
  pod: podFar,
  network: resourceFar,
  'load-balancer': resourceFar,
  volume: resourceFar,
};
