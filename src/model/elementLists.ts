// The model's element lists, apart from the zod schema (`schema.ts`) so that what walks them (the derivation's
// ids, `countElements`) loads no zod: the first diagram of a bundled or worker-checked model needs none.
// `elementLists.test.ts` holds this table to the schema.

/**
 * A list of the model's elements (or one element): what `validateModel` and `countElements` need to know of a
 * kind, so a new kind is a line here and needs no code there.
 */
export interface ElementList {
  /** Its key in the model, or in each item of the list it sits in. */
  key: string;
  /**
   * What one is called in messages ("VM id 'x' is already used at ..."). Its ids are then claimed in the model's
   * one namespace; none: not an element (a service: its ids have their own namespace).
   */
  what?: string;
  /** One object, not a list (the operator cluster). */
  single?: true;
  /**
   * Its id is an element's id in every view, so tours may name it; false: its elements' ids are derived from it
   * (a process's instances `<process>@<host>`, a workload's pods `<workload>#<n>`).
   */
  sceneId: boolean;
  /**
   * Which count of the size limit each one adds one element to; none: `countElements` counts it itself (a
   * process's instances, a cluster's nodes, a workload's pods).
   */
  counts?: 'hosts' | 'kubernetes' | 'tenantResources';
  /** Fields that name an element of another list (an id, or a list of ids): each must be one of its ids. */
  refs?: readonly { key: string; to: string }[];
  /** The lists inside each of its items. */
  lists?: readonly ElementList[];
}

/**
 * The model's element lists, in the order they are checked (a second use of an id is reported where it comes
 * later in this order). A `refs` target is a list's path: its keys joined by dots (`projects.networks`).
 */
export const ELEMENT_LISTS: readonly ElementList[] = [
  { key: 'hosts', what: 'host', sceneId: true, counts: 'hosts' },
  {
    key: 'services',
    sceneId: false,
    lists: [{ key: 'processes', what: 'process', sceneId: false }],
  },
  { key: 'operatorCluster', what: 'operator cluster', single: true, sceneId: true },
  {
    key: 'projects',
    what: 'project',
    sceneId: true,
    counts: 'tenantResources',
    lists: [
      { key: 'networks', what: 'network', sceneId: true, counts: 'tenantResources' },
      { key: 'vms', what: 'VM', sceneId: true, counts: 'tenantResources' },
      { key: 'loadBalancers', what: 'load balancer', sceneId: true, counts: 'tenantResources' },
      { key: 'volumes', what: 'volume', sceneId: true, counts: 'tenantResources' },
    ],
  },
  {
    key: 'tenantClusters',
    what: 'cluster',
    sceneId: true,
    counts: 'kubernetes',
    lists: [{ key: 'workloads', what: 'workload', sceneId: false }],
  },
];
