import type { Scene } from '../scene';
import { componentsOf } from './components';
import { SOURCES as S } from './sources';

/** One kind of component that Kubernetes itself adds below OpenStack. */
export interface OverheadItem {
  name: string;
  /** How many run (processes or pods). */
  count: number;
  where: string;
  source: string;
}

/**
 * What running OpenStack on Kubernetes adds, counted from the view: the Kubernetes control plane on its
 * control-plane nodes (kubeadm's stacked etcd), the node agents on every node, CoreDNS, the ingress in
 * front of the APIs, and a volume from a StorageClass for each StatefulSet pod. Empty without an operator
 * cluster in the view. Counts only: the resources they take depend on the cloud's size and are not claimed.
 */
export function kubernetesOverhead(scene: Scene): OverheadItem[] {
  const oc = scene.elements.find((e) => e.kind === 'operator-cluster');
  if (!oc) return [];
  const nodes = scene.elements.filter((e) => e.kind === 'k8s-node' && e.cluster === oc.id);
  const cp = nodes.filter((n) => n.kind === 'k8s-node' && n.nodeRole === 'control-plane').length;
  const controllers = scene.elements.filter(
    (e) => e.kind === 'host' && oc.hosts.includes(e.id) && e.roles.includes('controller'),
  ).length;
  const statefulPods = scene.elements.filter(
    (e) => e.kind === 'service' && e.form === 'pod' && e.workloadKind === 'StatefulSet',
  ).length;
  return [
    {
      name: 'etcd, kube-apiserver, kube-controller-manager, kube-scheduler',
      count: 4 * cp,
      where: `on each of the ${cp} control-plane nodes`,
      source: S.kubeadmHa,
    },
    {
      name: 'kubelet and container runtime, kube-proxy, a CNI agent',
      count: 3 * nodes.length,
      where: `on each of the ${nodes.length} nodes`,
      source: S.k8sComponents,
    },
    { name: 'CoreDNS', count: 2, where: "kubeadm's default Deployment", source: S.kubeadmInstall },
    {
      name: 'ingress controller in front of the APIs',
      count: Math.max(1, controllers),
      where: 'on the controller nodes',
      source: S.oshInstall,
    },
    {
      name: "volumes from a StorageClass for the StatefulSets' pods",
      count: statefulPods,
      where: 'one PersistentVolumeClaim per pod (MariaDB, RabbitMQ, the OVN databases…)',
      source: S.oshInstall,
    },
  ];
}

/** A component the model draws with more replicas than openstack-helm's chart default. */
export interface ChartDefaultNote {
  processId: string;
  name: string;
  drawn: number;
  chartDefault: number;
  source: string;
  /** How many such clusters of it the model has (each cell's or region's own RabbitMQ): said once. */
  copies: number;
}

/** Where the model chose HA replica counts above openstack-helm's defaults (in the views with pods). */
export function aboveChartDefaults(scene: Scene): ChartDefaultNote[] {
  if (!scene.flags.controlPlaneOnK8s) return [];
  const out: ChartDefaultNote[] = [];
  for (const c of componentsOf(scene)) {
    const d = c.decl.chartReplicas;
    if (d && c.instances.length > d.count && c.instances.some((s) => s.form === 'pod')) {
      const same = out.find((o) => o.name === c.name && o.drawn === c.instances.length);
      if (same) same.copies++;
      else
        out.push({
          processId: c.id,
          name: c.name,
          drawn: c.instances.length,
          chartDefault: d.count,
          source: d.source,
          copies: 1,
        });
    }
  }
  return out;
}
