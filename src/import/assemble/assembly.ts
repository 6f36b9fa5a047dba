import { IdAllocator } from '../ids';
import type { ImportState, ProjRec } from '../state';

/** What turning the state into a model shares: the state, the model's ids, and the ids given so far. */
export interface Assembly {
  readonly s: ImportState;
  /** Ids of hosts, processes, projects and what they hold, clusters (one namespace: the model's). */
  readonly ids: IdAllocator;
  /** The ids given to each project's load balancers and volumes, in their order (for the clusters). */
  readonly built: Map<ProjRec, { lbs: string[]; volumes: string[] }>;
}

export const newAssembly = (s: ImportState): Assembly => ({ s, ids: new IdAllocator(), built: new Map() });

/** The model id of a host, by its key, once the hosts have theirs. */
export const hostId = (a: Assembly, key: string): string | undefined => a.s.hosts.get(key)?.id;
