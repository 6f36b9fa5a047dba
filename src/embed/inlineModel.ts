// The web component's inline model, as server renderers leave it (VitePress, Docusaurus, Sphinx).

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

/**
 * A model's text as a server renderer may have left it: escaped once more than the HTML parser undoes
 * (`&quot;` in the text itself). JSON never contains `&quot;` or `&#34;` between its tokens, so text that does
 * and does not parse is decoded once.
 */
export function decodeModelText(text: string): string {
  if (!/&(quot|#34|#x22);/i.test(text)) return text;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  }
}

/**
 * The inline model, in the order of preference: a child `<template>` holding the JSON (server renderers leave
 * a template's text alone), the `model` attribute, a child `<script type="application/json">` (older pages).
 * Null when there is none; an empty string when one is there but empty (stripped by a renderer: said, not
 * replaced by another model).
 */
export function inlineModelText(element: Element): string | null {
  const template = element.querySelector(':scope > template');
  if (template instanceof HTMLTemplateElement)
    return decodeModelText((template.content.textContent ?? '').trim());
  const attribute = element.getAttribute('model');
  if (attribute !== null) return decodeModelText(attribute.trim());
  const script = element.querySelector(':scope > script[type="application/json"]');
  return script ? decodeModelText((script.textContent ?? '').trim()) : null;
}
