import { isGateway } from '../../topology/failures/components';
import { SOURCES as S } from '../../topology/failures/sources';
import type { FailureWords } from '../types';

/** What a host's details say about failure: everything on it stops. */
export const hostFailure: FailureWords<'host'> = {
  standing: (el) => [
    {
      label: 'If it fails',
      text: `Everything on it stops; its VMs stay down until evacuated (nova evacuate) or restarted elsewhere by Masakari.${
        isGateway(el)
          ? ' It is a gateway chassis: its routers fail over to another gateway, if one is left.'
          : ''
      }`,
      source: S.novaEvacuate,
    },
  ],
};
