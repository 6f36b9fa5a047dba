import type { Kind } from '../../kinds';
import { DRAWINGS } from '../../kinds/svg';
import { type LayoutBand, type LayoutBox, resourceLabel } from '../../layout/layoutScene';
import type { SceneElement } from '../../topology/scene';
import { kindLabel } from '../describe';
import type { Ctx, DrawBox } from './body';
import type { Palette } from './palette';
import { baseline, escapeXml, line, num } from './primitives';

// ---------------------------------------------------------------------------------------------------------
// Boxes: each drawn by its kind's SVG body (`kinds/<kind>/svg.ts`), in a nested viewport of its own.

/** `highlight`: a ring; `failed`: red outline and tint; `down`: greyed (stopped by a failure); `dim`: faded. */
export type SvgMark = 'highlight' | 'failed' | 'down' | 'dim';

/** The element's own drawing, by its kind's SVG body (the kind of `el` picks its body, so the call is sound). */
const boxContent = (ctx: Ctx, el: SceneElement, w: number, h: number): string =>
  (DRAWINGS[el.kind].svg as DrawBox<Kind>)(ctx, el as never, w, h);

/** The tooltip of a box: its full name (the box may show it cut), what it is, and its description. */
function tooltip(el: SceneElement): string {
  const name = el.kind === 'network' || el.kind === 'volume' ? resourceLabel(el) : el.name;
  let text = `${name}: ${kindLabel(el)}`;
  if (el.kind === 'vm') text += ` · ${el.flavor} on ${el.host}`;
  if (el.description) text += `\n${el.description}`;
  return text;
}

/** A box with a mark: faded or greyed as a group, or outlined and tinted red when failed. */
export function markedBox(ctx: Ctx, b: LayoutBox, el: SceneElement, mark: SvgMark): string {
  const drawn = box(ctx, b, el);
  if (mark === 'dim') return `<g opacity="0.32">${drawn}</g>`;
  if (mark === 'down') return `<g opacity="0.45" data-down="true">${drawn}</g>`;
  if (mark === 'failed')
    return (
      `<g data-failed="true">${drawn}` +
      `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="4" fill="${ctx.p.failed}" fill-opacity="0.14" stroke="${ctx.p.failed}" stroke-width="2"/></g>`
    );
  return drawn;
}

export function box(ctx: Ctx, b: LayoutBox, el: SceneElement): string {
  return (
    `<g data-id="${escapeXml(b.id)}" data-kind="${escapeXml(el.kind)}">` +
    `<title>${escapeXml(tooltip(el))}</title>` +
    // A nested viewport clips the contents to the box, like the app's overflow: hidden.
    `<svg x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}">` +
    boxContent(ctx, el, b.w, b.h) +
    '</svg></g>'
  );
}

export function band(p: Palette, b: LayoutBand): string {
  const colours = p.band[b.layer];
  return (
    `<g data-band="${escapeXml(b.id)}">` +
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" fill="${colours.bg}"/>` +
    `<path d="M${num(b.x)} ${num(b.y + 0.5)}H${num(b.x + b.w)}" stroke="${p.line}"/>` +
    line(
      b.x + 16,
      b.y + 4 + baseline(6.65, 11),
      [
        { text: b.label.toUpperCase(), size: 11, weight: 700, fill: colours.label, spacing: 0.66 },
        { text: b.sublabel, size: 11, fill: p.muted, gap: 8 },
      ],
      b.w - 32,
    ) +
    '</g>'
  );
}
