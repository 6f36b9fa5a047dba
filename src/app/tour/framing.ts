/**
 * Framing a tour step: which part of the canvas no overlay covers, and the viewport that fits what the step
 * speaks of into it. Pure functions of rectangles (no DOM, no React), unit-tested in framing.test.ts.
 *
 * Coordinates: the canvas is the diagram's container, (0, 0) at its top left; overlays are given in the same
 * coordinates; the target is in diagram coordinates (the layout's). A viewport maps diagram to canvas:
 * canvas = diagram * zoom + (x, y), as React Flow's.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FrameOptions {
  /** Space kept around the target inside the free area, in canvas pixels. */
  padding?: number;
  minZoom?: number;
  maxZoom?: number;
}

const EPS = 0.5;

/** Whether two rectangles overlap (touching edges do not). */
export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width - EPS &&
    b.x < a.x + a.width - EPS &&
    a.y < b.y + b.height - EPS &&
    b.y < a.y + a.height - EPS
  );
}

/** The part of `r` inside `bounds` (zero-sized when outside). */
function clip(r: Rect, bounds: Rect): Rect {
  const x = Math.max(r.x, bounds.x);
  const y = Math.max(r.y, bounds.y);
  const right = Math.min(r.x + r.width, bounds.x + bounds.width);
  const bottom = Math.min(r.y + r.height, bounds.y + bounds.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** The zoom at which a target of tw x th fits a w x h area with `padding` on every side (0 if it cannot). */
function fitZoom(tw: number, th: number, w: number, h: number, padding: number): number {
  const aw = w - 2 * padding;
  const ah = h - 2 * padding;
  if (aw <= 0 || ah <= 0) return 0;
  return Math.min(aw / Math.max(tw, 1), ah / Math.max(th, 1));
}

/**
 * The free rectangle of `canvas` (no overlay in it) in which a target of the given size can be shown
 * largest. Candidates are the rectangles whose edges lie on the canvas's or the overlays' edges; among
 * those that touch no overlay, the one with the largest fit zoom wins (then the larger area). With no free
 * space at all (overlays cover everything), the whole canvas.
 */
export function largestFreeRect(
  canvas: { width: number; height: number },
  overlays: readonly Rect[],
  target: { width: number; height: number },
  padding = 0,
): Rect {
  const bounds: Rect = { x: 0, y: 0, width: canvas.width, height: canvas.height };
  const blocks = overlays.map((o) => clip(o, bounds)).filter((o) => o.width > EPS && o.height > EPS);
  if (blocks.length === 0) return bounds;
  const xs = uniqueSorted([0, canvas.width, ...blocks.flatMap((b) => [b.x, b.x + b.width])]);
  const ys = uniqueSorted([0, canvas.height, ...blocks.flatMap((b) => [b.y, b.y + b.height])]);
  let best: Rect | undefined;
  let bestZoom = -1;
  let bestArea = -1;
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      for (let k = 0; k < ys.length; k++)
        for (let l = k + 1; l < ys.length; l++) {
          const r: Rect = {
            x: xs[i] as number,
            y: ys[k] as number,
            width: (xs[j] as number) - (xs[i] as number),
            height: (ys[l] as number) - (ys[k] as number),
          };
          if (blocks.some((b) => intersects(r, b))) continue;
          const zoom = fitZoom(target.width, target.height, r.width, r.height, padding);
          const area = r.width * r.height;
          if (zoom > bestZoom + 1e-9 || (Math.abs(zoom - bestZoom) <= 1e-9 && area > bestArea)) {
            best = r;
            bestZoom = zoom;
            bestArea = area;
          }
        }
  return best ?? bounds;
}

function uniqueSorted(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v - (sorted[i - 1] as number) > EPS);
}

/**
 * The viewport that shows `target` (diagram coordinates) as large as it fits in the free part of the canvas,
 * centred there. The padding shrinks on small areas (never more than a tenth of the free side), so a phone
 * keeps the target whole rather than the margin.
 */
export function frameViewport(
  target: Rect,
  canvas: { width: number; height: number },
  overlays: readonly Rect[],
  options: FrameOptions = {},
): { viewport: Viewport; free: Rect } {
  const wanted = options.padding ?? 24;
  const free = largestFreeRect(canvas, overlays, target, 0);
  const padding = Math.min(wanted, free.width / 10, free.height / 10);
  let zoom = fitZoom(target.width, target.height, free.width, free.height, padding);
  zoom = Math.min(options.maxZoom ?? 1.5, Math.max(options.minZoom ?? 0.02, zoom));
  const x = free.x + (free.width - target.width * zoom) / 2 - target.x * zoom;
  const y = free.y + (free.height - target.height * zoom) / 2 - target.y * zoom;
  return { viewport: { x, y, zoom }, free };
}

/** Where a diagram rectangle lands on the canvas under a viewport. */
export function toCanvas(r: Rect, v: Viewport): Rect {
  return { x: r.x * v.zoom + v.x, y: r.y * v.zoom + v.y, width: r.width * v.zoom, height: r.height * v.zoom };
}

export type CardPlacement = 'side' | 'bottom';

/**
 * Where the tour's card goes for a target: beside the diagram (a column on the right) or below it (a strip
 * at the bottom), whichever leaves the target larger. A narrow canvas always takes the bottom (a sheet).
 */
export function chooseCardPlacement(
  target: { width: number; height: number },
  canvas: { width: number; height: number },
  card: { sideWidth: number; bottomHeight: number; narrowBelow: number },
): CardPlacement {
  if (canvas.width < card.narrowBelow) return 'bottom';
  const side = fitZoom(target.width, target.height, canvas.width - card.sideWidth, canvas.height, 16);
  const bottom = fitZoom(target.width, target.height, canvas.width, canvas.height - card.bottomHeight, 16);
  return side > bottom * 1.05 ? 'side' : 'bottom';
}
