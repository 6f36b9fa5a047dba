import type { K8sNodeElement, OperatorClusterElement } from '../scene';
import { addRunsOn, type DeriveState, k8sNodeId } from './state';

/**
 * Stage 2, the operator's Kubernetes below OpenStack (only in the views that install it): the cluster, and
 * each member host as one of its nodes (control plane or worker), running on that host.
 */
export function deriveOperatorCluster(state: DeriveState): void {
  if (!state.flags.controlPlaneOnK8s) return;
  const oc = state.operator;
  const cpNodes = new Set(oc.controlPlane);
  const cluster: OperatorClusterElement = {
    id: oc.id,
    kind: 'operator-cluster',
    name: oc.name,
    layer: 'operator-k8s',
    owner: 'operator',
    description:
      oc.description ??
      `The operator's Kubernetes cluster that runs the OpenStack control plane (${oc.tool}).`,
    docs: oc.docs,
    tool: oc.tool,
    distribution: oc.distribution,
    namespace: oc.namespace,
    derived: oc.derived,
    hosts: oc.hosts,
    controlPlane: oc.controlPlane,
  };
  state.elements.push(cluster);
  for (const hostId of oc.hosts) {
    const node: K8sNodeElement = {
      id: k8sNodeId(oc.id, hostId),
      kind: 'k8s-node',
      name: hostId,
      layer: 'operator-k8s',
      owner: 'operator',
      description: cpNodes.has(hostId)
        ? `Host ${hostId} as a control-plane node of the operator's cluster (API server, etcd); it also runs OpenStack pods.`
        : `Host ${hostId} as a worker node of the operator's cluster: it runs the DaemonSet pods for this host.`,
      cluster: oc.id,
      clusterKind: 'operator',
      nodeRole: cpNodes.has(hostId) ? 'control-plane' : 'worker',
      machine: hostId,
      runsOn: hostId,
    };
    state.elements.push(node);
    addRunsOn(state, node.id, hostId);
  }
}
