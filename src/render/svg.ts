import { type ColourToken, colour, SVG_FONT } from '../kinds/tokens';
import {
  hostSubtitle,
  type Layout,
  type LayoutBand,
  type LayoutBox,
  resourceLabel,
} from '../layout/layoutScene';
import { textWidth } from '../layout/text';
import { assertNever } from '../model/assertNever';
import type {
  HostElement,
  K8sNodeElement,
  Layer,
  OperatorClusterElement,
  PodElement,
  ProjectElement,
  SceneElement,
  ServiceCategory,
  ServiceElement,
  TenantClusterElement,
  VmElement,
} from '../topology/scene';
import { foldedSummary, kindLabel } from './describe';
import { ICON_PATHS } from './iconPaths';

/**
 * A laid-out scene as one standalone SVG document, drawn like the app's React Flow nodes (see
 * `render/nodes/*` and `render/diagram.css`) but with no DOM: it runs in Node.
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

/** A palette: the colours of a light or a dark document. */
export type SvgTheme = 'light' | 'dark';
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

/** `highlight`: a ring; `failed`: red outline and tint; `down`: greyed (stopped by a failure); `dim`: faded. */
export type SvgMark = 'highlight' | 'failed' | 'down' | 'dim';

type Tone = ServiceCategory | 'tenant';
interface KubePalette {
  /** Text and icon colour. */
  k: string;
  bg: string;
  border: string;
  node: string;
}
interface Palette {
  canvas: string;
  text: string;
  muted: string;
  line: string;
  box: string;
  band: Record<Layer, { bg: string; label: string }>;
  hostBg: string;
  hostBorder: string;
  op: KubePalette;
  tn: KubePalette;
  tone: Record<Tone, { fg: string; bg: string }>;
  projectBg: string;
  projectBorder: string;
  projectOperatorBorder: string;
  vmBg: string;
  vmBorder: string;
  edge: string;
  /** A tour's highlight ring and a failure's outline (the app's --sl-tour-ring and --sl-failed). */
  ring: string;
  failed: string;
}

/** A palette from the design tokens: each colour `pick`ed by its token's name. */
function palette(pick: (name: ColourToken) => string): Palette {
  const kube = (k: 'op' | 'tn'): KubePalette => ({
    k: pick(k),
    bg: pick(`${k}-bg`),
    border: pick(`${k}-border`),
    node: pick(`${k}-node`),
  });
  const band = (layer: Layer) => ({ bg: pick(`band-${layer}`), label: pick(`band-label-${layer}`) });
  const tone = (t: Tone) => ({ fg: pick(`tone-${t}`), bg: pick(`tone-${t}-bg`) });
  return {
    canvas: pick('canvas'),
    text: pick('text'),
    muted: pick('muted'),
    line: pick('line'),
    box: pick('box'),
    band: {
      hardware: band('hardware'),
      'operator-k8s': band('operator-k8s'),
      openstack: band('openstack'),
      'tenant-vms': band('tenant-vms'),
      'tenant-k8s': band('tenant-k8s'),
    },
    hostBg: pick('host-bg'),
    hostBorder: pick('host-border'),
    op: kube('op'),
    tn: kube('tn'),
    tone: {
      'control-plane': tone('control-plane'),
      infrastructure: tone('infrastructure'),
      'data-plane': tone('data-plane'),
      storage: tone('storage'),
      tenant: tone('tenant'),
    },
    projectBg: pick('project-bg'),
    projectBorder: pick('project-border'),
    projectOperatorBorder: pick('project-operator-border'),
    vmBg: pick('vm-bg'),
    vmBorder: pick('vm-border'),
    edge: pick('edge'),
    ring: pick('tour-ring'),
    failed: pick('failed'),
  };
}

/** The app's palettes, read from the design tokens the app's CSS is generated from: light and dark. */
export const SVG_PALETTES: Readonly<Record<SvgTheme, Palette>> = {
  light: palette((name) => colour(name, 'light')),
  dark: palette((name) => colour(name, 'dark')),
};

/** The tokens an `auto` document uses, in the order the palette reads them. */
const AUTO_TOKENS = new Set<ColourToken>();
/** The palette of an `auto` document: each colour `var(--sl-<token>)`, as in the app's CSS. */
const AUTO_PALETTE = palette((name) => {
  AUTO_TOKENS.add(name);
  return `var(--sl-${name})`;
});

/** The `<style>` of an `auto` document: the light colours, and the dark ones where the viewer prefers dark. */
function autoStyle(): string {
  const declarations = (theme: SvgTheme) =>
    [...AUTO_TOKENS].map((name) => `--sl-${name}:${colour(name, theme)}`).join(';');
  const root = 'svg[data-theme="auto"]';
  return (
    `<style>${root}{color-scheme:light dark;${declarations('light')}}` +
    `@media (prefers-color-scheme: dark){${root}{${declarations('dark')}}}</style>\n`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Text: cleaning, escaping, fitting.

/** Anything that needs escaping or removal: markup characters, C0 controls, surrogates, U+FFFE/U+FFFF. */
const NEEDS_WORK = /[&<>"'\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/**
 * `text` as XML character data or attribute value: `& < > " '` escaped, and the characters XML 1.0 does
 * not allow (C0 controls except tab, LF and CR; lone surrogates; U+FFFE and U+FFFF) removed.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x26) out += '&amp;';
    else if (c === 0x3c) out += '&lt;';
    else if (c === 0x3e) out += '&gt;';
    else if (c === 0x22) out += '&quot;';
    else if (c === 0x27) out += '&apos;';
    else if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) out += text[i];
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      // A low surrogate without its high one: dropped.
    } else if (c !== 0xfffe && c !== 0xffff) out += text[i];
  }
  return out;
}

/** `text` as one line for display: runs of white space (newlines included) become one space. */
export const oneLine = (text: string) =>
  /\s\s|[^\S ]|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;

const ELLIPSIS = '…';
/** Longer strings are always truncated: no box is wide enough for them (and textWidth reads 200). */
const MAX_FIT = 200;
const FIT_SLACK = 1.5;

const widthOf = (text: string, fontSize: number, bold: boolean, spacing: number) =>
  textWidth(text, fontSize, bold) + spacing * text.length;

/**
 * `text` (one line) shortened with "…" so that it fits `maxW` px by the app's Inter width table; '' when
 * not even the ellipsis fits. Never splits a surrogate pair.
 */
export function fitText(text: string, fontSize: number, bold: boolean, maxW: number, spacing = 0): string {
  // textWidth rounds up and adds 1px; the layout sized the boxes with it, so allow that back.
  if (text.length <= MAX_FIT && widthOf(text, fontSize, bold, spacing) <= maxW + FIT_SLACK) return text;
  if (widthOf(ELLIPSIS, fontSize, bold, spacing) > maxW) return '';
  const points = Array.from(text.slice(0, MAX_FIT * 2));
  // The longest prefix that fits with the ellipsis: binary search (width grows with length).
  let lo = 0;
  let hi = Math.min(points.length, MAX_FIT);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${points.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
    if (widthOf(candidate, fontSize, bold, spacing) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return `${points.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
}

/** A number for an attribute: at most two decimals, no trailing zeros (deterministic). */
function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Where the baseline of `fontSize` px Inter sits when its line box is centred on `centreY`. */
export const baseline = (centreY: number, fontSize: number) => centreY + 0.363 * fontSize;

interface Segment {
  text: string;
  /** In px; 10 (the document's) when omitted. */
  size?: number;
  /** The text colour (the document's) when omitted. */
  fill?: string;
  /** 400 when omitted. */
  weight?: 600 | 700;
  italic?: boolean;
  /** Letter spacing in px. */
  spacing?: number;
  /** Space before this segment, in px (ignored for the first one). */
  gap?: number;
}

/** Advance of a space in Inter, in em. */
const SPACE_EM = 0.281;

/**
 * One line of text made of segments (a flex row in the app), starting at `x` on baseline `y`, cut with "…"
 * where it reaches `maxW`. Segments flow naturally (tspans), so a fallback font never makes them overlap; a
 * gap is a real space (so the text reads and copies as words) widened with `dx`.
 */
function line(x: number, y: number, segments: readonly Segment[], maxW: number, anchor?: 'end'): string {
  let used = 0;
  const parts: string[] = [];
  let single = '';
  for (const seg of segments) {
    const text = oneLine(seg.text);
    if (text === '') continue;
    const size = seg.size ?? 10;
    const gap = parts.length > 0 ? (seg.gap ?? 0) : 0;
    const bold = (seg.weight ?? 400) >= 600;
    const spacing = seg.spacing ?? 0;
    const shown = fitText(text, size, bold, maxW - used - gap, spacing);
    if (shown === '') break;
    const attrs = fontAttrs(seg);
    const escaped = escapeXml(shown);
    if (gap > 0) {
      const dx = gap - (SPACE_EM * size + spacing);
      parts.push(`<tspan${Math.abs(dx) >= 0.01 ? ` dx="${num(dx)}"` : ''}${attrs}> ${escaped}</tspan>`);
    } else {
      parts.push(`<tspan${attrs}>${escaped}</tspan>`);
      single = `${attrs}>${escaped}`;
    }
    used += gap + widthOf(shown, size, bold, spacing);
    if (shown !== text) break;
  }
  if (parts.length === 0) return '';
  const start = `<text x="${num(x)}" y="${num(y)}"${anchor ? ` text-anchor="${anchor}"` : ''}`;
  return parts.length === 1 ? `${start}${single}</text>` : `${start}>${parts.join('')}</text>`;
}

/**
 * A folded box's summary line, led by the app's drawn chevron (not "▸": no font in the SVG's list has
 * it, so a viewer would draw it in whatever font it finds). The chevron sits as the app's icon does: a 1em
 * box on the text's baseline, pulled in by the lead margins where the app's has them; the text follows after
 * a space.
 */
function foldedLine(x: number, y: number, segment: Segment, maxW: number, lead = true): string {
  const size = segment.size ?? 10;
  // `.sl-glyph--lead`'s margins, in em (a cluster's chevron has none).
  const [before, after] = lead ? [0.33, 0.3] : [0, 0];
  const icon =
    `<path d="${ICON_PATHS.chevronRight}" transform="translate(${num(x - before * size)} ${num(y - 0.875 * size)}) scale(${num(size / 16)})" ` +
    `fill="none" stroke="${segment.fill ?? 'currentColor'}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" data-mark="folded"/>`;
  const dx = (1 - before - after + SPACE_EM) * size;
  return icon + line(x + dx, y, [segment], maxW - dx);
}

function fontAttrs(seg: Segment): string {
  return (
    (seg.size !== undefined && seg.size !== 10 ? ` font-size="${num(seg.size)}"` : '') +
    (seg.fill ? ` fill="${seg.fill}"` : '') +
    (seg.weight ? ` font-weight="${seg.weight}"` : '') +
    (seg.italic ? ' font-style="italic"' : '') +
    (seg.spacing ? ` letter-spacing="${num(seg.spacing)}"` : '')
  );
}

// ---------------------------------------------------------------------------------------------------------
// Shapes.

interface RectStyle {
  fill: string;
  stroke?: string;
  /** Stroke width; the stroke is drawn inside the box, like a CSS border with border-box sizing. */
  sw?: number;
  strokeOpacity?: number;
  dashed?: string;
}

/** A rounded rectangle whose border lies inside (x, y, w, h), like a CSS box with border-box sizing. */
function rect(x: number, y: number, w: number, h: number, radius: number, style: RectStyle): string {
  const sw = style.stroke ? (style.sw ?? 1) : 0;
  const i = sw / 2;
  const rw = Math.max(0, w - sw);
  const rh = Math.max(0, h - sw);
  const r = Math.max(0, Math.min(radius - i, rw / 2, rh / 2));
  let s = `<rect x="${num(x + i)}" y="${num(y + i)}" width="${num(rw)}" height="${num(rh)}"`;
  if (r > 0) s += ` rx="${num(r)}"`;
  s += ` fill="${style.fill}"`;
  if (style.stroke) {
    s += ` stroke="${style.stroke}"`;
    if (sw !== 1) s += ` stroke-width="${num(sw)}"`;
    if (style.strokeOpacity !== undefined) s += ` stroke-opacity="${num(style.strokeOpacity)}"`;
    if (style.dashed) s += ` stroke-dasharray="${style.dashed}"`;
  }
  return `${s}/>`;
}

const WHEEL_SPOKES = Array.from({ length: 7 }, (_, i) => {
  const a = (i / 7) * Math.PI * 2 - Math.PI / 2;
  return `M8 8L${(8 + Math.cos(a) * 6.2).toFixed(2)} ${(8 + Math.sin(a) * 6.2).toFixed(2)}`;
}).join('');
/** The ship's-wheel mark of `K8sIcon.tsx`, `size` px square at (x, y). */
function k8sIcon(x: number, y: number, size: number, colour: string): string {
  return (
    `<g transform="translate(${num(x)} ${num(y)}) scale(${size / 16})">` +
    `<circle cx="8" cy="8" r="4.2" fill="none" stroke="${colour}" stroke-width="1.6"/>` +
    `<path d="${WHEEL_SPOKES}" stroke="${colour}" stroke-width="1.4" stroke-linecap="round"/>` +
    `<circle cx="8" cy="8" r="1.4" fill="${colour}"/></g>`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Boxes: what each node component of `render/nodes` shows, in coordinates relative to the box.

interface Ctx {
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

function boxContent(ctx: Ctx, el: SceneElement, w: number, h: number): string {
  switch (el.kind) {
    case 'host':
      return hostBox(ctx, el, w, h);
    case 'service':
    case 'pod':
      return chipBox(ctx, el, w, h);
    case 'operator-cluster':
    case 'tenant-cluster':
      return clusterBox(ctx, el, w, h);
    case 'k8s-node':
      return k8sNodeBox(ctx, el, w, h);
    case 'project':
      return projectBox(ctx, el, w, h);
    case 'vm':
      return vmBox(ctx, el, w, h);
    case 'network':
    case 'load-balancer':
    case 'volume':
      return resourceBox(ctx, el, w, h);
    default:
      return assertNever(el, 'element kind');
  }
}

/** The tooltip of a box: its full name (the box may show it cut), what it is, and its description. */
function tooltip(el: SceneElement): string {
  const name = el.kind === 'network' || el.kind === 'volume' ? resourceLabel(el) : el.name;
  let text = `${name}: ${kindLabel(el)}`;
  if (el.kind === 'vm') text += ` · ${el.flavor} on ${el.host}`;
  if (el.description) text += `\n${el.description}`;
  return text;
}

/** A box with a mark: faded or greyed as a group, or outlined and tinted red when failed. */
function markedBox(ctx: Ctx, b: LayoutBox, el: SceneElement, mark: SvgMark): string {
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

function box(ctx: Ctx, b: LayoutBox, el: SceneElement): string {
  return (
    `<g data-id="${escapeXml(b.id)}" data-kind="${escapeXml(el.kind)}">` +
    `<title>${escapeXml(tooltip(el))}</title>` +
    // A nested viewport clips the contents to the box, like the app's overflow: hidden.
    `<svg x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}">` +
    boxContent(ctx, el, b.w, b.h) +
    '</svg></g>'
  );
}

function band(p: Palette, b: LayoutBand): string {
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
