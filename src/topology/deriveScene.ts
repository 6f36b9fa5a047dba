import { displayName } from '../model/access';
import type { Model, View } from '../model/schema';
import { deriveHardware } from './derive/hardware';
import { resolveOperatorCluster } from './derive/operatorCluster';
import { deriveOperatorCluster } from './derive/operatorK8s';
import { deriveServices } from './derive/services';
import { type DeriveState, initialState } from './derive/state';
import { deriveTenantClusters } from './derive/tenantK8s';
import { deriveTenants } from './derive/tenants';
import type { Place, Relation, Scene, SceneElement } from './scene';
import { viewFlags } from './views';

export { resolveOperatorCluster } from './derive/operatorCluster';
export { placeVms } from './derive/placeVms';

/**
 * What runs on what in one view. The model holds the facts; the view only decides what is installed:
 * the operator's Kubernetes below OpenStack, and Kubernetes on a tenant's VMs. Every element keeps its
 * id in every view in which it exists. Each stage appends to one explicit state, in this order (the
 * scene's element order).
 */
export function deriveScene(model: Model, view: View): Scene {
  const state = initialState(model, view, viewFlags(view), resolveOperatorCluster(model));
  deriveHardware(state); // hosts, with their place in the cloud's structure
  deriveOperatorCluster(state); // the operator's Kubernetes below OpenStack, its nodes on the hosts
  deriveServices(state); // OpenStack's process instances: containers, processes or pods
  deriveTenants(state); // tenant projects: networks, VMs on hypervisors, load balancers, volumes
  deriveTenantClusters(state); // Kubernetes on tenants' VMs: clusters, nodes, pods
  return assembleScene(state);
}

/** The scene from the stages' output: the id index, the model's places, relations without duplicates. */
function assembleScene({ model, view, flags, elements, relations }: DeriveState): Scene {
  const byId = new Map<string, SceneElement>();
  for (const el of elements) byId.set(el.id, el);
  const places = placesOf(model);
  return {
    ...(places.length > 0 ? { places } : {}),
    view,
    flags,
    title: model.name ?? 'Untitled cloud',
    deployment: {
      tool: model.deployment?.tool ?? 'kolla-ansible',
      form: model.deployment?.form ?? 'containers',
    },
    elements,
    byId,
    relations: dedupe(relations),
  };
}

function placesOf(model: Model): Place[] {
  const out: Place[] = [];
  for (const r of model.regions ?? [])
    out.push({ level: 'region', id: r.id, name: displayName(r), description: r.description });
  for (const z of model.availabilityZones ?? [])
    out.push({ level: 'zone', id: z.id, name: displayName(z), description: z.description, region: z.region });
  for (const c of model.cells ?? [])
    out.push({ level: 'cell', id: c.id, name: displayName(c), description: c.description, region: c.region });
  return out;
}

function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}
