import type { Scene } from '../../topology/scene';
import type { LayoutBox, LayoutEdge } from '../types';

/**
 * Stage 5: edges. Each VM to the host it runs on (or to the folded group holding that host), ending at the top
 * of what is drawn in that host's column.
 */
export function runsOnEdges(
  scene: Scene,
  byId: ReadonlyMap<string, LayoutBox>,
  columnOf: ReadonlyMap<string, string>,
  columnTop: ReadonlyMap<string, number>,
): LayoutEdge[] {
  const edges: LayoutEdge[] = [];
  for (const r of scene.relations) {
    if (r.kind !== 'runs-on') continue;
    const from = byId.get(r.from);
    const target = columnOf.get(r.to) ?? r.to;
    const to = byId.get(target);
    if (!from || !to || from.kind !== 'vm' || (to.kind !== 'host' && to.kind !== 'host-group')) continue;
    edges.push({
      id: r.id,
      kind: r.kind,
      from: r.from,
      to: target,
      points: [
        { x: from.x + from.w / 2, y: from.y + from.h },
        { x: to.x + to.w / 2, y: columnTop.get(target) ?? to.y },
      ],
    });
  }
  return edges;
}
