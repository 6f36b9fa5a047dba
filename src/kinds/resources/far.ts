import { resourceLabel } from '../../layout/layoutScene';
import { type FarItem, type Pen, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';
import type { ElementOf } from '../types';

/** A project's network, load balancer or volume, on the far layer: its name, after the glyph. */
export function resourceFar(
  pen: Pen,
  el: ElementOf<'network' | 'load-balancer' | 'volume'>,
  item: FarItem,
): void {
  const { x, y, w, h } = item.box;
  text(pen, resourceLabel(el), x + 18, y + baseline(h / 2, 10), 10, w - 25);
}
