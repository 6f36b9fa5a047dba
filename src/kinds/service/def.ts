import type { SceneElement } from '../../topology/scene';
import { CHIP } from '../chip';
import { POD, podInCluster } from '../pod/def';
import type { ChipMetrics, ElementDef } from '../types';

const isController = (h: SceneElement | undefined) => h?.kind === 'host' && h.roles.includes('controller');

/** A service instance: an OpenStack process as a container, a system service or a pod, coloured by category. */
export const service: ElementDef<'service', ChipMetrics & { areaMax: number }> = {
  kind: 'service',
  label: (el) => (el.form === 'pod' ? `pod (${el.workloadKind})` : el.form),
  boxClass: (el) => `sl-chip sl-chip--${el.form} sl-tone--${el.category}`,
  // A host's chips flow into rows no wider than `areaMax` (a sparse column is narrower).
  metrics: { ...CHIP, areaMax: 210 },
  drawn: { as: 'chip', body: 'chip' },
  layoutAs: 'service',
  tally: (el, scene, c) => {
    if (isController(scene.byId.get(el.host))) c.controlPlane++;
    else c.agents++;
    if (el.form === 'pod') c.pods++;
  },
  folded: (el, scene) =>
    el.form === 'pod'
      ? [[el.host, POD], ...podInCluster(scene, el.runsOn)]
      : [[el.host, { one: 'service', rank: 10 }]],
};
