/**
 * The HTML every docs integration writes for one diagram (see docs/embedding-docs-sites.md):
 *
 *   <stacklayers-diagram topology=… theme=…><template>MODEL JSON</template>
 *     <div class="stacklayers-static">STATIC SVG</div></stacklayers-diagram>
 *
 * The static SVG is the picture without JavaScript (and before the component upgrades); the component hides
 * it once it renders. Everything from the author is escaped, braces too: VitePress compiles pages as Vue
 * templates, where a `{{ }}` in a model's text would otherwise be run as an expression.
 */

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"'{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An SVG document as a fragment to inline in a page: no XML prolog, no fixed size (it scales to the
 * column by its viewBox), and its ids (title, description) prefixed so that several diagrams on one page
 * keep unique ids. Braces are escaped like text (see above).
 * @param {string} svg @param {string} uid
 */
export function inlineSvg(svg, uid) {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('not an SVG document');
  let out = svg.slice(start).trim();
  const rootEnd = out.indexOf('>');
  const root = out
    .slice(0, rootEnd)
    .replace(/\s(width|height)="[^"]*"/g, '')
    .replace(/\saria-labelledby="([^"]*)"/, (_, ids) => ` aria-labelledby="${prefixIds(ids, uid)}"`);
  out = root + out.slice(rootEnd);
  out = out
    .replace(/\sid="([^"]*)"/g, (_, id) => ` id="${uid}-${id}"`)
    .replace(/url\(#([^)]*)\)/g, (_, id) => `url(#${uid}-${id})`);
  return out.replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {string} ids @param {string} uid */
function prefixIds(ids, uid) {
  return ids
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => `${uid}-${id}`)
    .join(' ');
}

/**
 * @param {{ attrs: Record<string, string>, modelJson?: string, modelUrl?: string, svg?: string, uid: string }} d
 *   `modelJson` goes into the `<template>`; `modelUrl` becomes `model-src` (then there is no static SVG).
 */
export function diagramHtml({ attrs, modelJson, modelUrl, svg, uid }) {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  const src = modelUrl ? ` model-src="${escapeHtml(modelUrl)}"` : '';
  const template = modelJson === undefined ? '' : `<template>${escapeHtml(modelJson)}</template>`;
  const fallback = svg
    ? `<div class="stacklayers-static">${inlineSvg(svg, uid)}</div>`
    : `<p class="stacklayers-static">Stacklayers diagram of <a href="${escapeHtml(modelUrl ?? '')}">${escapeHtml(modelUrl ?? '')}</a> (shown where JavaScript runs).</p>`;
  return `<stacklayers-diagram class="stacklayers"${attributes}${src}>${template}${fallback}</stacklayers-diagram>`;
}
