import type { ElementDef } from '../types';

/** A physical server: a controller, compute, network or storage node, or an Ironic bare-metal node. */
export const host: ElementDef<'host', { h: number; font: number }> = {
  kind: 'host',
  label: (el) => (el.baremetal ? 'bare-metal node (Ironic)' : 'host'),
  boxClass: () => 'sl-box sl-host',
  metrics: { h: 54, font: 10 },
  drawn: { as: 'node', nodeType: 'host' },
  layoutAs: 'host',
  tally: (_el, _scene, c) => {
    c.hosts++;
  },
};
