/**
 * A remark plugin (Docusaurus, or any unified/MDX pipeline): ```stacklayers fences become a
 * `<stacklayers-diagram>` with the model in its `model` attribute and a static SVG rendered at build time.
 *
 *   import stacklayers from 'stacklayers/remark';
 *   // docusaurus.config: presets: [['classic', { docs: { remarkPlugins: [stacklayers] } }]]
 *
 * In MDX (the default) the element is JSX: the model goes in the `model` attribute, not a `<template>`
 * child (React would hydrate a template's text outside its content), and the static SVG is an image (see below).
 * `{ html: true }` writes the same HTML
 * as the markdown-it plugin as a raw `html` node instead, for remark-rehype pipelines with raw HTML.
 * Model paths are relative to the Markdown file.
 */

import { fenceDiagram } from '../core/diagram.mjs';
import { diagramHtml } from '../core/html.mjs';

/** @param {{ root?: string, lang?: string, html?: boolean }} [options] */
export default function remarkStacklayers(options = {}) {
  const lang = options.lang ?? 'stacklayers';
  return (tree, file) => {
    let index = 0;
    const visit = (node) => {
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (child.type === 'code' && child.lang === lang) {
          index += 1;
          const diagram = fenceDiagram(child.value, {
            file: file?.path ?? file?.history?.[0],
            line: child.position?.start.line,
            root: options.root ?? file?.cwd,
            index,
          });
          children[i] = options.html ? { type: 'html', value: diagramHtml(diagram) } : jsxDiagram(diagram);
        } else visit(child);
      }
    };
    visit(tree);
  };
}

/** The diagram as an MDX JSX element (what `<stacklayers-diagram …>` in an .mdx file parses to). */
function jsxDiagram({ attrs, modelJson, modelUrl, svg }) {
  const attributes = [{ name: 'className', value: 'stacklayers' }, ...toList(attrs)];
  if (modelJson !== undefined) attributes.push({ name: 'model', value: modelJson });
  if (modelUrl) attributes.push({ name: 'model-src', value: modelUrl });
  // The static SVG as an image: inline, it made React 19's hydration fail on every page (error #418; most likely
  // its <title> elements, one per box, which React 19 treats as document metadata). An image keeps them out.
  const fallback = svg
    ? element('img', [
        { name: 'className', value: 'stacklayers-static' },
        { name: 'src', value: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` },
        { name: 'alt', value: svgLabel(svg) },
      ])
    : element(
        'p',
        [{ name: 'className', value: 'stacklayers-static' }],
        [{ type: 'text', value: `Stacklayers diagram of ${modelUrl} (shown where JavaScript runs).` }],
      );
  return element('stacklayers-diagram', attributes, [fallback]);
}

/** The SVG's title and description, as text: the image's alternative text. */
function svgLabel(svg) {
  const text = (tag) =>
    (svg.match(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`))?.[1] ?? '').replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e],
    );
  return [text('title'), text('desc')].filter(Boolean).join('. ');
}

function toList(attrs) {
  return Object.entries(attrs).map(([name, value]) => ({ name, value }));
}

function element(name, attributes, children = []) {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: attributes.map((a) => ({ type: 'mdxJsxAttribute', ...a })),
    children,
  };
}
