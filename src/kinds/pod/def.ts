import { CHIP } from '../chip';
import type { ElementDef } from '../types';

/** A tenant's pod, on a node of its tenant cluster. */
export const pod: ElementDef<'pod'> = {
  kind: 'pod',
  label: (el) => `pod (${el.workloadKind})`,
  boxClass: () => 'sl-chip sl-chip--pod sl-tone--tenant',
  // A pod is 2 px shorter than a service's chip, and as wide as its node's inside.
  metrics: { ...CHIP, h: CHIP.h - 2 },
  drawn: { as: 'chip', body: 'chip' },
};
