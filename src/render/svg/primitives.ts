import { textWidth } from '../../layout/text';
import { ICON_PATHS } from '../iconPaths';

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
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Where the baseline of `fontSize` px Inter sits when its line box is centred on `centreY`. */
export const baseline = (centreY: number, fontSize: number) => centreY + 0.363 * fontSize;

export interface Segment {
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
export const SPACE_EM = 0.281;

/**
 * One line of text made of segments (a flex row in the app), starting at `x` on baseline `y`, cut with "…"
 * where it reaches `maxW`. Segments flow naturally (tspans), so a fallback font never makes them overlap; a
 * gap is a real space (so the text reads and copies as words) widened with `dx`.
 */
export function line(
  x: number,
  y: number,
  segments: readonly Segment[],
  maxW: number,
  anchor?: 'end',
): string {
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
export function foldedLine(x: number, y: number, segment: Segment, maxW: number, lead = true): string {
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

export interface RectStyle {
  fill: string;
  stroke?: string;
  /** Stroke width; the stroke is drawn inside the box, like a CSS border with border-box sizing. */
  sw?: number;
  strokeOpacity?: number;
  dashed?: string;
}

/** A rounded rectangle whose border lies inside (x, y, w, h), like a CSS box with border-box sizing. */
export function rect(x: number, y: number, w: number, h: number, radius: number, style: RectStyle): string {
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
export function k8sIcon(x: number, y: number, size: number, colour: string): string {
  return (
    `<g transform="translate(${num(x)} ${num(y)}) scale(${size / 16})">` +
    `<circle cx="8" cy="8" r="4.2" fill="none" stroke="${colour}" stroke-width="1.6"/>` +
    `<path d="${WHEEL_SPOKES}" stroke="${colour}" stroke-width="1.4" stroke-linecap="round"/>` +
    `<circle cx="8" cy="8" r="1.4" fill="${colour}"/></g>`
  );
}

/**
 * A chip (a service instance or a pod) of `tone`, its name after a mark: a pill for a pod, a square box for a
 * container, dashed for a process.
 */
export function chip(
  tone: { fg: string; bg: string },
  form: 'process' | 'container' | 'pod',
  name: string,
  w: number,
  h: number,
): string {
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
  s += line(textX, baseline(h / 2, 10), [{ text: name, size: 10 }], w - textX - 6);
  return s;
}
