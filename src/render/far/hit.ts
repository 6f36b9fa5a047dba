import type { ChipItem } from '../flow/toFlow';

/**
 * Which box of the far layer is under a point, for clicks, hover and the details card: each far canvas
 * registers its boxes and its origin and width in flow units as it draws (FarCanvas.tsx).
 */

export interface FarHit {
  items: readonly ChipItem[];
  /** The canvas's origin and width in flow units. */
  x: number;
  y: number;
  width: number;
}

const hitBoxes = new WeakMap<Element, FarHit>();

/** Notes what a far canvas draws, for the look-ups below. */
export function registerFarCanvas(canvas: Element, hit: FarHit): void {
  hitBoxes.set(canvas, hit);
}

/** The innermost box containing the flow point (px, py): children come after their parents. */
export function boxAt(items: readonly ChipItem[], px: number, py: number): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const b = (items[i] as ChipItem).box;
    if (px >= b.x && px <= b.x + b.w && py >= b.y && py <= b.y + b.h) return b.id;
  }
  return null;
}

/** The zoom a canvas is seen at: its size on screen over its size in flow units. */
const zoomOf = (rect: DOMRect, hit: FarHit) => rect.width / hit.width;

/**
 * The element under a point of a far canvas (the innermost box there), or null when the point is on no box
 * or `target` is not a far canvas.
 */
export function farElementAt(target: EventTarget | null, clientX: number, clientY: number): string | null {
  if (!(target instanceof Element)) return null;
  const hit = hitBoxes.get(target);
  if (!hit) return null;
  const r = target.getBoundingClientRect();
  const zoom = zoomOf(r, hit);
  return boxAt(hit.items, hit.x + (clientX - r.left) / zoom, hit.y + (clientY - r.top) / zoom);
}

/** Where a box of a far canvas in `root` is on screen, with that canvas; null when no far canvas draws it. */
export function farBoxOnScreen(
  root: Document | ShadowRoot,
  id: string,
): { canvas: Element; left: number; top: number; width: number; height: number } | null {
  for (const canvas of root.querySelectorAll('canvas.sl-far-canvas')) {
    const hit = hitBoxes.get(canvas);
    const box = hit?.items.find((item) => item.box.id === id)?.box;
    if (!hit || !box) continue;
    const r = canvas.getBoundingClientRect();
    const zoom = zoomOf(r, hit);
    return {
      canvas,
      left: r.left + (box.x - hit.x) * zoom,
      top: r.top + (box.y - hit.y) * zoom,
      width: box.w * zoom,
      height: box.h * zoom,
    };
  }
  return null;
}
