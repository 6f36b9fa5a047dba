import type { ElementOf, Kind } from '../../kinds';
import { textWidth } from '../../layout/text';
import { fitText, oneLine } from '../svg/primitives';

// The pen that the far layer's labels are written with: each kind's label (`kinds/<kind>/far.ts`) writes its
// runs of text with `text`, and `drawLabels` (labels.ts) draws them.

/** The colours a label is drawn in: the box's text colour (from the page's CSS), and the muted one. */
export interface LabelInk {
  text: string;
  muted: string;
  /** The page's font family for the diagram (Inter first). */
  family: string;
}

/**
 * Collects the labels' runs of text by font, colour and opacity, to draw each group at once: a canvas
 * resolves every font it is given anew, and switching between a name's bold and a detail's regular weight box
 * after box cost more than drawing the text.
 */
export interface Pen {
  ink: LabelInk;
  alpha: number;
  runs: Map<string, { font: string; fill: string; alpha: number; texts: string[]; at: number[] }>;
  /** How many runs of text were collected. */
  texts: number;
}

type Weight = 400 | 600 | 700;

export function text(
  pen: Pen,
  value: string,
  x: number,
  y: number,
  size: number,
  maxW: number,
  options: { weight?: Weight; muted?: boolean; italic?: boolean } = {},
): number {
  const weight = options.weight ?? 400;
  const shown = fitText(oneLine(value), size, weight >= 600, maxW);
  if (shown === '') return 0;
  const font = `${options.italic ? 'italic ' : ''}${weight} ${size}px ${pen.ink.family}`;
  const fill = options.muted ? pen.ink.muted : pen.ink.text;
  const key = `${font}|${fill}|${pen.alpha}`;
  let run = pen.runs.get(key);
  if (!run) {
    run = { font, fill, alpha: pen.alpha, texts: [], at: [] };
    pen.runs.set(key, run);
  }
  run.texts.push(shown);
  run.at.push(x, y);
  pen.texts++;
  return textWidth(shown, size, weight >= 600);
}

/** A folded box's line: what it holds, in words. */
export const foldedText = (summary: string, none: string) => `› ${summary || none} folded`;

/**
 * Writes the far-layer label of an element of one kind (`kinds/<kind>/far.ts`), `item` its box (and what is
 * folded in it), with `pen`: its text as its React body shows it, at the same places, sizes and weights.
 */
export type FarLabel<K extends Kind> = (pen: Pen, el: ElementOf<K>, item: FarItem) => void;

/** A box of the far layer (an element's box, or a chip's), and what is folded in it. */
export interface FarItem {
  box: { x: number; y: number; w: number; h: number };
  folded?: string | undefined;
}
