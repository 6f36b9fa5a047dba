import type { Model } from '../../model/schema';
import { plural } from '../fields';
import { cap, type ImportState } from '../state';
import type { ImportCounts } from '../types';
import { newAssembly } from './assembly';
import { assembleHosts } from './hosts';
import { assembleOperatorCluster } from './operatorCluster';
import { assembleProjects } from './projects';
import { assembleServices } from './services';
import { MODEL_NAME, STAND_IN_ID, standInHost } from './standIn';
import { assembleTenants } from './tenants';
import { aggregatesOf, availabilityZonesOf, zoneIdsOf } from './zones';

/**
 * The model from what was read: zones, hosts, services, projects, tenant clusters, the operator's cluster (ids
 * are given in that order), a stand-in compute host where one is needed, and the counts for the report.
 * `openstackServices`: whether a hypervisor, compute service or network agent list was read.
 */
export function assembleModel(
  s: ImportState,
  openstackServices: boolean,
): { model: Model; counts: ImportCounts } {
  const a = newAssembly(s);
  const zoneIds = zoneIdsOf(s);
  const { hosts, hostRecs } = assembleHosts(a, zoneIds);
  const availabilityZones = availabilityZonesOf(zoneIds);
  const aggregates = aggregatesOf(a, zoneIds);
  const { services, processCount } = assembleServices(a);
  const projects = assembleProjects(a);
  const tenantClusters = assembleTenants(a);
  const operatorCluster = assembleOperatorCluster(a, hostRecs);

  const vmCount = projects.reduce((n, p) => n + (p.vms?.length ?? 0), 0);
  const importedHosts = hosts.length;
  // Every model needs a host, and VMs need a compute host.
  const standIn = hosts.length === 0 || (vmCount > 0 && !hosts.some((h) => h.roles.includes('compute')));
  if (standIn) {
    a.ids.reserve(STAND_IN_ID);
    hosts.push(standInHost());
  }
  const counts: ImportCounts = {
    hosts: importedHosts,
    services: services.length,
    processes: processCount,
    projects: projects.length,
    vms: vmCount,
    clusters: tenantClusters.length + (operatorCluster ? 1 : 0),
    loadBalancers: projects.reduce((n, p) => n + (p.loadBalancers?.length ?? 0), 0),
    volumes: projects.reduce((n, p) => n + (p.volumes?.length ?? 0), 0),
  };
  if (standIn && (vmCount > 0 || importedHosts > 0))
    s.unmatched.push(
      importedHosts === 0
        ? 'The input names no hosts: the VMs are shown on one stand-in compute host.'
        : 'The input names no compute host: the VMs are shown on one stand-in compute host.',
    );
  if (!openstackServices && !s.operator && services.length === 0 && importedHosts > 0)
    s.matched.push('No compute services, network agents or OpenStack pods: the model shows no services.');

  const model: Model = {
    version: 1,
    name: MODEL_NAME,
    description: description(s, counts),
    ...(availabilityZones.length ? { availabilityZones } : {}),
    ...(aggregates.length ? { aggregates } : {}),
    hosts,
    services,
    ...(operatorCluster ? { operatorCluster } : {}),
    ...(projects.length ? { projects } : {}),
    ...(tenantClusters.length ? { tenantClusters } : {}),
  };
  return { model, counts };
}

function description(s: ImportState, c: ImportCounts): string {
  const kinds = s.parsed.filter((f) => f.kind !== 'unknown').length;
  const parts = [
    `Imported by Stacklayers from ${plural(kinds, 'file')} of openstack and kubectl output: ${plural(c.hosts, 'host')}, ${plural(c.vms, 'VM')}, ${plural(c.clusters, 'Kubernetes cluster')}.`,
  ];
  if (s.unmatched.length) parts.push(`Not imported or not placed: ${s.unmatched.join(' ')}`);
  return cap(parts.join(' '), 4000);
}
