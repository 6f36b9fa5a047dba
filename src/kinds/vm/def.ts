import type { ElementDef, FoldedWord } from '../types';

const VM: FoldedWord = { one: 'VM', rank: 40 };

/** A Nova instance: a VM on a compute host, an Octavia amphora, or a bare-metal instance (Ironic). */
export const vm: ElementDef<'vm', { w: number; h: number; gap: number }> = {
  kind: 'vm',
  label: (el) => (el.baremetal ? 'bare-metal instance' : el.amphoraOf.length > 0 ? 'amphora VM' : 'VM'),
  boxClass: (el) => `sl-box sl-vm${el.amphoraOf.length ? ' sl-vm--amphora' : ''}`,
  metrics: { w: 116, h: 38, gap: 8 },
  drawn: { as: 'node', nodeType: 'vm' },
  layoutAs: 'project-content',
  tally: (_el, _scene, c) => {
    c.vms++;
  },
  folded: (el) => [[el.project, VM]],
};
