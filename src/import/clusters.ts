import type { WorkloadKind } from '../model/schema';
import { NODE_LABEL_ROLES, processOfPod } from './catalog';
import { listNames, mostCommon, show } from './fields';
import type { K8sNode, K8sPod, ParsedFile } from './parse';

/** One Kubernetes cluster of the input: the nodes and pods of its files. */
export interface KubeCluster {
  /** From the files' common name prefix (`undercloud-nodes.json` → `undercloud`), else `cluster`, `cluster-2`… */
  name: string;
  files: string[];
  nodes: K8sNode[];
  pods: K8sPod[];
  /** Whether its nodes came from a nodes file (else they are only the pods' `spec.nodeName`s). */
  hasNodeList: boolean;
}

/**
 * The cluster a file name says: the base name without `.json` and without a trailing `nodes` / `pods`
 * (`undercloud-nodes.json`, `undercloud_pods.json`, `tenant-a.nodes.json`). Empty when the name is only that.
 */
export function clusterPrefix(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base
    .replace(/\.json$/i, '')
    .replace(/(^|[-_.\s])(nodes?|pods?|nodes?[-_]pods?|kubectl[-_]get[-_](nodes?|pods?))$/i, '')
    .replace(/[-_.\s]+$/, '');
}

/**
 * Groups the kubectl files into clusters: a nodes file and a pods file with the same prefix are one
 * cluster; a pods file without a partner joins the nodes file whose node names its pods run on; what is
 * left is a cluster of its own.
 */
export function groupClusters(files: readonly ParsedFile[], notes: string[]): KubeCluster[] {
  const clusters: KubeCluster[] = [];
  const byPrefix = new Map<string, KubeCluster>();
  const podFiles: { file: ParsedFile; prefix: string; nodes: K8sNode[]; pods: K8sPod[] }[] = [];
  for (const f of files) {
    const d = f.data;
    if (!d || !('nodes' in d)) continue;
    const prefix = clusterPrefix(f.name);
    if (d.nodes.length > 0) {
      const existing = prefix ? byPrefix.get(prefix) : undefined;
      if (existing) {
        existing.files.push(f.name);
        // Not push(...list): a spread of 100,000+ pods overflows the stack.
        for (const n of d.nodes) existing.nodes.push(n);
        for (const p of d.pods) existing.pods.push(p);
        existing.hasNodeList = true;
        continue;
      }
      const c: KubeCluster = {
        name: prefix,
        files: [f.name],
        nodes: [...d.nodes],
        pods: [...d.pods],
        hasNodeList: true,
      };
      clusters.push(c);
      if (prefix) byPrefix.set(prefix, c);
    } else podFiles.push({ file: f, prefix, nodes: d.nodes, pods: d.pods });
  }
  for (const pf of podFiles) {
    let target = pf.prefix ? byPrefix.get(pf.prefix) : undefined;
    if (!target) {
      // By node names: the cluster whose nodes run most of these pods.
      let best = 0;
      for (const c of clusters) {
        if (!c.hasNodeList) continue;
        const names = new Set(c.nodes.map((n) => n.name));
        const hits = pf.pods.filter((p) => p.nodeName !== undefined && names.has(p.nodeName)).length;
        if (hits > best) {
          best = hits;
          target = c;
        }
      }
      if (target)
        notes.push(
          `${show(pf.file.name)} has no nodes file of the same name; its pods run on the nodes of ${show(target.files[0] ?? '')}, so they are one cluster.`,
        );
    }
    if (target) {
      target.files.push(pf.file.name);
      for (const p of pf.pods) target.pods.push(p);
      continue;
    }
    const c: KubeCluster = {
      name: pf.prefix,
      files: [pf.file.name],
      nodes: [],
      pods: [...pf.pods],
      hasNodeList: false,
    };
    clusters.push(c);
    if (pf.prefix) byPrefix.set(pf.prefix, c);
  }
  // Unnamed clusters and clashes get `cluster`, `cluster-2`…
  const used = new Set<string>();
  for (const c of clusters) {
    let name = c.name || 'cluster';
    const base = name;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    used.add(name.toLowerCase());
    c.name = name;
  }
  // A cluster known only from pods: its nodes are the pods' nodes.
  for (const c of clusters) {
    if (c.hasNodeList) continue;
    const seen = new Set<string>();
    for (const p of c.pods)
      if (p.nodeName !== undefined && !seen.has(p.nodeName)) {
        seen.add(p.nodeName);
        c.nodes.push({ name: p.nodeName, labels: new Map(), annotations: new Map(), controlPlane: false });
      }
    if (c.nodes.length > 0)
      notes.push(
        `Cluster ${show(c.name)} has no nodes file: its ${c.nodes.length} nodes are the ones its pods run on (${listNames(c.nodes.map((n) => n.name))}).`,
      );
  }
  return clusters;
}

/** How strongly a cluster looks like the operator's: OpenStack pods and openstack-helm node labels. */
export function operatorEvidence(c: KubeCluster): {
  pods: number;
  labelledNodes: number;
  namespace?: string;
} {
  let pods = 0;
  const namespaces = new Map<string, number>();
  for (const p of c.pods) {
    const m = processOfPod(p.labels);
    if ('process' in m || (m.skip !== 'not-openstack' && p.namespace === 'openstack')) {
      if ('process' in m) pods++;
      namespaces.set(p.namespace, (namespaces.get(p.namespace) ?? 0) + 1);
    }
  }
  const labelledNodes = c.nodes.filter((n) =>
    NODE_LABEL_ROLES.some(([label]) => n.labels.get(label) === 'enabled'),
  ).length;
  return { pods, labelledNodes, namespace: mostCommon(namespaces) };
}

/**
 * The server id in a node's `spec.providerID`: `openstack:///<id>` or, with a region, `openstack://<region>/<id>` (cloud-provider-openstack's form; three slashes before a region are accepted too).
 * Undefined for other providers (or none).
 */
export function serverIdOfProviderId(providerID: string | undefined): string | undefined {
  if (!providerID) return undefined;
  const m = /^openstack:\/\/(.*)$/i.exec(providerID.trim());
  if (!m) return undefined;
  const parts = (m[1] ?? '').split('/').filter((s) => s !== '');
  return parts[parts.length - 1];
}

/** Namespaces of a cluster's own machinery, whose pods are not the tenant's workloads. */
const isSystemNamespace = (ns: string): boolean =>
  /^kube-/.test(ns) || /-system$/.test(ns) || ['tigera-operator', 'cert-manager', 'openstack'].includes(ns);

/** A tenant workload from its pods: Deployments (through ReplicaSets), StatefulSets, DaemonSets. */
export interface WorkloadRec {
  namespace: string;
  name: string;
  kind: WorkloadKind;
  pods: number;
}

/** The Deployment of a ReplicaSet: its name without the pod-template hash. */
function deploymentOf(pod: K8sPod): string | undefined {
  const rs = pod.ownerName;
  if (!rs) return undefined;
  const hash = pod.labels.get('pod-template-hash');
  if (hash && rs.endsWith(`-${hash}`)) return rs.slice(0, -hash.length - 1);
  const m = /^(.+)-[a-z0-9]{5,10}$/.exec(rs);
  return m ? m[1] : rs;
}

export function workloadsOf(pods: readonly K8sPod[]): WorkloadRec[] {
  const out = new Map<string, WorkloadRec>();
  for (const p of pods) {
    if (isSystemNamespace(p.namespace) || p.phase === 'Succeeded' || p.phase === 'Failed') continue;
    let kind: WorkloadKind | undefined;
    let name: string | undefined;
    if (p.ownerKind === 'ReplicaSet') {
      kind = 'Deployment';
      name = deploymentOf(p);
    } else if (p.ownerKind === 'StatefulSet' || p.ownerKind === 'DaemonSet') {
      kind = p.ownerKind;
      name = p.ownerName;
    }
    if (!kind || !name) continue;
    const key = `${p.namespace}\u0000${kind}\u0000${name}`;
    const w = out.get(key);
    if (w) w.pods++;
    else out.set(key, { namespace: p.namespace, name, kind, pods: 1 });
  }
  return [...out.values()];
}

/** The workload kind of an operator pod's owner (ReplicaSet: Deployment). */
export function ownerWorkloadKind(pod: K8sPod): WorkloadKind | undefined {
  if (pod.ownerKind === 'ReplicaSet' || pod.ownerKind === 'Deployment') return 'Deployment';
  if (pod.ownerKind === 'StatefulSet' || pod.ownerKind === 'DaemonSet') return pod.ownerKind;
  return undefined;
}
