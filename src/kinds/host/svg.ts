import { hostSubtitle } from '../../layout/layoutScene';
import { textWidth } from '../../layout/text';
import { type DrawBox, folded } from '../../render/svg/body';
import { baseline, fitText, foldedLine, line, oneLine, rect } from '../../render/svg/primitives';

/** A host: its name (and rack), its roles, then its capacity or what is folded in it. */
export const hostSvg: DrawBox<'host'> = (ctx, el, w, h) => {
  const { p } = ctx;
  // The border is 1px with a 3px bottom: a box of the border colour with the face inset.
  let s = rect(0, 0, w, h, 6, { fill: p.hostBorder }) + rect(1, 1, w - 2, h - 4, 5, { fill: p.hostBg });
  const inner = w - 16;
  let nameW = inner;
  if (el.rack) {
    const rack = fitText(oneLine(el.rack), 9, false, Math.max(24, inner / 2) - 10);
    const rw = textWidth(rack, 9) + 10;
    const rx = w - 8 - rw;
    s += rect(rx, 6, rw, 14, 3, { fill: p.hostBg, stroke: p.line });
    s += line(rx + 5, baseline(13, 9), [{ text: rack, size: 9, fill: p.muted }], rw - 8);
    nameW = inner - rw - 4;
  }
  s += line(8, baseline(13, 12), [{ text: el.name, size: 12, weight: 700 }], nameW);
  const [roles = '', capacity = ''] = hostSubtitle(el);
  s += line(8, baseline(27.5, 10), [{ text: roles, size: 10 }], inner);
  const summary = folded(ctx, el.id);
  if (summary !== undefined)
    s += foldedLine(
      8,
      baseline(40.5, 10),
      { text: `${summary || 'nothing'} folded`, fill: p.muted, italic: true },
      inner,
    );
  else if (capacity) s += line(8, baseline(40.5, 10), [{ text: capacity, fill: p.muted }], inner);
  return s;
};
