import type { ElementOf, Kind } from '../../kinds';
import type { Layout } from '../../layout/layoutScene';
import { foldedSummary } from '../describe';
import type { Palette } from './palette';

/** What a kind's SVG body is drawn with: the document's palette, and the layout (its folds and its scene). */
export interface Ctx {
  p: Palette;
  layout: Layout;
}

/**
 * Draws an element of one kind inside its box (`w` × `h`, coordinates relative to the box): a kind's SVG body
 * (`kinds/<kind>/svg.ts`), as its React body draws it.
 */
export type DrawBox<K extends Kind> = (ctx: Ctx, el: ElementOf<K>, w: number, h: number) => string;

/** What a folded box holds, in words; undefined when the box is not folded. */
export function folded(ctx: Ctx, id: string): string | undefined {
  return ctx.layout.collapsed.has(id) ? foldedSummary(ctx.layout.scene, id) : undefined;
}
