import { CHIP } from './chip';
import type { ElementDef } from './types';

/** A tenant's pod, on a node of its tenant cluster. */
export const pod: ElementDef<'pod'> = {
  kind: 'pod',
  label: (el) => `pod (${el.workloadKind})`,
  boxClass: () => 'sl-chip sl-chip--pod sl-tone--tenant',
  metrics: CHIP,
  drawn: { as: 'chip', body: 'chip' },
};
