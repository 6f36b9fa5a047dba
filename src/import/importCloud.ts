import type { View } from '../model/schema';
import { ensureValid } from './assemble/ensureValid';
import { assembleModel } from './assemble/model';
import { standInModel } from './assemble/standIn';
import { groupClusters } from './clusters';
import { isRecord, naturalCompare, own, show } from './fields';
import {
  type Agent,
  type AggregateEntry,
  type BaremetalNode,
  type ComputeService,
  type FileKind,
  type HostListEntry,
  type Hypervisor,
  type LoadBalancerEntry,
  type ParsedFile,
  type ProjectEntry,
  parseFile,
  type Server,
  type VolumeEntry,
  type ZoneEntry,
} from './parse';
import { resolveRoles } from './resolveRoles';
import { readBaremetalNodes } from './sources/baremetal';
import { readHostList } from './sources/hostList';
import { readHypervisors } from './sources/hypervisors';
import { readLoadBalancers } from './sources/loadBalancers';
import { chooseOperator, readOperatorNodes, readOperatorPods } from './sources/operator';
import { readProjects } from './sources/projects';
import { hostsFromServers, readServers } from './sources/servers';
import { readComputeServices, readNetworkAgents } from './sources/services';
import { readTenantCluster } from './sources/tenantClusters';
import { readVolumes } from './sources/volumes';
import { readZones } from './sources/zones';
import { type ImportState, newState, rowsOf } from './state';
import type { ImportCounts, ImportFile, ImportOptions, ImportReport, ImportResult } from './types';

export type {
  ClusterRole,
  ImportCounts,
  ImportedFile,
  ImportFile,
  ImportOptions,
  ImportReport,
  ImportResult,
} from './types';

/**
 * Builds a Stacklayers model from the JSON output of `openstack … -f json` and `kubectl get … -o json`.
 * Pure: no DOM, no Node APIs; runs in the browser and in the CLI. Never throws; the model it returns
 * always validates, and what could not be placed is said in the report.
 *
 * The stages: recognise each file by its content (`parse.ts`), read each source into one state (`sources/`,
 * over `state.ts`), assemble the model (`assemble/`), choose the view, and report.
 */
export function importCloud(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult {
  try {
    const state = newState(recognise(files), isRecord(options) ? options : {});
    const { openstackServices } = readSources(state);
    const { model, counts } = assembleModel(state, openstackServices);
    const view = viewOf(model);
    const report = reportOf(state, counts);
    return { model: ensureValid(model, report), report, view };
  } catch (err) {
    // A bug must not take the page or the CLI down: say so, and return a model that validates.
    const why = err instanceof Error ? err.message : String(err);
    const report: ImportReport = {
      files: [],
      matched: [],
      unmatched: [`The import failed unexpectedly (${show(why, 120)}); nothing was imported.`],
      counts: emptyCounts(),
    };
    return { model: standInModel(), report, view: 'traditional' };
  }
}

/** Whether any import produced something from the input (else the CLI exits 1). */
export const importedAnything = (r: ImportReport): boolean =>
  r.counts.hosts + r.counts.vms + r.counts.clusters + r.counts.processes > 0;

/** The kind of one file's text, without importing it (the app's test: an import, or a model?). */
export function recogniseFile(text: string): FileKind | 'unknown' {
  return parseFile('', text).kind;
}

/** Every file recognised and parsed, in an order of their own: the same files in any order give the same model. */
function recognise(files: readonly ImportFile[]): ParsedFile[] {
  const list = Array.isArray(files) ? files : [];
  const safe = list.map((f, i) => ({
    name:
      isRecord(f) && typeof own(f, 'name') === 'string' && own(f, 'name')
        ? String(own(f, 'name'))
        : `file ${i + 1}`,
    text: isRecord(f) && typeof own(f, 'text') === 'string' ? String(own(f, 'text')) : '',
  }));
  safe.sort((a, b) => naturalCompare(a.name, b.name) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return safe.map((f) => parseFile(f.name, f.text));
}

/**
 * Reads every source into the state, in an order that matters: hosts first (the operator's nodes and pods, then
 * the openstack lists that name hosts), then their roles, then projects, VMs, zones, tenant clusters and what
 * projects hold. Returns whether an openstack service inventory was read.
 */
function readSources(s: ImportState): { openstackServices: boolean } {
  // Unknown files are reported in `files` (with why); entries a known file could not use, here.
  for (const f of s.parsed) for (const p of f.problems) s.unmatched.push(p);
  const hypervisors = rowsOf<Hypervisor>(s, 'hypervisors');
  const hostList = rowsOf<HostListEntry>(s, 'hosts');
  const services = rowsOf<ComputeService>(s, 'compute-services');
  const agents = rowsOf<Agent>(s, 'network-agents');
  const servers = rowsOf<Server>(s, 'servers');
  const clusters = groupClusters(s.parsed, s.matched);
  const operator = chooseOperator(s, clusters);

  readOperatorNodes(s);
  const podNodes = readOperatorPods(s);
  readHypervisors(s, hypervisors);
  readHostList(s, hostList);
  readComputeServices(s, services, podNodes);
  readNetworkAgents(s, agents, podNodes);
  const inventory =
    hypervisors.length + hostList.length + services.length + agents.length + (operator?.nodes.length ?? 0);
  readBaremetalNodes(s, rowsOf<BaremetalNode>(s, 'baremetal-nodes'));
  if (!inventory) hostsFromServers(s, servers);
  resolveRoles(s);

  readProjects(s, rowsOf<ProjectEntry>(s, 'projects'));
  readServers(s, servers);
  readZones(s, services, rowsOf<ZoneEntry>(s, 'availability-zones'), rowsOf<AggregateEntry>(s, 'aggregates'));
  for (const c of clusters)
    if (c !== operator && (s.clusterRoles.get(c) ?? 'tenant') === 'tenant')
      readTenantCluster(s, c, servers.length > 0);
  readLoadBalancers(s, rowsOf<LoadBalancerEntry>(s, 'load-balancers'));
  readVolumes(s, rowsOf<VolumeEntry>(s, 'volumes'));
  return { openstackServices: hypervisors.length > 0 || services.length > 0 || agents.length > 0 };
}

/** The view that fits: the operator's cluster and tenant clusters, either, both or neither. */
function viewOf(model: { operatorCluster?: unknown; tenantClusters?: readonly unknown[] }): View {
  const tenants = (model.tenantClusters?.length ?? 0) > 0;
  if (model.operatorCluster) return tenants ? 'both' : 'control-plane-on-k8s';
  return tenants ? 'k8s-in-tenant' : 'traditional';
}

function reportOf(s: ImportState, counts: ImportCounts): ImportReport {
  return {
    files: s.parsed.map((f) => ({
      name: f.name,
      kind: f.kind,
      entries: f.entries,
      ...(f.note ? { note: f.note } : {}),
    })),
    matched: s.matched,
    unmatched: s.unmatched,
    counts,
  };
}

const emptyCounts = (): ImportCounts => ({
  hosts: 0,
  services: 0,
  processes: 0,
  projects: 0,
  vms: 0,
  clusters: 0,
  loadBalancers: 0,
  volumes: 0,
});
