import type { SceneElement } from '../topology/scene';
import { operatorCluster, tenantCluster } from './cluster/def';
import { host } from './host/def';
import { k8sNode } from './k8sNode/def';
import { pod } from './pod/def';
import { project } from './project/def';
import { loadBalancer, network, volume } from './resources/def';
import { service } from './service/def';
import type { ElementDef, Kind, Kinds } from './types';
import { vm } from './vm/def';

/**
 * One definition per kind of element (`kinds/<kind>/def.ts`): its words, box metrics, look and how the app draws
 * it. A mapped type over the scene's kinds: a new kind without a definition does not compile.
 */
export const KINDS = {
  host,
  'operator-cluster': operatorCluster,
  'tenant-cluster': tenantCluster,
  'k8s-node': k8sNode,
  service,
  pod,
  project,
  network,
  'load-balancer': loadBalancer,
  volume,
  vm,
} as const satisfies Kinds;

/**
 * The definition of an element's kind, callable with the element (the kind of `el` picks the definition, so the
 * call is sound).
 */
export const defOf = (el: SceneElement) => KINDS[el.kind] as unknown as ElementDef<Kind>;

/** What kind of thing an element is, in words (shown in badges and read by screen readers). */
export const kindLabel = (el: SceneElement): string => defOf(el).label(el);

/**
 * The classes that give an element's box its kind's look (fill, border, shape): the same in a node of its own,
 * as a chip, and as a plain box of the far layer.
 */
export const boxClass = (el: SceneElement): string => defOf(el).boxClass(el);

/** The kinds drawn as chips inside a node of chips rather than as nodes of their own. */
export const CHIP_KINDS: ReadonlySet<Kind> = new Set(
  (Object.keys(KINDS) as Kind[]).filter((k) => KINDS[k].drawn.as === 'chip'),
);

/**
 * Whether an element is one of a project's resources (network, load balancer, volume): a chip in the rows under
 * its project's head.
 */
export function isProjectResource(el: SceneElement): boolean {
  const drawn = KINDS[el.kind].drawn;
  return drawn.as === 'chip' && drawn.body === 'resource';
}

export type { ElementOf, Kind } from './types';
