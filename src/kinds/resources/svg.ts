import { resourceLabel } from '../../layout/layoutScene';
import { textWidth } from '../../layout/text';
import type { Ctx, DrawBox } from '../../render/svg/body';
import { baseline, line, num, rect } from '../../render/svg/primitives';
import type { ElementOf } from '../types';

type ResourceKind = 'network' | 'load-balancer' | 'volume';

const GLYPH: Readonly<Record<ResourceKind, string>> = { network: '⇄', 'load-balancer': '⚖', volume: '▤' };

/** A project's network, load balancer or volume: its glyph, then its name (a network's with its CIDR). */
function resourceSvg(ctx: Ctx, el: ElementOf<ResourceKind>, w: number, h: number): string {
  const { p } = ctx;
  let s = rect(0, 0, w, h, 4, { fill: p.box, stroke: p.line });
  const glyph = GLYPH[el.kind];
  const y = baseline(h / 2, 10);
  s += `<text x="7" y="${num(y)}" font-size="10" fill="${p.muted}">${glyph}</text>`;
  const x = 7 + textWidth(glyph, 10) + 4;
  s += line(x, y, [{ text: resourceLabel(el), size: 10 }], w - x - 7);
  return s;
}

export const networkSvg: DrawBox<'network'> = resourceSvg;
export const loadBalancerSvg: DrawBox<'load-balancer'> = resourceSvg;
export const volumeSvg: DrawBox<'volume'> = resourceSvg;
