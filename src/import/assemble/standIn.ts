import type { Host, Model } from '../../model/schema';

/** The host the import adds when the input names no compute host, and the model made when nothing else can be. */

export const MODEL_NAME = 'Imported cloud';
export const STAND_IN_ID = 'unknown-compute-host';

export function standInHost(): Host {
  return {
    id: STAND_IN_ID,
    name: 'compute host (not in the input)',
    roles: ['compute'],
    description:
      'Added by the import: the input names no compute host for these VMs (add the hypervisor list or the server list as admin).',
  };
}

export function standInModel(): Model {
  return { version: 1, name: MODEL_NAME, hosts: [standInHost()], services: [] };
}
