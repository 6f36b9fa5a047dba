import { hostSubtitle } from '../../layout/layoutScene';
import { type FarLabel, foldedText, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';

/** A host's far-layer label: its name, roles, then its capacity or what is folded in it. */
export const hostFar: FarLabel<'host'> = (pen, el, item) => {
  const { x, y, w } = item.box;
  text(pen, el.name, x + 8, y + baseline(13, 12), 12, w - 16, { weight: 700 });
  const [roles = '', capacity = ''] = hostSubtitle(el);
  text(pen, roles, x + 8, y + baseline(27.5, 10), 10, w - 16);
  const third = item.folded !== undefined ? foldedText(item.folded, 'nothing') : capacity;
  if (third)
    text(pen, third, x + 8, y + baseline(40.5, 10), 10, w - 16, {
      muted: true,
      italic: item.folded !== undefined,
    });
};
