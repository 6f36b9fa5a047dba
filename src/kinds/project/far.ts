import { textWidth } from '../../layout/text';
import { type FarLabel, foldedText, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';

/** A project's far-layer label: its head (PROJECT, its name, its owner) and what is folded in it. */
export const projectFar: FarLabel<'project'> = (pen, el, item) => {
  const { x, y, w } = item.box;
  const owner = el.owner === 'operator' ? 'operator' : 'tenant';
  const ownerW = textWidth(owner, 10);
  text(pen, owner, x + w - 9.5 - ownerW, y + 18, 10, ownerW, { muted: true });
  const lead = text(pen, 'PROJECT', x + 9.5, y + 18, 9, w - 19, { muted: true });
  text(pen, el.name, x + 9.5 + lead + 6, y + 18, 12, w - 19 - lead - 6 - ownerW - 6, { weight: 700 });
  if (item.folded !== undefined)
    text(pen, foldedText(item.folded, 'empty'), x + 9.5, y + baseline(31.5, 10), 10, w - 19, {
      muted: true,
    });
};
