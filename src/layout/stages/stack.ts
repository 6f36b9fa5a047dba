import type { Layer } from '../../topology/scene';
import { SIZES as S } from '../sizes';
import type { LayoutBand, LayoutBox } from '../types';

/** The diagram as it is built, top to bottom: bands so far, their boxes, and where the next band goes. */
export interface Stack {
  width: number;
  /** The top of the next band. */
  y: number;
  bands: LayoutBand[];
  /** Parents before their children. */
  boxes: LayoutBox[];
  /** The top of what is drawn in each host column (where a VM's runs-on edge ends), by column id. */
  columnTop: Map<string, number>;
}

/** An empty diagram `width` wide. */
export function newStack(width: number): Stack {
  return { width, y: S.margin, bands: [], boxes: [], columnTop: new Map() };
}

/** Adds a full-width band of height `h` under the bands so far. */
export function addBand(
  s: Stack,
  id: string,
  layer: Layer,
  label: string,
  sublabel: string,
  h: number,
): LayoutBand {
  const b: LayoutBand = { id, layer, label, sublabel, x: 0, y: s.y, w: s.width, h };
  s.bands.push(b);
  s.y += h;
  return b;
}
