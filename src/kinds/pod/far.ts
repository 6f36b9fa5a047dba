import { type FarLabel, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';

/** A pod's far-layer label: its name, after the pill's mark. */
export const podFar: FarLabel<'pod'> = (pen, el, item) => {
  const { x, y, w, h } = item.box;
  text(pen, el.name, x + 17, y + baseline(h / 2, 10), 10, w - 22);
};
