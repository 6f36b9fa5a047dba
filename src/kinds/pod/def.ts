import type { Scene } from '../../topology/scene';
import { CHIP } from '../chip';
import type { ChipMetrics, ElementDef, FoldedWord } from '../types';

const POD: FoldedWord = { one: 'pod', rank: 20 };

/** A pod on a Kubernetes node counts in its cluster's folded summary. */
export function podInCluster(scene: Scene, runsOn: string | undefined): [string, FoldedWord][] {
  const node = runsOn === undefined ? undefined : scene.byId.get(runsOn);
  return node?.kind === 'k8s-node' ? [[node.cluster, POD]] : [];
}
export { POD };

/** A tenant's pod, on a node of its tenant cluster. */
export const pod: ElementDef<'pod', ChipMetrics> = {
  kind: 'pod',
  label: (el) => `pod (${el.workloadKind})`,
  boxClass: () => 'sl-chip sl-chip--pod sl-tone--tenant',
  // A pod is 2 px shorter than a service's chip, and as wide as its node's inside.
  metrics: { ...CHIP, h: CHIP.h - 2 },
  drawn: { as: 'chip', body: 'chip' },
  layoutAs: 'pod',
  tally: (_el, _scene, c) => {
    c.pods++;
  },
  folded: (el, scene) => podInCluster(scene, el.runsOn),
};
