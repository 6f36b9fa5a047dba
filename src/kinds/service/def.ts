import { CHIP } from '../chip';
import type { ElementDef } from '../types';

/** A service instance: an OpenStack process as a container, a system service or a pod, coloured by category. */
export const service: ElementDef<'service'> = {
  kind: 'service',
  label: (el) => (el.form === 'pod' ? `pod (${el.workloadKind})` : el.form),
  boxClass: (el) => `sl-chip sl-chip--${el.form} sl-tone--${el.category}`,
  // A host's chips flow into rows no wider than `areaMax` (a sparse column is narrower).
  metrics: { ...CHIP, areaMax: 210 },
  drawn: { as: 'chip', body: 'chip' },
};
