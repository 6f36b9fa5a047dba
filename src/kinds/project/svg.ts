import { textWidth } from '../../layout/text';
import { type DrawBox, folded } from '../../render/svg/body';
import { baseline, foldedLine, line, rect } from '../../render/svg/primitives';

/** A project: its head (PROJECT, its name, its owner), and what is folded in it. */
export const projectSvg: DrawBox<'project'> = (ctx, el, w, h) => {
  const { p } = ctx;
  const operator = el.owner === 'operator';
  let s = rect(0, 0, w, h, 6, {
    fill: p.projectBg,
    stroke: operator ? p.projectOperatorBorder : p.projectBorder,
    sw: 1.5,
    ...(operator ? { dashed: '4 3' } : {}),
  });
  const y = 18;
  const owner = operator ? 'operator' : 'tenant';
  const ownerW = textWidth(owner, 10);
  s += line(w - 9.5, y, [{ text: owner, fill: p.muted }], ownerW, 'end');
  s += line(
    9.5,
    y,
    [
      { text: 'PROJECT', size: 9, fill: p.muted, spacing: 0.45 },
      { text: el.name, size: 12, weight: 700, gap: 6 },
    ],
    w - 19 - ownerW - 6,
  );
  const summary = folded(ctx, el.id);
  if (summary !== undefined)
    s += foldedLine(9.5, baseline(1.5 + 22 + 8, 10), { text: summary || 'empty', fill: p.muted }, w - 19);
  return s;
};
