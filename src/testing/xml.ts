// The exported SVG read back as a tree, for tests (imported by *.test.ts only). The parsing is saxes', a
// strict XML 1.0 + namespaces well-formedness checker (jsdom's XML parser): any markup that is not
// well-formed throws, so a test that parses the export fails on a broken picture.
import { type SaxesOptions, SaxesParser } from 'saxes';
import { expect } from 'vitest';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

/**
 * Parses `src` as XML (namespaces checked), throwing on anything not well-formed, and on a DTD: well-formed,
 * but the export has none, and a document type could declare entities.
 */
export function parseXml(src: string): XmlElement {
  const parser = new SaxesParser<SaxesOptions & { xmlns: true }>({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const add = (node: XmlNode) => stack[stack.length - 1]?.children.push(node);
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('doctype', () => {
    throw new Error(`a DTD at ${parser.line}:${parser.column}`);
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attrs[attr.name] = attr.value;
    const el: XmlElement = { name: tag.name, attrs, children: [] };
    if (stack.length === 0) root = el;
    else add(el);
    stack.push(el);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', add);
  parser.on('cdata', add);
  parser.write(src).close();
  if (!root) throw new Error('no root element');
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
