import { type KubeCluster, serverIdOfProviderId } from '../clusters';
import { mostCommon, plural, show } from '../fields';
import type { K8sNode } from '../parse';
import { addVm, hostKey, type ImportState, type ProjRec, type VmRec } from '../state';

/**
 * Source: the kubectl nodes and pods of a tenant cluster (Kubernetes on OpenStack VMs, by Cluster API or
 * Magnum): its nodes matched to the server list's VMs, by providerID and then by name.
 */

interface NodeMatch {
  node: K8sNode;
  vm: VmRec;
  how: 'providerID' | 'name';
}

export function readTenantCluster(s: ImportState, c: KubeCluster, haveServers: boolean): void {
  if (c.nodes.length === 0) {
    s.unmatched.push(
      `Cluster ${show(c.name)} has no nodes (its files hold neither nodes nor scheduled pods); left out.`,
    );
    return;
  }
  if (!haveServers) {
    syntheticCluster(s, c);
    return;
  }
  const matches = matchNodes(s, c);
  const project = majorityProject(matches);
  if (!project) {
    s.unmatched.push(
      `Cluster ${show(c.name)}: none of its ${plural(c.nodes.length, 'node')} matches a VM; the cluster is left out.`,
    );
    return;
  }
  const controlPlane: VmRec[] = [];
  const workers: VmRec[] = [];
  let byId = 0;
  let byName = 0;
  for (const m of matches) {
    if (m.vm.project !== project) {
      s.unmatched.push(
        `Node ${show(m.node.name)} of cluster ${show(c.name)} is VM ${show(m.vm.name)} of project ${show(m.vm.project.name ?? m.vm.project.key)}, not of the cluster's project ${show(project.name ?? project.key)}; left out of the cluster.`,
      );
      continue;
    }
    if (m.vm.cluster) {
      s.unmatched.push(
        `Node ${show(m.node.name)} of cluster ${show(c.name)} is VM ${show(m.vm.name)}, already a node of cluster ${show(m.vm.cluster)}; left out of ${show(c.name)}.`,
      );
      continue;
    }
    m.vm.cluster = c.name;
    (m.node.controlPlane ? controlPlane : workers).push(m.vm);
    if (m.how === 'providerID') byId++;
    else byName++;
  }
  finishTenant(s, c, project, controlPlane, workers);
  const how = [byId ? `${byId} by providerID` : '', byName ? `${byName} by name` : '']
    .filter(Boolean)
    .join(' and ');
  s.matched.push(
    `Cluster ${show(c.name)} is a tenant cluster in project ${show(project.name ?? project.key)}: ${plural(byId + byName, 'node')} matched to VMs (${how}).`,
  );
}

/** The project most matched nodes are VMs of (the first of a tie). */
function majorityProject(matches: readonly NodeMatch[]): ProjRec | undefined {
  const count = new Map<ProjRec, number>();
  for (const m of matches) count.set(m.vm.project, (count.get(m.vm.project) ?? 0) + 1);
  return mostCommon(count);
}

/** Each node's VM: by providerID, then by name once the providerID matches say which project the cluster is in. */
function matchNodes(s: ImportState, c: KubeCluster): NodeMatch[] {
  const matches: NodeMatch[] = [];
  const pending: K8sNode[] = [];
  for (const node of c.nodes) {
    const sid = serverIdOfProviderId(node.providerID);
    const vm = sid ? s.vmById.get(sid.toLowerCase()) : undefined;
    if (vm) matches.push({ node, vm, how: 'providerID' });
    else pending.push(node);
  }
  for (const node of pending) {
    const sid = serverIdOfProviderId(node.providerID);
    let candidates = s.vmsByName.get(node.name.toLowerCase()) ?? s.vmsByName.get(hostKey(node.name)) ?? [];
    const p = majorityProject(matches);
    if (candidates.length > 1 && p) candidates = candidates.filter((v) => v.project === p);
    const why = sid
      ? `its providerID names server ${show(sid, 40)}, which is not in the server list`
      : node.providerID
        ? `its providerID ${show(node.providerID, 40)} is not OpenStack's`
        : 'no providerID';
    if (candidates.length === 1 && candidates[0]) matches.push({ node, vm: candidates[0], how: 'name' });
    else if (candidates.length > 1)
      s.unmatched.push(
        `Node ${show(node.name)} of cluster ${show(c.name)} matches no single VM (${why}, and ${candidates.length} VMs have that name).`,
      );
    else
      s.unmatched.push(
        `Node ${show(node.name)} of cluster ${show(c.name)} matches no VM (${why}, no VM of that name).`,
      );
  }
  return matches;
}

function finishTenant(
  s: ImportState,
  c: KubeCluster,
  project: ProjRec,
  controlPlane: VmRec[],
  workers: VmRec[],
): void {
  if (controlPlane.length === 0 && workers.length > 0) {
    const first = workers.shift() as VmRec;
    controlPlane.push(first);
    s.unmatched.push(
      `Cluster ${show(c.name)}: none of its matched nodes has a control-plane role label; ${show(first.name)} is shown as its control plane so the cluster can be drawn.`,
    );
  }
  if (controlPlane.length === 0) return;
  const annotations = c.nodes.flatMap((n) => [...n.annotations.keys(), ...n.labels.keys()]);
  const tool = annotations.some((k) => k.startsWith('cluster.x-k8s.io/'))
    ? 'cluster-api'
    : annotations.some((k) => k.startsWith('magnum.openstack.org/'))
      ? 'magnum'
      : 'unknown';
  const versions = new Map<string, number>();
  for (const n of c.nodes)
    if (n.kubeletVersion) versions.set(n.kubeletVersion, (versions.get(n.kubeletVersion) ?? 0) + 1);
  const version = [...versions].sort((a, b) => b[1] - a[1])[0]?.[0];
  s.tenants.push({ cluster: c, project, controlPlane, workers, tool, version });
}

/** No server list: a tenant cluster's nodes are shown as VMs of a project named after the cluster. */
function syntheticCluster(s: ImportState, c: KubeCluster): void {
  const project: ProjRec = {
    key: `cluster:${c.name.toLowerCase()}`,
    name: `${c.name}-project`,
    listed: false,
    vms: [],
    lbs: [],
    volumes: [],
    note: `Not in the input: made for the nodes of cluster ${c.name}, as no server list was given.`,
  };
  s.projects.set(project.key, project);
  const controlPlane: VmRec[] = [];
  const workers: VmRec[] = [];
  for (const n of c.nodes) {
    const flavor =
      n.labels.get('node.kubernetes.io/instance-type') ??
      n.labels.get('beta.kubernetes.io/instance-type') ??
      'unknown';
    const vm: VmRec = {
      server: { id: serverIdOfProviderId(n.providerID), name: n.name },
      name: n.name,
      project,
      flavor,
      synthetic: true,
      cluster: c.name,
    };
    addVm(s, vm);
    (n.controlPlane ? controlPlane : workers).push(vm);
  }
  finishTenant(s, c, project, controlPlane, workers);
  s.matched.push(`Cluster ${show(c.name)} is a tenant cluster: ${plural(c.nodes.length, 'node')}.`);
  s.unmatched.push(
    `No server list: the ${plural(c.nodes.length, 'node')} of cluster ${show(c.name)} are shown as VMs of a project named after the cluster, with no compute host (add openstack server list --all-projects --long -f json).`,
  );
}
