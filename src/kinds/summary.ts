import type { Scene } from '../topology/scene';
import { defOf } from './index';
import type { LayerCounts } from './types';

export type { LayerCounts };

/** How many elements each layer of the view holds (each kind says where it counts). */
export function layerCounts(scene: Scene): LayerCounts {
  const c: LayerCounts = {
    hosts: 0,
    controlPlane: 0,
    agents: 0,
    vms: 0,
    k8sNodes: { operator: 0, tenant: 0 },
    pods: 0,
    projects: 0,
    clusters: { operator: 0, tenant: 0 },
  };
  for (const el of scene.elements) defOf(el).tally?.(el, scene, c);
  return c;
}
