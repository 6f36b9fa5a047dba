import { displayName } from '../../model/access';
import type { Model } from '../../model/schema';
import { idOf, walkElements } from '../../model/walkElements';

/** The operator cluster the k8s views use: the model's, or one derived from the hosts. */
export interface ResolvedOperatorCluster {
  id: string;
  name: string;
  tool: string;
  distribution?: string | undefined;
  namespace: string;
  hosts: readonly string[];
  controlPlane: readonly string[];
  derived: boolean;
  description?: string | undefined;
  docs?: string | undefined;
}

/**
 * The operator's Kubernetes for the k8s views. A model without one gets a sensible derived cluster:
 * every controller, network and compute host joins (storage-only hosts keep their storage outside it, and
 * bare-metal nodes belong to tenants),
 * and an odd number (up to 3) of controllers form its control plane.
 */
export function resolveOperatorCluster(model: Model): ResolvedOperatorCluster {
  const oc = model.operatorCluster;
  const hostById = new Map(model.hosts.map((h) => [h.id, h]));
  const controllers = (ids: readonly string[]) =>
    ids.filter((id) => hostById.get(id)?.roles.includes('controller'));
  if (oc) {
    let controlPlane = oc.controlPlane ?? controllers(oc.hosts).slice(0, 3);
    if (controlPlane.length === 0) controlPlane = oc.hosts.slice(0, 1);
    return {
      id: oc.id,
      name: displayName(oc),
      tool: oc.tool,
      distribution: oc.distribution,
      namespace: oc.namespace ?? 'openstack',
      hosts: oc.hosts,
      controlPlane,
      derived: false,
      description: oc.description,
      docs: oc.docs,
    };
  }
  const hosts = model.hosts
    .filter((h) => h.roles.some((r) => r !== 'storage' && r !== 'baremetal'))
    .map((h) => h.id);
  const ctl = controllers(hosts);
  const cpCount = Math.min(3, ctl.length) === 2 ? 1 : Math.min(3, ctl.length);
  const controlPlane = cpCount > 0 ? ctl.slice(0, cpCount) : hosts.slice(0, 1);
  const taken = new Set(allModelIds(model));
  let id = 'operator-k8s';
  for (let i = 2; taken.has(id); i++) id = `operator-k8s-${i}`;
  return {
    id,
    name: 'operator k8s',
    tool: 'openstack-helm',
    namespace: 'openstack',
    hosts,
    controlPlane,
    derived: true,
    description:
      'Derived by Stacklayers: the model describes no operator cluster, so its controller, network and compute hosts are shown joining one, as openstack-helm would need.',
    docs: 'https://docs.openstack.org/openstack-helm/latest/',
  };
}

/** Every id of the model's elements (`ELEMENT_LISTS`: hosts, processes, projects and what is in them, ...). */
function allModelIds(model: Model): string[] {
  const ids: string[] = [];
  walkElements(model, {
    item: ({ item }) => {
      const id = idOf(item);
      if (id !== undefined) ids.push(id);
    },
  });
  return ids;
}
