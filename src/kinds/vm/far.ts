import { type FarLabel, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';

/** A VM's far-layer label: its name, its flavor and host. */
export const vmFar: FarLabel<'vm'> = (pen, el, item) => {
  const { x, y, w } = item.box;
  text(pen, el.name, x + 8, y + baseline(12.5, 11), 11, w - 16, { weight: 700 });
  text(
    pen,
    `${el.flavor} · ${el.host}${el.placement === 'derived' ? '*' : ''}`,
    x + 8,
    y + baseline(26.5, 10),
    10,
    w - 16,
    { muted: true },
  );
};
