import { type FarLabel, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';

/** A service instance's far-layer label: its name, after the chip's mark. */
export const serviceFar: FarLabel<'service'> = (pen, el, item) => {
  const { x, y, w, h } = item.box;
  text(pen, el.name, x + 16, y + baseline(h / 2, 10), 10, w - 22);
};
