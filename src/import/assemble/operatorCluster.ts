import type { Model } from '../../model/schema';
import { cap, type HostRec, hostKey } from '../state';
import type { Assembly } from './assembly';

/** The operator's cluster: its nodes that are hosts of the model (none: no operator cluster). */
export function assembleOperatorCluster(a: Assembly, hostRecs: readonly HostRec[]): Model['operatorCluster'] {
  const op = a.s.operator;
  if (!op) return undefined;
  const c = op.cluster;
  const keys = [...new Set(c.nodes.map((n) => hostKey(n.name)))].filter((k) => a.s.hosts.has(k));
  const ordered = hostRecs.filter((h) => keys.includes(h.key)).map((h) => h.id as string);
  const cp = hostRecs.filter((h) => keys.includes(h.key) && h.k8sControlPlane).map((h) => h.id as string);
  if (ordered.length === 0) return undefined;
  const versions = [...new Set(c.nodes.map((n) => n.kubeletVersion).filter((v) => v !== undefined))];
  const operatorCluster: NonNullable<Model['operatorCluster']> = {
    id: a.ids.take(c.name, 'operator-k8s'),
    tool: 'openstack-helm',
    hosts: ordered,
    namespace: cap(op.namespace, 63),
    description: cap(
      `Imported from ${c.files.join(', ')}${versions.length ? `; Kubernetes ${versions.join(', ')}` : ''}.`,
      2000,
    ),
  };
  if (operatorCluster.id !== c.name) operatorCluster.name = c.name;
  if (cp.length) operatorCluster.controlPlane = cp;
  return operatorCluster;
}
