import type { SceneElement } from '../scene';

/** Kinds that can fail: machines, Kubernetes nodes, clusters (their control plane), service instances, pods. */
export const FAILABLE_KINDS: ReadonlySet<SceneElement['kind']> = new Set([
  'host',
  'k8s-node',
  'vm',
  'operator-cluster',
  'tenant-cluster',
  'service',
  'pod',
]);
