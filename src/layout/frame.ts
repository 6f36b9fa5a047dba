import { runningOn } from '../topology/explain';
import type { Layout } from './layoutScene';

/** A rectangle in diagram coordinates. */
export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a tour step frames, in diagram coordinates: the boxes of the elements it names, each with what stands
 * on it in its column (a host's services, operator node and pods: "ctl1" means the controller as the
 * diagram draws it; its VMs, drawn in the tenant bands, are not pulled in). Elements not drawn (inside a
 * folded box) are skipped. Nothing named, or nothing drawn: the whole diagram.
 */
export function frameTarget(layout: Layout, ids: readonly string[]): FrameRect {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const add = (b: { x: number; y: number; w: number; h: number }) => {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  };
  for (const id of ids) {
    const b = layout.byId.get(id);
    if (!b) continue;
    add(b);
    for (const above of runningOn(layout.scene, id)) {
      const a = layout.byId.get(above.id);
      if (a && a.x >= b.x - 0.5 && a.x + a.w <= b.x + b.w + 0.5) add(a);
    }
  }
  if (x1 < x0) return { x: 0, y: 0, width: layout.width, height: layout.height };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
