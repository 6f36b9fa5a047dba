import { SAFE_HREF } from './vocabulary';

// The safe text format of tours (and of a model's tour text): parsed into runs, rendered as React text.
// No zod here: the tour player draws text with it while the schema loads only to validate.

/** A run of text with one formatting. `href` is always an http(s) URL. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
}

/** A paragraph: its runs. A line break inside a paragraph is a `\n` in a run's text (render with `white-space: pre-line`). */
export interface TextParagraph {
  runs: TextRun[];
}

/** Characters a backslash makes literal. */
const ESCAPABLE = new Set(['\\', '*', '`', '[', ']', '(', ')', '_']);

interface Style {
  bold: boolean;
  italic: boolean;
  href?: string | undefined;
}

/**
 * Parses the safe markdown subset into paragraphs of text runs: `**bold**`, `*italic*`, `` `code` ``,
 * `[text](https://…)`, blank lines between paragraphs, single line breaks kept as `\n`, and backslash
 * escapes. Everything else, HTML included, is literal text: the output is data, never markup. A link whose
 * target is not an http(s) URL keeps its text and loses the link. Markers without a partner are literal.
 */
export function parseTourText(text: string): TextParagraph[] {
  const out: TextParagraph[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    const runs: TextRun[] = [];
    parseInline(lines.join('\n'), runs, { bold: false, italic: false });
    if (runs.length > 0) out.push({ runs });
  }
  return out;
}

function parseInline(src: string, runs: TextRun[], outer: Style): void {
  const style: Style = { ...outer };
  let buffer = '';
  const flush = () => {
    if (buffer !== '') push(runs, { text: buffer, ...flags(style) });
    buffer = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      buffer += next;
      i += 2;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        push(runs, { text: src.slice(i + 1, end), ...flags(style), code: true });
        i = end + 1;
      } else {
        buffer += c;
        i++;
      }
    } else if (c === '*' && next === '*') {
      if (style.bold && closes(src, i)) {
        flush();
        style.bold = false;
        i += 2;
      } else if (!style.bold && opens(src, i + 2) && closer(src, i + 2, '**') > 0) {
        flush();
        style.bold = true;
        i += 2;
      } else {
        buffer += '**';
        i += 2;
      }
    } else if (c === '*') {
      if (style.italic && closes(src, i)) {
        flush();
        style.italic = false;
        i++;
      } else if (!style.italic && opens(src, i + 1) && closer(src, i + 1, '*') > 0) {
        flush();
        style.italic = true;
        i++;
      } else {
        buffer += c;
        i++;
      }
    } else if (c === '[' && style.href === undefined) {
      const link = linkAt(src, i);
      if (link) {
        flush();
        const href = safeHref(link.target);
        parseInline(link.label, runs, href === undefined ? style : { ...style, href });
        i = link.end;
      } else {
        buffer += c;
        i++;
      }
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
}

/** An opening marker must be followed by a non-space. */
const opens = (src: string, at: number) => at < src.length && !/\s/.test(src[at] as string);

/** A closing marker must follow a non-space. */
const closes = (src: string, at: number) => at > 0 && !/\s/.test(src[at - 1] as string);

/** Where a closing marker is (preceded by a non-space), or -1. A single `*` is not part of a `**`. */
function closer(src: string, from: number, marker: '*' | '**'): number {
  for (let k = src.indexOf(marker, from); k >= 0; k = src.indexOf(marker, k + 1)) {
    if (k === from || /\s/.test(src[k - 1] as string)) continue;
    if (marker === '*' && (src[k + 1] === '*' || src[k - 1] === '*')) continue;
    return k;
  }
  return -1;
}

/** `[label](target)` at `at`: its parts and the index after it. */
function linkAt(src: string, at: number): { label: string; target: string; end: number } | undefined {
  const close = src.indexOf(']', at + 1);
  if (close < 0 || src[close + 1] !== '(') return undefined;
  const end = src.indexOf(')', close + 2);
  if (end < 0) return undefined;
  const label = src.slice(at + 1, close);
  if (label.includes('[') || label.includes('\n')) return undefined;
  return { label, target: src.slice(close + 2, end).trim(), end: end + 1 };
}

/** The target when it is an http(s) URL, else undefined. */
export function safeHref(target: string): string | undefined {
  if (!SAFE_HREF.test(target)) return undefined;
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? target : undefined;
  } catch {
    return undefined;
  }
}

function flags(style: Style): Omit<TextRun, 'text'> {
  const f: Omit<TextRun, 'text'> = {};
  if (style.bold) f.bold = true;
  if (style.italic) f.italic = true;
  if (style.href !== undefined) f.href = style.href;
  return f;
}

/** Appends a run, merging it into the previous one when the formatting is the same. */
function push(runs: TextRun[], run: TextRun): void {
  const last = runs[runs.length - 1];
  if (
    last &&
    last.bold === run.bold &&
    last.italic === run.italic &&
    last.code === run.code &&
    last.href === run.href
  )
    last.text += run.text;
  else runs.push(run);
}
