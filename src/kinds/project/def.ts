import type { ElementDef } from '../types';

/** A Keystone project: a tenant's, or the operator's service project (Octavia's amphorae). */
export const project: ElementDef<'project', { head: number; pad: number; gap: number }> = {
  kind: 'project',
  label: (el) => (el.owner === 'operator' ? 'service project' : 'project'),
  boxClass: (el) => `sl-box sl-project sl-project--${el.owner}`,
  metrics: { head: 22, pad: 8, gap: 16 },
  drawn: { as: 'node', nodeType: 'project' },
  layoutAs: 'project',
  tally: (_el, _scene, c) => {
    c.projects++;
  },
};
