import type { Kind } from '../../kinds';
import { DRAWINGS } from '../../kinds/svg';
import type { ChipItem } from '../flow/toFlow';
import type { FarLabel, LabelInk, Pen } from './pen';

export type { LabelInk } from './pen';

/**
 * The labels of the far layer's boxes, seen from FAR_ZOOM to NEAR_ZOOM (render/flow/toFlow.ts): each box's text as
 * its element node or chip shows it (and as `sceneToSvg` draws it: the same places, sizes and weights, cut with
 * "…" by the same width table of Inter), drawn on the layer's canvas. Each kind writes its own label
 * (`kinds/<kind>/far.ts`, listed in `kinds/svg.ts`).
 */

/** The label of an item's box, by its kind's (the kind of `el` picks its label, so the call is sound). */
const label = (pen: Pen, item: ChipItem): void =>
  (DRAWINGS[item.el.kind].far as FarLabel<Kind>)(pen, item.el as never, item);

/**
 * Draws the labels of `items` on `ctx` (set to flow units). `inkOf(i)` gives the colours of item i (its box's
 * text colour, with its opacity already applied by the caller through globalAlpha), or null when the box is
 * not drawn. Returns how many boxes got text drawn.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  items: readonly ChipItem[],
  inkOf: (i: number) => { ink: LabelInk; alpha: number } | null,
): number {
  const pen: Pen = { ink: { text: '', muted: '', family: '' }, alpha: 1, runs: new Map(), texts: 0 };
  let labelled = 0;
  items.forEach((item, i) => {
    const look = inkOf(i);
    if (!look) return;
    pen.ink = look.ink;
    pen.alpha = look.alpha;
    const before = pen.texts;
    label(pen, item);
    if (pen.texts > before) labelled++;
  });
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const run of pen.runs.values()) {
    ctx.font = run.font;
    ctx.fillStyle = run.fill;
    ctx.globalAlpha = run.alpha;
    run.texts.forEach((t, k) => {
      ctx.fillText(t, run.at[2 * k] as number, run.at[2 * k + 1] as number);
    });
  }
  ctx.globalAlpha = 1;
  return labelled;
}
