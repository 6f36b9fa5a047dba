import { NODE_LABEL_ROLES, processOfPod } from '../catalog';
import { type KubeCluster, operatorEvidence, ownerWorkloadKind } from '../clusters';
import { isRecord, listNames, naturalCompare, plural, show } from '../fields';
import { addProcess, hostNamed, type ImportState } from '../state';
import type { ClusterRole } from '../types';

/** Source: the kubectl nodes and pods of the operator's cluster (OpenStack on Kubernetes, openstack-helm). */

/** The clusters' roles as the options tell them, by lower-case name; names no cluster has are reported. */
function toldRoles(s: ImportState, clusters: readonly KubeCluster[]): Map<string, ClusterRole> {
  const told = new Map<string, ClusterRole>();
  const opts = s.options.clusters;
  if (isRecord(opts))
    for (const [name, role] of Object.entries(opts))
      if (role === 'operator' || role === 'tenant') told.set(name.toLowerCase(), role);
  for (const name of told.keys())
    if (!clusters.some((c) => c.name.toLowerCase() === name))
      s.unmatched.push(
        `No cluster of the input is called ${show(name)} (the clusters are named after their files).`,
      );
  return told;
}

/** Picks the operator's cluster: the one with OpenStack pods or openstack-helm node labels (or as told). */
export function chooseOperator(s: ImportState, clusters: readonly KubeCluster[]): KubeCluster | undefined {
  const told = toldRoles(s, clusters);
  const candidates: { c: KubeCluster; score: number; namespace?: string | undefined }[] = [];
  for (const c of clusters) {
    const t = told.get(c.name.toLowerCase());
    const ev = operatorEvidence(c);
    if (t === 'tenant') s.clusterRoles.set(c, 'tenant');
    else if (t === 'operator')
      candidates.push({ c, score: Number.MAX_SAFE_INTEGER, namespace: ev.namespace });
    else if (ev.pods > 0 || ev.labelledNodes > 0)
      candidates.push({ c, score: ev.pods + ev.labelledNodes, namespace: ev.namespace });
    else s.clusterRoles.set(c, 'tenant');
  }
  candidates.sort((a, b) => b.score - a.score);
  const [first, ...rest] = candidates;
  for (const r of rest) {
    s.clusterRoles.set(r.c, 'ignored');
    s.unmatched.push(
      `Cluster ${show(r.c.name)} also runs OpenStack (or has openstack-helm node labels), but a model has one operator cluster: ${show(first?.c.name ?? '')} is used and ${show(r.c.name)} is left out.`,
    );
  }
  if (!first) return undefined;
  s.clusterRoles.set(first.c, 'operator');
  s.operator = { cluster: first.c, namespace: first.namespace ?? 'openstack' };
  return first.c;
}

/** The operator's nodes as hosts, with the roles their openstack-helm labels give. */
export function readOperatorNodes(s: ImportState): void {
  if (!s.operator) return;
  const c = s.operator.cluster;
  const source = `kubectl nodes of ${c.name}`;
  for (const n of c.nodes) {
    const h = hostNamed(s, n.name, source);
    for (const [label, role] of NODE_LABEL_ROLES) if (n.labels.get(label) === 'enabled') h.roles.add(role);
    if (n.controlPlane) h.k8sControlPlane = true;
    h.cores ??= n.cpu;
    h.ramGiB ??= n.memoryGiB;
  }
  const labelled = c.nodes.filter((n) => NODE_LABEL_ROLES.some(([l]) => n.labels.get(l) === 'enabled'));
  s.matched.push(
    `Cluster ${show(c.name)} is the operator's Kubernetes (OpenStack in namespace ${show(s.operator.namespace)}): ${plural(c.nodes.length, 'node')}${labelled.length ? `, ${labelled.length} with openstack-helm role labels` : ''}.`,
  );
}

/** What became of the operator's pods, for the report. */
interface PodTally {
  jobs: number;
  finished: number;
  helpers: number;
  unscheduled: number;
  used: number;
  /** Pods outside OpenStack, by namespace. */
  other: Map<string, number>;
  /** Pods in OpenStack's namespace that are no process Stacklayers knows, by application. */
  unknownApps: Map<string, number>;
  /** Nodes pods run on that the nodes file does not list. */
  offNodes: Set<string>;
  /** Processes imported by their labels alone. */
  generic: string[];
}

/** The operator's pods as processes on its nodes. Returns pod name → node name (for services in pods). */
export function readOperatorPods(s: ImportState): Map<string, string> {
  const podNodes = new Map<string, string>();
  if (!s.operator) return podNodes;
  const { cluster: c, namespace } = s.operator;
  const source = `pods of ${c.name}`;
  const nodeNames = new Set(c.nodes.map((n) => n.name));
  const t: PodTally = {
    jobs: 0,
    finished: 0,
    helpers: 0,
    unscheduled: 0,
    used: 0,
    other: new Map(),
    unknownApps: new Map(),
    offNodes: new Set(),
    generic: [],
  };
  for (const pod of c.pods) {
    if (pod.nodeName) podNodes.set(pod.name, pod.nodeName);
    if (pod.ownerKind === 'Job' || pod.ownerKind === 'CronJob') {
      t.jobs++;
      continue;
    }
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') {
      t.finished++;
      continue;
    }
    const m = processOfPod(pod.labels);
    if (!('process' in m)) {
      if (m.skip === 'job') t.jobs++;
      else if (m.skip === 'infrastructure-extra') t.helpers++;
      else if (pod.namespace === namespace) {
        const app = pod.labels.get('application') ?? pod.labels.get('app') ?? pod.name;
        t.unknownApps.set(app, (t.unknownApps.get(app) ?? 0) + 1);
      } else t.other.set(pod.namespace, (t.other.get(pod.namespace) ?? 0) + 1);
      continue;
    }
    if (!pod.nodeName) {
      t.unscheduled++;
      continue;
    }
    if (c.hasNodeList && !nodeNames.has(pod.nodeName)) t.offNodes.add(pod.nodeName);
    const h = hostNamed(s, pod.nodeName, source);
    addProcess(s, m.process, h, source, ownerWorkloadKind(pod) ?? m.process.k8s, true);
    if (m.generic && !t.generic.includes(m.process.id)) t.generic.push(m.process.id);
    t.used++;
  }
  reportPods(s, c, namespace, t);
  return podNodes;
}

function reportPods(s: ImportState, c: KubeCluster, namespace: string, t: PodTally): void {
  const skipped: string[] = [];
  if (t.jobs) skipped.push(plural(t.jobs, 'job pod'));
  if (t.finished) skipped.push(plural(t.finished, 'finished pod'));
  if (t.helpers)
    skipped.push(`${plural(t.helpers, 'helper pod')} of the infrastructure charts (ingress, exporters…)`);
  if (t.other.size)
    skipped.push(
      `${plural(
        [...t.other.values()].reduce((a, b) => a + b, 0),
        'pod',
      )} outside OpenStack (${listNames([...t.other.keys()].sort(naturalCompare), 3)})`,
    );
  s.matched.push(
    `${plural(t.used, 'OpenStack pod')} of cluster ${show(c.name)} became ${plural([...s.procs.values()].filter((p) => p.pods > 0).length, 'process', 'processes')} on their nodes${skipped.length ? `; not drawn: ${skipped.join(', ')}` : ''}.`,
  );
  if (t.generic.length)
    s.matched.push(
      `Components Stacklayers has no entry for were imported by their labels as controller processes: ${listNames(t.generic)}.`,
    );
  if (t.unscheduled)
    s.unmatched.push(
      `${plural(t.unscheduled, 'OpenStack pod')} of cluster ${show(c.name)} ${t.unscheduled === 1 ? 'is' : 'are'} not scheduled to a node; left out.`,
    );
  if (t.unknownApps.size)
    s.unmatched.push(
      `Pods in namespace ${show(namespace)} that are no OpenStack process Stacklayers knows were left out: ${listNames([...t.unknownApps].map(([a, n]) => (n > 1 ? `${a} (${n})` : a)))}.`,
    );
  if (t.offNodes.size)
    s.unmatched.push(
      `Pods of cluster ${show(c.name)} run on ${plural(t.offNodes.size, 'node')} missing from its nodes file (${listNames([...t.offNodes])}); they are added as hosts.`,
    );
}
