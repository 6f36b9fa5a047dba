import { displayName } from '../../model/access';
import type { Model, Project } from '../../model/schema';
import type { VmElement } from '../scene';
import { placeVms, type VmPlacement } from './placeVms';
import { addRunsOn, type DeriveState } from './state';

type Flavor = NonNullable<Model['flavors']>[number];

/** What the tenant stage looks up across projects, built once per scene. */
interface TenantIndex {
  placement: Map<string, VmPlacement>;
  flavors: Map<string, Flavor>;
  /** VM → the tenant cluster it is a node of. */
  clusterOfVm: Map<string, string>;
  /** VM → the load balancers it is an amphora of. */
  amphoraOf: Map<string, string[]>;
}

/**
 * Stage 4, tenant projects and their resources, in every view: each project, then its networks, VMs (each on
 * its compute host's hypervisor, never in Kubernetes), load balancers and volumes.
 */
export function deriveTenants(state: DeriveState): void {
  const index = tenantIndex(state.model);
  for (const p of state.model.projects ?? []) {
    const owner = p.owner ?? 'tenant';
    state.elements.push({
      id: p.id,
      kind: 'project',
      name: displayName(p),
      layer: 'tenant-vms',
      owner,
      description: p.description,
    });
    deriveNetworks(state, p);
    deriveVms(state, p, index);
    deriveLoadBalancers(state, p);
    deriveVolumes(state, p);
  }
}

function tenantIndex(model: Model): TenantIndex {
  const clusterOfVm = new Map<string, string>();
  for (const c of model.tenantClusters ?? [])
    for (const vm of [...c.controlPlane, ...c.workers]) clusterOfVm.set(vm, c.id);
  const amphoraOf = new Map<string, string[]>();
  for (const p of model.projects ?? [])
    for (const lb of p.loadBalancers ?? [])
      for (const vm of lb.amphorae ?? []) {
        const list = amphoraOf.get(vm);
        if (list) list.push(lb.id);
        else amphoraOf.set(vm, [lb.id]);
      }
  return {
    placement: placeVms(model),
    flavors: new Map((model.flavors ?? []).map((f) => [f.name, f])),
    clusterOfVm,
    amphoraOf,
  };
}

function deriveNetworks(state: DeriveState, p: Project): void {
  for (const n of p.networks ?? [])
    state.elements.push({
      id: n.id,
      kind: 'network',
      name: displayName(n),
      layer: 'tenant-vms',
      owner: p.owner ?? 'tenant',
      description: n.description,
      project: p.id,
      cidr: n.cidr,
      router: n.router ?? false,
      floatingIps: n.floatingIps ?? 0,
    });
}

function deriveVms(state: DeriveState, p: Project, index: TenantIndex): void {
  for (const v of p.vms ?? []) {
    const at = index.placement.get(v.id);
    if (!at) continue; // no compute host at all: validation reports it
    const flavor = index.flavors.get(v.flavor);
    const hostPlace = state.hostPlaces.get(at.host);
    const vm: VmElement = {
      id: v.id,
      kind: 'vm',
      name: displayName(v),
      layer: 'tenant-vms',
      owner: p.owner ?? 'tenant',
      description: v.description,
      docs: v.docs,
      project: p.id,
      flavor: v.flavor,
      vcpus: flavor?.vcpus,
      ramMiB: flavor?.ramMiB,
      image: v.image,
      host: at.host,
      placement: at.placement,
      cluster: index.clusterOfVm.get(v.id),
      amphoraOf: index.amphoraOf.get(v.id) ?? [],
      baremetal: hostPlace?.baremetal !== undefined,
      cell: hostPlace?.cell,
      runsOn: at.host,
    };
    state.elements.push(vm);
    addRunsOn(state, vm.id, at.host);
    for (const lb of vm.amphoraOf)
      state.relations.push({ id: `${vm.id}>${lb}`, kind: 'implements', from: vm.id, to: lb });
  }
}

function deriveLoadBalancers(state: DeriveState, p: Project): void {
  for (const lb of p.loadBalancers ?? [])
    state.elements.push({
      id: lb.id,
      kind: 'load-balancer',
      name: displayName(lb),
      layer: 'tenant-vms',
      owner: p.owner ?? 'tenant',
      description: lb.description,
      project: p.id,
      floatingIp: lb.floatingIp ?? false,
      amphorae: lb.amphorae ?? [],
    });
}

function deriveVolumes(state: DeriveState, p: Project): void {
  for (const vol of p.volumes ?? []) {
    state.elements.push({
      id: vol.id,
      kind: 'volume',
      name: displayName(vol),
      layer: 'tenant-vms',
      owner: p.owner ?? 'tenant',
      description: vol.description,
      project: p.id,
      sizeGiB: vol.sizeGiB,
      attachedTo: vol.attachedTo,
    });
    if (vol.attachedTo !== undefined)
      state.relations.push({
        id: `${vol.id}>${vol.attachedTo}`,
        kind: 'attached-to',
        from: vol.id,
        to: vol.attachedTo,
      });
  }
}
