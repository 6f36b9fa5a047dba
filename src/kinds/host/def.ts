import type { ElementDef } from '../types';

/** A physical server: a controller, compute, network or storage node, or an Ironic bare-metal node. */
export const host: ElementDef<'host'> = {
  kind: 'host',
  label: (el) => (el.baremetal ? 'bare-metal node (Ironic)' : 'host'),
  boxClass: () => 'sl-box sl-host',
  metrics: { h: 54, font: 10 },
  drawn: { as: 'node', nodeType: 'host' },
};
