import type { ElementOf, Kind } from '../../kinds';
import {
  hostSubtitle,
  type Layout,
  type LayoutBand,
  type LayoutBox,
  resourceLabel,
} from '../../layout/layoutScene';
import { textWidth } from '../../layout/text';
import type {
  HostElement,
  K8sNodeElement,
  OperatorClusterElement,
  PodElement,
  ProjectElement,
  SceneElement,
  ServiceElement,
  TenantClusterElement,
  VmElement,
} from '../../topology/scene';
import { foldedSummary, kindLabel } from '../describe';
import type { Palette } from './palette';
import {
  baseline,
  escapeXml,
  fitText,
  foldedLine,
  k8sIcon,
  line,
  num,
  oneLine,
  rect,
  type Segment,
  SPACE_EM,
} from './primitives';

// ---------------------------------------------------------------------------------------------------------
// Boxes: what each node component of `render/nodes` shows, in coordinates relative to the box.

/** `highlight`: a ring; `failed`: red outline and tint; `down`: greyed (stopped by a failure); `dim`: faded. */
export type SvgMark = 'highlight' | 'failed' | 'down' | 'dim';

export interface Ctx {
  p: Palette;
  layout: Layout;
}

function folded(ctx: Ctx, id: string): string | undefined {
  return ctx.layout.collapsed.has(id) ? foldedSummary(ctx.layout.scene, id) : undefined;
}

function hostBox(ctx: Ctx, el: HostElement, w: number, h: number): string {
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
}

function chipBox(ctx: Ctx, el: ServiceElement | PodElement, w: number, h: number): string {
  const form = el.kind === 'pod' ? 'pod' : el.form;
  const tone = ctx.p.tone[el.kind === 'pod' ? 'tenant' : el.category];
  const pill = form === 'pod';
  let s = rect(0, 0, w, h, pill ? h / 2 : 3, {
    fill: tone.bg,
    stroke: tone.fg,
    strokeOpacity: 0.55,
    ...(form === 'process' ? { dashed: '3 2' } : {}),
  });
  const markX = pill ? 6 : 5;
  s += rect(markX, (h - 7) / 2, 7, 7, pill ? 3.5 : 1, { fill: tone.fg });
  const textX = markX + 11;
  s += line(textX, baseline(h / 2, 10), [{ text: el.name, size: 10 }], w - textX - 6);
  return s;
}

function clusterBox(
  ctx: Ctx,
  el: OperatorClusterElement | TenantClusterElement,
  w: number,
  h: number,
): string {
  const { p } = ctx;
  const operator = el.kind === 'operator-cluster';
  const k = operator ? p.op : p.tn;
  const detail =
    el.kind === 'operator-cluster'
      ? [el.tool, el.distribution, `namespace ${el.namespace}`].filter(Boolean).join(' · ')
      : [el.tool, el.kubernetesVersion ? `v${el.kubernetesVersion}` : '', `project ${el.project}`]
          .filter(Boolean)
          .join(' · ');
  let s = rect(0, 0, w, h, 6, { fill: k.bg, stroke: k.border, sw: 1.5 });
  const midY = 1.5 + 10;
  s += k8sIcon(8.5, midY - 6, 12, k.k);
  const x = 8.5 + 12 + 6;
  const owner = operator ? "operator's Kubernetes" : "tenant's Kubernetes";
  const head: Segment[] = [
    { text: el.name, size: 11, weight: 700 },
    { text: owner, size: 10.5, weight: 600, fill: k.k, gap: 6 },
  ];
  const maxW = w - x - 8.5;
  const headW = textWidth(oneLine(el.name), 11, true) + 6 + textWidth(owner, 10.5, true);
  const badgeW = textWidth('derived', 9) + 12;
  if (el.kind === 'operator-cluster' && el.derived && headW + 6 + badgeW <= maxW) {
    // A dashed pill after the owner: placed by the width table, the detail follows it.
    s += line(x, baseline(midY, 10.5), head, headW);
    const bx = x + headW + 6;
    s += rect(bx, midY - 6.5, badgeW, 13, 6.5, { fill: 'none', stroke: k.k, dashed: '2 2' });
    s += line(bx + 6, baseline(midY, 9), [{ text: 'derived', size: 9, fill: k.k }], badgeW);
    const dx = bx + badgeW + 6;
    s += line(dx, baseline(midY, 10.5), [{ text: detail, size: 10.5, fill: p.muted }], x + maxW - dx);
  } else
    s += line(x, baseline(midY, 10.5), [...head, { text: detail, size: 10.5, fill: p.muted, gap: 6 }], maxW);
  const summary = folded(ctx, el.id);
  if (summary !== undefined)
    s += foldedLine(
      9.5,
      baseline(1.5 + 20 + 8, 10),
      { text: summary || 'no nodes', fill: p.muted },
      w - 19,
      false,
    );
  return s;
}

function k8sNodeBox(ctx: Ctx, el: K8sNodeElement, w: number, h: number): string {
  const { p } = ctx;
  const k = el.clusterKind === 'operator' ? p.op : p.tn;
  const cp = el.nodeRole === 'control-plane';
  let s = rect(0, 0, w, h, 4, { fill: k.node, stroke: k.border });
  // The operator's node centres its one line; a tenant's node heads its pods.
  const midY = el.clusterKind === 'operator' ? h / 2 : 4 + 6;
  s += k8sIcon(6, midY - 5.5, 11, k.k);
  s += line(
    21,
    baseline(midY, 10),
    [{ text: cp ? 'control plane' : 'worker', weight: 600, fill: k.k }],
    w - 27,
  );
  if (cp && el.clusterKind === 'tenant')
    s += line(
      6,
      baseline(19 + 6, 9.5),
      [{ text: 'kube-apiserver · etcd', size: 9.5, fill: p.muted }],
      w - 12,
    );
  return s;
}

function projectBox(ctx: Ctx, el: ProjectElement, w: number, h: number): string {
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
}

function vmBox(ctx: Ctx, el: VmElement, w: number, h: number): string {
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
}

const GLYPH = { network: '⇄', 'load-balancer': '⚖', volume: '▤' } as const;

function resourceBox(
  ctx: Ctx,
  el: SceneElement & { kind: keyof typeof GLYPH },
  w: number,
  h: number,
): string {
  const { p } = ctx;
  let s = rect(0, 0, w, h, 4, { fill: p.box, stroke: p.line });
  const glyph = GLYPH[el.kind];
  const y = baseline(h / 2, 10);
  s += `<text x="7" y="${num(y)}" font-size="10" fill="${p.muted}">${glyph}</text>`;
  const x = 7 + textWidth(glyph, 10) + 4;
  s += line(x, y, [{ text: resourceLabel(el), size: 10 }], w - x - 7);
  return s;
}

/** Draws an element of one kind inside its box (`w` × `h`, coordinates relative to the box). */
type DrawBox<K extends Kind> = (ctx: Ctx, el: ElementOf<K>, w: number, h: number) => string;

/** The SVG body of each kind, as its React body in `render/nodes` draws it: a kind without one does not compile. */
const SVG_BOXES: { readonly [K in Kind]: DrawBox<K> } = {
  host: hostBox,
  service: chipBox,
  pod: chipBox,
  'operator-cluster': clusterBox,
  'tenant-cluster': clusterBox,
  'k8s-node': k8sNodeBox,
  project: projectBox,
  vm: vmBox,
  network: resourceBox,
  'load-balancer': resourceBox,
  volume: resourceBox,
};

/** The element's own drawing (the kind of `el` picks its body, so the call is sound). */
const boxContent = (ctx: Ctx, el: SceneElement, w: number, h: number): string =>
  (SVG_BOXES[el.kind] as DrawBox<Kind>)(ctx, el as never, w, h);

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
