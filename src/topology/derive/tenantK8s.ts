import { displayName } from '../../model/access';
import type { Model, TenantCluster } from '../../model/schema';
import type { K8sNodeElement } from '../scene';
import { addRunsOn, type DeriveState, k8sNodeId, podId } from './state';

/**
 * Stage 5, Kubernetes in tenant projects (only in the views that install it): each tenant cluster, its VMs
 * as its nodes (the nodes run on the VMs), and its workloads' pods on those nodes.
 */
export function deriveTenantClusters(state: DeriveState): void {
  if (!state.flags.k8sInTenant) return;
  const volumeAttachment = attachments(state.model);
  for (const c of state.model.tenantClusters ?? []) {
    deriveClusterElement(state, c);
    const nodes = deriveNodes(state, c);
    derivePods(state, c, nodes, volumeAttachment);
  }
}

/** Volume → the VM it is attached to. */
function attachments(model: Model): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of model.projects ?? [])
    for (const v of p.volumes ?? []) if (v.attachedTo !== undefined) out.set(v.id, v.attachedTo);
  return out;
}

function deriveClusterElement(state: DeriveState, c: TenantCluster): void {
  state.elements.push({
    id: c.id,
    kind: 'tenant-cluster',
    name: displayName(c),
    layer: 'tenant-k8s',
    owner: 'tenant',
    description: c.description,
    docs: c.docs,
    project: c.project,
    tool: c.tool,
    kubernetesVersion: c.kubernetesVersion,
    controlPlane: c.controlPlane,
    workers: c.workers,
    loadBalancers: c.loadBalancers ?? [],
    volumes: c.volumes ?? [],
    apiLoadBalancer: c.apiLoadBalancer,
    managedBy: c.managedBy,
  });
  for (const ref of [...(c.loadBalancers ?? []), ...(c.volumes ?? [])])
    state.relations.push({ id: `${c.id}>${ref}`, kind: 'uses', from: c.id, to: ref });
}

/** The cluster's nodes, control plane first: each is one of its VMs and runs on it. */
function deriveNodes(state: DeriveState, c: TenantCluster): K8sNodeElement[] {
  const nodeOf = (vm: string, role: 'control-plane' | 'worker'): K8sNodeElement => ({
    id: k8sNodeId(c.id, vm),
    kind: 'k8s-node',
    name: vm,
    layer: 'tenant-k8s',
    owner: 'tenant',
    description:
      role === 'control-plane'
        ? `VM ${vm} as a control-plane node of ${displayName(c)} (API server, etcd).`
        : `VM ${vm} as a worker node of ${displayName(c)}.`,
    cluster: c.id,
    clusterKind: 'tenant',
    nodeRole: role,
    machine: vm,
    runsOn: vm,
  });
  const nodes = [
    ...c.controlPlane.map((vm) => nodeOf(vm, 'control-plane')),
    ...c.workers.map((vm) => nodeOf(vm, 'worker')),
  ];
  for (const n of nodes) {
    state.elements.push(n);
    addRunsOn(state, n.id, n.machine);
  }
  return nodes;
}

/**
 * Each workload's pods: on the workers (on every node when the cluster has none), a DaemonSet's one per
 * node, the others spread in turn, except that a pod with a volume runs where the volume is attached (a
 * Cinder volume attaches to one VM).
 */
function derivePods(
  state: DeriveState,
  c: TenantCluster,
  nodes: readonly K8sNodeElement[],
  volumeAttachment: ReadonlyMap<string, string>,
): void {
  const schedulable = c.workers.length > 0 ? nodes.filter((n) => n.nodeRole === 'worker') : nodes;
  const nodeOfVm = new Map(schedulable.map((n) => [n.machine, n]));
  let next = 0;
  for (const w of c.workloads ?? []) {
    const count = w.kind === 'DaemonSet' ? schedulable.length : (w.replicas ?? 1);
    for (let i = 0; i < count; i++) {
      const volume = w.volumes?.[i];
      const attached = volume !== undefined ? nodeOfVm.get(volumeAttachment.get(volume) ?? '') : undefined;
      const node =
        w.kind === 'DaemonSet' ? schedulable[i] : (attached ?? schedulable[next++ % schedulable.length]);
      if (!node) break;
      const id = podId(w.id, i);
      state.elements.push({
        id,
        kind: 'pod',
        name: `${displayName(w)}-${i}`,
        layer: 'tenant-k8s',
        owner: 'tenant',
        description: w.description,
        cluster: c.id,
        workload: w.id,
        workloadKind: w.kind,
        runsOn: node.id,
      });
      addRunsOn(state, id, node.id);
    }
    if (w.loadBalancer !== undefined)
      state.relations.push({ id: `${c.id}>${w.loadBalancer}`, kind: 'uses', from: c.id, to: w.loadBalancer });
  }
}
