import type { FarLabel } from '../render/far/pen';
import type { DrawBox } from '../render/svg/body';
import { operatorClusterFar, tenantClusterFar } from './cluster/far';
import { operatorClusterSvg, tenantClusterSvg } from './cluster/svg';
import { hostFar } from './host/far';
import { hostSvg } from './host/svg';
import { k8sNodeFar } from './k8sNode/far';
import { k8sNodeSvg } from './k8sNode/svg';
import { podFar } from './pod/far';
import { podSvg } from './pod/svg';
import { projectFar } from './project/far';
import { projectSvg } from './project/svg';
import { resourceFar } from './resources/far';
import { loadBalancerSvg, networkSvg, volumeSvg } from './resources/svg';
import { serviceFar } from './service/far';
import { serviceSvg } from './service/svg';
import type { Kind } from './types';
import { vmFar } from './vm/far';
import { vmSvg } from './vm/svg';

/** How a kind is drawn without React: its SVG body (`svg.ts`) and its far-layer label (`far.ts`). */
interface Drawing<K extends Kind> {
  /** Its box in the SVG export (`render/svg`), as its React body draws it. */
  svg: DrawBox<K>;
  /** Its text on the far layer's canvas (`render/far/labels.ts`), at its React body's places and sizes. */
  far: FarLabel<K>;
}

/**
 * How each kind is drawn without React (`kinds/<kind>/svg.ts` and `far.ts`). A mapped type over the kinds: a
 * kind without one does not compile. Pure: it runs in Node (the CLI, the API), without React; the React bodies
 * are in `bodies.ts`.
 */
export const DRAWINGS: { readonly [K in Kind]: Drawing<K> } = {
  host: { svg: hostSvg, far: hostFar },
  service: { svg: serviceSvg, far: serviceFar },
  pod: { svg: podSvg, far: podFar },
  'operator-cluster': { svg: operatorClusterSvg, far: operatorClusterFar },
  'tenant-cluster': { svg: tenantClusterSvg, far: tenantClusterFar },
  'k8s-node': { svg: k8sNodeSvg, far: k8sNodeFar },
  project: { svg: projectSvg, far: projectFar },
  vm: { svg: vmSvg, far: vmFar },
  network: { svg: networkSvg, far: resourceFar },
  'load-balancer': { svg: loadBalancerSvg, far: resourceFar },
  volume: { svg: volumeSvg, far: resourceFar },
};
