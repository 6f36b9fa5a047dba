import type { ElementDef } from '../types';

/** A Nova instance: a VM on a compute host, an Octavia amphora, or a bare-metal instance (Ironic). */
export const vm: ElementDef<'vm'> = {
  kind: 'vm',
  label: (el) => (el.baremetal ? 'bare-metal instance' : el.amphoraOf.length > 0 ? 'amphora VM' : 'VM'),
  boxClass: (el) => `sl-box sl-vm${el.amphoraOf.length ? ' sl-vm--amphora' : ''}`,
  metrics: { w: 116, h: 38, gap: 8 },
  drawn: { as: 'node', nodeType: 'vm' },
};
