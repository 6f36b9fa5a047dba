import { SVG_FONT } from '../../kinds/tokens';
import type { Layout, LayoutBox } from '../../layout/layoutScene';
import type { SceneElement } from '../../topology/scene';
import type { Ctx } from './body';
import type { SvgMark } from './boxes';
import { band, box, markedBox } from './boxes';
import { AUTO_PALETTE, autoStyle, SVG_PALETTES, type SvgTheme } from './palette';
import { escapeXml, line, num, rect } from './primitives';

export type { SvgMark } from './boxes';
export { SVG_PALETTES, type SvgTheme } from './palette';
export { baseline, escapeXml, fitText, oneLine } from './primitives';

/**
 * A laid-out scene as one standalone SVG document, drawn like the app's React Flow nodes (see
 * `render/flow/`, `kinds/<kind>/*.tsx` and `render/flow/diagram.css`) but with no DOM: it runs in Node.
 *
 * Safe to open anywhere: every string of the model is escaped and stripped of characters XML 1.0 does not
 * allow; there is no script, event attribute, link, foreignObject or url() reference, and no external font
 * or stylesheet (colours are presentation attributes). Each element's text is clipped to its box by a
 * nested `<svg>` viewport, so a fallback font wider than Inter cannot spill into neighbours.
 *
 * Theme `auto` draws one document for both: every colour is a custom property (`fill="var(--sl-box)"`),
 * set by the document's one `<style>` to the light palette, and to the dark one under
 * `@media (prefers-color-scheme: dark)`. Fixed text: no model string reaches the style.
 */

/** What `sceneToSvg` draws: one palette, or `auto`, both, following the viewer's `prefers-color-scheme`. */
export type SvgThemeChoice = SvgTheme | 'auto';

export interface SvgOptions {
  /** The document's `<title>`; default "<model name>: <view> view". */
  title?: string;
  /** The document's `<desc>`; default a sentence with the counts of hosts, VMs and clusters. */
  description?: string;
  /** Marks per element id, as the app draws them in a tour step or a what-if (a handout's pictures). */
  marks?: ReadonlyMap<string, SvgMark>;
  /** Only this part of the diagram (diagram coordinates): the picture's size and view box. */
  crop?: { x: number; y: number; width: number; height: number };
}

// ---------------------------------------------------------------------------------------------------------

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence saying what the diagram shows, with counts of hosts, VMs and clusters. */
/** A folded group of hosts or projects: its title and what it holds. */
function groupBox(ctx: Ctx, b: LayoutBox): string {
  const hosts = b.kind === 'host-group';
  const fill = hosts ? ctx.p.hostBg : ctx.p.projectBg;
  const stroke = hosts ? ctx.p.hostBorder : ctx.p.projectBorder;
  return (
    `<g data-id="${escapeXml(b.id)}" data-kind="${b.kind}"><title>${escapeXml(`${b.label ?? ''}: ${b.summary ?? ''}`)}</title>` +
    `<svg x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}">` +
    rect(0, 0, b.w, b.h, 6, { fill, stroke, dashed: '4 3' }) +
    line(8, 17, [{ text: b.label ?? '', size: 12, weight: 700 }], b.w - 16) +
    line(8, 31, [{ text: b.summary ?? '', fill: ctx.p.muted }], b.w - 16) +
    (b.detail ? line(8, 45, [{ text: b.detail, fill: ctx.p.muted }], b.w - 16) : '') +
    '</svg></g>'
  );
}

/** An open region, zone, cell or rack: a bar under its hosts with its name and numbers. */
function structureBar(ctx: Ctx, b: LayoutBox): string {
  return (
    `<g data-id="${escapeXml(b.id)}" data-kind="${b.kind}"><title>${escapeXml(`${b.label ?? ''}: ${b.summary ?? ''}`)}</title>` +
    `<svg x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}">` +
    rect(0, 0, b.w, b.h, 3, { fill: ctx.p.hostBg, stroke: ctx.p.hostBorder }) +
    line(
      6,
      11.5,
      [
        { text: b.label ?? '', size: 10, weight: 700 },
        { text: b.summary ?? '', size: 10, fill: ctx.p.muted, gap: 6 },
      ],
      b.w - 12,
    ) +
    '</svg></g>'
  );
}

function describeLayout(layout: Layout): string {
  const count: Partial<Record<SceneElement['kind'], number>> = {};
  for (const el of layout.scene.elements) count[el.kind] = (count[el.kind] ?? 0) + 1;
  const c = (k: SceneElement['kind']) => count[k] ?? 0;
  const operator = c('operator-cluster');
  const tenant = c('tenant-cluster');
  const tenants = tenant === 1 ? "a tenant's" : `${tenant} of tenants`;
  const whose = operator > 0 ? (tenant > 0 ? `the operator's and ${tenants}` : "the operator's") : tenants;
  const clusters =
    operator + tenant === 0
      ? 'no Kubernetes cluster'
      : `${plural(operator + tenant, 'Kubernetes cluster')} (${whose})`;
  return (
    `Layered diagram of ${layout.scene.title} in the ${layout.scene.view} view, from hardware at the bottom ` +
    `to tenants at the top: ${plural(c('host'), 'host')}, ${plural(c('service'), 'OpenStack service instance')}, ` +
    `${plural(c('vm'), 'VM')} in ${plural(c('project'), 'project')} and ${clusters}.`
  );
}

/** A laid-out scene as a standalone SVG document: no external fonts or CSS, text as real text, title and desc for accessibility. */
export function sceneToSvg(layout: Layout, theme: SvgThemeChoice, options: SvgOptions = {}): string {
  const p = theme === 'auto' ? AUTO_PALETTE : SVG_PALETTES[theme];
  const ctx: Ctx = { p, layout };
  const w = num(layout.width);
  const h = num(layout.height);
  const c = options.crop;
  const frame = c
    ? `viewBox="${num(c.x)} ${num(c.y)} ${num(c.width)} ${num(c.height)}" width="${num(c.width)}" height="${num(c.height)}"`
    : `viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"`;
  const title = options.title ?? `${layout.scene.title}: ${layout.scene.view} view`;
  const description = options.description ?? describeLayout(layout);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" ${frame} ` +
      `role="img" aria-labelledby="t d" font-family="${SVG_FONT}" font-size="10" fill="${p.text}" ` +
      `data-theme="${theme}" ` +
      `data-view="${escapeXml(layout.scene.view)}">\n`,
    `<title id="t">${escapeXml(title)}</title>\n`,
    `<desc id="d">${escapeXml(description)}</desc>\n`,
    theme === 'auto' ? autoStyle() : '',
    `<rect width="${w}" height="${h}" fill="${p.canvas}"/>\n`,
  ];
  for (const b of layout.bands) out.push(band(p, b), '\n');
  if (layout.edges.length > 0) {
    out.push(
      `<g fill="none" stroke="${p.edge}" stroke-opacity="0.45" stroke-dasharray="3 3">\n`,
      ...layout.edges.map((e) => {
        const [a, b] = e.points;
        const my = num((a.y + b.y) / 2);
        const [ax, ay, bx, by] = [num(a.x), num(a.y), num(b.x), num(b.y)];
        return `<path data-edge="${escapeXml(e.id)}" d="M${ax} ${ay}C${ax} ${my} ${bx} ${my} ${bx} ${by}"/>\n`;
      }),
      '</g>\n',
    );
  }
  const marks = options.marks;
  for (const b of layout.boxes) {
    const el = layout.scene.byId.get(b.id);
    const mark = marks?.get(b.id);
    if (el) out.push(mark ? markedBox(ctx, b, el, mark) : box(ctx, b, el), '\n');
    else if (b.kind === 'host-group' || b.kind === 'project-group') out.push(groupBox(ctx, b), '\n');
    else if (b.kind === 'structure') out.push(structureBar(ctx, b), '\n');
  }
  // Rings go on top, so a neighbour drawn later never hides one.
  if (marks)
    for (const b of layout.boxes)
      if (marks.get(b.id) === 'highlight')
        out.push(
          `<rect x="${num(b.x - 2.5)}" y="${num(b.y - 2.5)}" width="${num(b.w + 5)}" height="${num(b.h + 5)}" rx="6" fill="none" stroke="${p.ring}" stroke-width="3" data-ring="${escapeXml(b.id)}"/>\n`,
        );
  out.push('</svg>\n');
  return out.join('');
}
