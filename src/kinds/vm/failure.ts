import { SOURCES as S } from '../../topology/failures/sources';
import type { FailureWords } from '../types';

/** What a VM's details say about failure: who restarts it, and its state in a what-if. */
export const vmFailure: FailureWords<'vm'> = {
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
};
