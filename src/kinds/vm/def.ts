import { SOURCES as S } from '../../topology/failures/sources';
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
  failure: {
    standing: (el) => [
      {
        label: 'If its host fails',
        text:
          el.amphoraOf.length > 0
            ? 'An amphora: octavia-health-manager notices the missing heartbeats and rebuilds it on another host (an ACTIVE_STANDBY pair fails over at once).'
            : 'It stays down until someone evacuates it (nova evacuate) or Masakari does; nothing restarts it by itself.',
        source: el.amphoraOf.length > 0 ? S.octaviaConfig : S.novaEvacuate,
      },
    ],
    whatIf: (el, r) => {
      const vm = r.vms.get(el.id);
      return (
        vm && {
          label: 'What if',
          text: vm.running
            ? `Running; network ${vm.network}; ${vm.manageable ? 'can be managed' : 'cannot be managed'}.`
            : 'Down: stays down until evacuated (nova evacuate) or restarted by Masakari.',
          source: vm.running ? S.novaArchitecture : S.novaEvacuate,
        }
      );
    },
  },
};
