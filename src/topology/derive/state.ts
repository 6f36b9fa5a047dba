import type { Model, View } from '../../model/schema';
import type { HostElement, Relation, SceneElement, ViewFlags } from '../scene';
import type { ResolvedOperatorCluster } from './operatorCluster';

// The explicit state the stages of `deriveScene` share: what they read (the model, the view's switches, the
// operator cluster every stage agrees on) and what they write (elements and relations, appended in order).

/** A host's place in the cloud's structure, as set on its element. */
export type HostPlace = Pick<HostElement, 'region' | 'zone' | 'cell' | 'aggregates' | 'baremetal'>;

export interface DeriveState {
  readonly model: Model;
  readonly view: View;
  readonly flags: ViewFlags;
  /** The operator's Kubernetes (the model's or a derived one): who is a member, even in views without it. */
  readonly operator: ResolvedOperatorCluster;
  readonly members: ReadonlySet<string>;
  /** Each host's place, set by the hardware stage and read by the tenant stage (a VM's cell, bare metal). */
  readonly hostPlaces: Map<string, HostPlace>;
  /** The scene's elements in drawing order: hardware, operator cluster, services, tenants, tenant Kubernetes. */
  readonly elements: SceneElement[];
  /** Relations in the order they were found; duplicates are dropped when the scene is assembled. */
  readonly relations: Relation[];
}

export function initialState(
  model: Model,
  view: View,
  flags: ViewFlags,
  operator: ResolvedOperatorCluster,
): DeriveState {
  return {
    model,
    view,
    flags,
    operator,
    members: new Set(operator.hosts),
    hostPlaces: new Map(),
    elements: [],
    relations: [],
  };
}

/** Records that `from` runs on `to`. */
export function addRunsOn(state: DeriveState, from: string, to: string): void {
  state.relations.push({ id: `${from}>${to}`, kind: 'runs-on', from, to });
}

/** Id of a process instance on a host: the same whether it is a container or a pod. */
export const serviceInstanceId = (processId: string, hostId: string) => `${processId}@${hostId}`;
/** Id of the k8s node that a host (operator) or VM (tenant) is. */
export const k8sNodeId = (clusterId: string, machineId: string) => `${clusterId}/${machineId}`;
/** Id of the i-th pod of a tenant workload. */
export const podId = (workloadId: string, index: number) => `${workloadId}#${index}`;
