import { kindLabel } from '../kinds';

export { kindLabel };

import type { Scene, SceneElement } from '../topology/scene';
import { count } from '../topology/words';

/** A one-line accessible label: name, kind and what it runs on. */
export function ariaLabelOf(el: SceneElement): string {
  const on = el.runsOn ? ` on ${el.runsOn.replace(/^.*\//, '')}` : '';
  return `${el.name}, ${kindLabel(el)}${on}`;
}

const summaries = new WeakMap<Scene, Map<string, string>>();

/** What a folded host, project or cluster holds, in a few words ("12 pods", "3 VMs · 1 volume"). */
export function foldedSummary(scene: Scene, id: string): string {
  let map = summaries.get(scene);
  if (!map) {
    map = buildSummaries(scene);
    summaries.set(scene, map);
  }
  return map.get(id) ?? '';
}

function buildSummaries(scene: Scene): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  const add = (id: string, what: string) => {
    let m = tally.get(id);
    if (!m) {
      m = new Map();
      tally.set(id, m);
    }
    m.set(what, (m.get(what) ?? 0) + 1);
  };
  for (const el of scene.elements) {
    if (el.kind === 'service') add(el.host, el.form === 'pod' ? 'pod' : 'service');
    if (el.kind === 'vm' || el.kind === 'volume' || el.kind === 'load-balancer' || el.kind === 'network')
      add(el.project, el.kind);
    if (el.kind === 'tenant-cluster') add(el.project, 'cluster');
    if (el.kind === 'k8s-node') add(el.cluster, 'node');
    if (el.kind === 'pod') {
      const node = scene.byId.get(el.runsOn);
      if (node?.kind === 'k8s-node') add(node.cluster, 'pod');
    }
    if (el.kind === 'service' && el.form === 'pod') {
      const node = scene.byId.get(el.runsOn);
      if (node?.kind === 'k8s-node') add(node.cluster, 'pod');
    }
  }
  const words: [string, string, string?][] = [
    ['service', 'service'],
    ['pod', 'pod'],
    ['node', 'node'],
    ['vm', 'VM'],
    ['cluster', 'Kubernetes cluster'],
    ['load-balancer', 'load balancer'],
    ['volume', 'volume'],
    ['network', 'network'],
  ];
  const out = new Map<string, string>();
  for (const [id, m] of tally)
    out.set(
      id,
      words
        .filter(([k]) => m.has(k))
        .map(([k, one, many]) => count(m.get(k) ?? 0, one, many))
        .join(' · '),
    );
  return out;
}
