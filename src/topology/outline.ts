import type { Scene, SceneElement } from './scene';

/** One entry of the outline: an element and what is listed under it. */
export interface OutlineItem {
  el: SceneElement;
  children: OutlineItem[];
}

/** A titled part of the outline. */
export interface OutlineSection {
  id: 'hardware' | 'clusters' | 'projects';
  title: string;
  items: OutlineItem[];
}

/** How deep "what runs on what" is listed under a host (a host, its VMs, their nodes, their pods, ...). */
const MAX_DEPTH = 5;

/**
 * The text alternative of a view, as the explain panel's outline lists it: the hardware and, nested, what runs
 * on each host; the Kubernetes clusters and their nodes; the projects and their resources. An element may be
 * listed twice (a VM under its host and under its project).
 */
export function outlineOf(scene: Scene): OutlineSection[] {
  const runsOnIt = new Map<string, SceneElement[]>();
  const nodesOf = new Map<string, SceneElement[]>();
  const membersOf = new Map<string, SceneElement[]>();
  const push = (map: Map<string, SceneElement[]>, key: string, el: SceneElement) => {
    const list = map.get(key);
    if (list) list.push(el);
    else map.set(key, [el]);
  };
  for (const el of scene.elements) {
    if (el.runsOn !== undefined && el.runsOn !== el.id) push(runsOnIt, el.runsOn, el);
    if (el.kind === 'k8s-node') push(nodesOf, el.cluster, el);
    if ('project' in el && el.kind !== 'tenant-cluster') push(membersOf, el.project, el);
  }
  const tree = (el: SceneElement, depth: number): OutlineItem => ({
    el,
    children: depth >= MAX_DEPTH ? [] : (runsOnIt.get(el.id) ?? []).map((child) => tree(child, depth + 1)),
  });
  const leaf = (el: SceneElement): OutlineItem => ({ el, children: [] });
  const of = (kind: (el: SceneElement) => boolean) => scene.elements.filter(kind);
  const clusters = of((e) => e.kind === 'operator-cluster' || e.kind === 'tenant-cluster');
  const sections: OutlineSection[] = [
    {
      id: 'hardware',
      title: 'Hardware and what runs on it',
      items: of((e) => e.kind === 'host').map((h) => tree(h, 0)),
    },
  ];
  if (clusters.length)
    sections.push({
      id: 'clusters',
      title: 'Kubernetes clusters',
      items: clusters.map((c) => ({ el: c, children: (nodesOf.get(c.id) ?? []).map(leaf) })),
    });
  sections.push({
    id: 'projects',
    title: 'Projects',
    items: of((e) => e.kind === 'project').map((p) => ({
      el: p,
      children: (membersOf.get(p.id) ?? []).map(leaf),
    })),
  });
  return sections;
}

/** An element's place in the outline's reading order. */
export interface OutlineStop {
  id: string;
  /** The element it is listed under where it is first listed (none at a section's top level). */
  parent: string | null;
}

/**
 * The outline read top to bottom, each element once, where it is first listed: the order in which the keyboard
 * moves through a diagram's elements.
 */
export function outlineOrder(scene: Scene): OutlineStop[] {
  const out: OutlineStop[] = [];
  const seen = new Set<string>();
  const visit = (item: OutlineItem, parent: string | null) => {
    if (!seen.has(item.el.id)) {
      seen.add(item.el.id);
      out.push({ id: item.el.id, parent });
    }
    for (const child of item.children) visit(child, item.el.id);
  };
  for (const section of outlineOf(scene)) for (const item of section.items) visit(item, null);
  return out;
}
