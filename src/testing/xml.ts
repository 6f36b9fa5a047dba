// A tiny, strict XML 1.0 well-formedness checker (no DTD) that also builds a tree, for tests that read
// the exported SVG (imported by *.test.ts only).
import { expect } from 'vitest';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const NAME = /[A-Za-z_:][-A-Za-z0-9._:]*/y;
const REF = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const allowedChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/** Parses `src` as XML, throwing on anything not well-formed. */
export function parseXml(src: string): XmlElement {
  let offset = 0;
  for (const ch of src) {
    const c = ch.codePointAt(0) ?? 0;
    if (!allowedChar(c)) throw new Error(`character U+${c.toString(16)} not allowed at ${offset}`);
    offset += ch.length;
  }
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) return fail('name expected');
    i += m[0].length;
    return m[0];
  };
  const ws = () => {
    const start = i;
    while (i < src.length && ' \t\r\n'.includes(src[i] as string)) i++;
    return i > start;
  };
  /** Character data with its references decoded; `stop` ends it (not consumed). */
  const chars = (text: string, at: number): string => {
    let out = '';
    for (let j = 0; j < text.length; ) {
      const c = text[j] as string;
      if (c === '<') throw new Error(`"<" in character data at ${at + j}`);
      if (c !== '&') {
        out += c;
        j++;
        continue;
      }
      REF.lastIndex = j;
      const m = REF.exec(text);
      if (!m) throw new Error(`bad reference at ${at + j}: ${JSON.stringify(text.slice(j, j + 12))}`);
      if (m[1]) out += ENTITIES[m[1]];
      else {
        const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3] ?? '', 16);
        if (!allowedChar(code)) throw new Error(`reference to a forbidden character at ${at + j}`);
        out += String.fromCodePoint(code);
      }
      j += m[0].length;
    }
    return out;
  };
  const skipMisc = () => {
    for (;;) {
      ws();
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0 || src.slice(i + 4, end).includes('--')) fail('bad comment');
        i = end + 3;
      } else if (src.startsWith('<?', i) && !src.startsWith('<?xml', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else return;
    }
  };

  if (src.startsWith('<?xml', 0)) {
    const end = src.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    if (
      !/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][-A-Za-z0-9._]*")?\s*\?>$/.test(
        src.slice(0, end + 2),
      )
    )
      fail('bad XML declaration');
    i = end + 2;
  }
  skipMisc();
  if (src[i] !== '<') fail('root element expected');

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < src.length) {
    const parent = stack[stack.length - 1];
    if (src[i] !== '<') {
      const start = i;
      const end = src.indexOf('<', i);
      i = end < 0 ? src.length : end;
      const raw = src.slice(start, i);
      if (!parent) {
        if (raw.trim() !== '') fail('text outside the root element');
        continue;
      }
      if (raw.includes(']]>')) fail('"]]>" in character data');
      parent.children.push(chars(raw, start));
      continue;
    }
    if (src.startsWith('</', i)) {
      i += 2;
      const n = name();
      ws();
      if (src[i] !== '>') fail('">" expected');
      i++;
      const open = stack.pop();
      if (!open || open.name !== n) fail(`end tag </${n}> does not match <${open?.name}>`);
      if (stack.length === 0) {
        skipMisc();
        if (i < src.length) fail('content after the root element');
      }
      continue;
    }
    if (src.startsWith('<!--', i) || (src.startsWith('<?', i) && parent)) {
      skipMisc();
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      if (!parent) fail('CDATA outside the root element');
      const end = src.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      parent?.children.push(src.slice(i + 9, end));
      i = end + 3;
      continue;
    }
    if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('DTD or misplaced declaration');
    if (!parent && root) fail('second root element');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const spaced = ws();
      if (src.startsWith('/>', i) || src[i] === '>') break;
      if (!spaced) fail('white space expected before an attribute');
      const a = name();
      ws();
      if (src[i] !== '=') fail('"=" expected');
      i++;
      ws();
      const q = src[i];
      if (q !== '"' && q !== "'") fail('quoted value expected');
      const end = src.indexOf(q as string, i + 1);
      if (end < 0) fail('unterminated attribute value');
      if (Object.hasOwn(el.attrs, a)) fail(`duplicate attribute ${a}`);
      el.attrs[a] = chars(src.slice(i + 1, end), i + 1);
      i = end + 1;
    }
    if (parent) parent.children.push(el);
    else root = el;
    if (src.startsWith('/>', i)) {
      i += 2;
      if (!parent) {
        skipMisc();
        if (i < src.length) fail('content after the root element');
      }
    } else {
      i++;
      stack.push(el);
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (!root) return fail('no root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) if (typeof c !== 'string') yield* walk(c);
}
export const textOf = (el: XmlElement): string =>
  el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
/** The text of every `<text>` element: what the picture shows. */
export const shownTexts = (root: XmlElement) => [...walk(root)].filter((e) => e.name === 'text').map(textOf);

/** The elements and attributes an exported SVG may use: drawing only, nothing that runs, links or loads. */
const SVG_ELEMENTS = new Set(['svg', 'title', 'desc', 'g', 'rect', 'path', 'circle', 'text', 'tspan']);
const SVG_ATTRIBUTES = new Set(
  'xmlns viewBox width height x y dx rx role aria-labelledby id font-family font-size font-weight font-style fill stroke stroke-width stroke-opacity stroke-dasharray stroke-linecap stroke-linejoin letter-spacing text-anchor transform cx cy r d data-theme data-view data-id data-kind data-band data-edge data-mark'.split(
    ' ',
  ),
);

/**
 * What in a parsed SVG is not plain drawing: an element or attribute outside the allowlist, an event
 * attribute, a link, a URL reference or script-like value. Empty for a safe document.
 */
export function inertProblems(root: XmlElement): string[] {
  const bad: string[] = [];
  for (const el of walk(root)) {
    if (!SVG_ELEMENTS.has(el.name)) bad.push(`element <${el.name}>`);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (!SVG_ATTRIBUTES.has(name)) bad.push(`<${el.name}> attribute ${name}`);
      if (/^on|href$/i.test(name)) bad.push(`<${el.name}> ${name}`);
      if (!name.startsWith('data-') && /javascript:|url\(|expression\(|@import/i.test(value))
        bad.push(`<${el.name} ${name}="${value}">`);
    }
  }
  return bad;
}

/** Nothing that runs, links or loads. */
export function expectInert(svg: string) {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/\son[a-z]+\s*=/i);
  expect(svg).not.toMatch(/javascript:/i);
  expect(svg).not.toMatch(/foreignObject/i);
  expect(svg).not.toMatch(/href/i);
  expect(svg).not.toMatch(/url\(|@import/i);
}
/** The same, read from the parsed tree (so that escaped text, which may say anything, is not counted). */
export function expectInertTree(root: XmlElement) {
  const bad: string[] = [];
  const elements = new Set(['script', 'foreignobject', 'a', 'image', 'use', 'style', 'iframe', 'feimage']);
  for (const el of walk(root)) {
    if (elements.has(el.name.toLowerCase())) bad.push(`<${el.name}>`);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^on|href$/i.test(name)) bad.push(`${el.name} ${name}`);
      if (/javascript:|url\(/i.test(value)) bad.push(`${el.name} ${name}="${value}"`);
    }
  }
  expect(bad).toEqual([]);
}
