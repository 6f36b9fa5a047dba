import type { SceneElement } from '../topology/scene';
import type { ElementBox } from './types';

/** An element drawn as a chip, and its natural width. */
export interface Chip {
  el: SceneElement;
  w: number;
}

/** Greedy rows of chips within `width`; each row is justified later. */
export function flowRows(chips: readonly Chip[], width: number, gap: number): Chip[][] {
  const rows: Chip[][] = [];
  let row: Chip[] = [];
  let used = 0;
  for (const chip of chips) {
    const w = Math.min(chip.w, width);
    if (row.length > 0 && used + gap + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? gap : 0) + w;
    row.push({ el: chip.el, w });
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Where a block of chip rows goes: its top-left, its width, a chip's height, the gap, and its parent box. */
export interface RowsFrame {
  x: number;
  y: number;
  width: number;
  h: number;
  gap: number;
  parent: string | undefined;
}

/** Lays out rows of chips justified to the frame's width from its top-left, appending the boxes to `out`. */
export function placeRows(
  rows: readonly Chip[][],
  f: RowsFrame,
  out: { push(box: ElementBox): unknown },
): void {
  rows.forEach((row, r) => {
    const natural = row.reduce((s, c) => s + c.w, 0) + f.gap * (row.length - 1);
    const extra = Math.max(0, f.width - natural) / row.length;
    let cx = f.x;
    const cy = f.y + r * (f.h + f.gap);
    row.forEach((c, i) => {
      // The last chip takes the rounding remainder so rows end flush.
      const w = i === row.length - 1 ? f.x + f.width - cx : Math.round(c.w + extra);
      out.push({
        id: c.el.id,
        kind: c.el.kind,
        layer: c.el.layer,
        x: cx,
        y: cy,
        w,
        h: f.h,
        parent: f.parent,
      });
      cx += w + f.gap;
    });
  });
}

/** The height of `n` rows of height `h` with `gap` between them. */
export const rowsHeight = (n: number, h: number, gap: number): number =>
  n === 0 ? 0 : n * h + (n - 1) * gap;
