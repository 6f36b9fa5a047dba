import type { DrawBox } from '../../render/svg/body';
import { baseline, line, rect, SPACE_EM } from '../../render/svg/primitives';

/** A VM: its name, its flavor and host (`*`: placed by the derivation); dashed when it is an Octavia amphora. */
export const vmSvg: DrawBox<'vm'> = (ctx, el, w, h) => {
  const { p } = ctx;
  let s = rect(0, 0, w, h, 5, {
    fill: p.vmBg,
    stroke: p.vmBorder,
    ...(el.amphoraOf.length > 0 ? { dashed: '3 2' } : {}),
  });
  s += line(8, baseline(5 + 7.5, 11), [{ text: el.name, size: 11, weight: 700 }], w - 16);
  s += line(
    8,
    baseline(20 + 6.5, 10),
    [
      { text: `${el.flavor} ·`, fill: p.muted },
      { text: el.host, weight: 600, gap: SPACE_EM * 10 },
      ...(el.placement === 'derived' ? [{ text: '*', fill: p.muted }] : []),
    ],
    w - 16,
  );
  return s;
};
