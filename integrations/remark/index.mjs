/**
 * A remark plugin (Docusaurus, or any unified/MDX pipeline): ```stacklayers fences become a
 * `<stacklayers-diagram>` with the model in its `model` attribute and a static SVG rendered at build time.
 *
 *   import stacklayers from 'stacklayers/remark';
 *   // docusaurus.config: presets: [['classic', { docs: { remarkPlugins: [stacklayers] } }]]
 *
 * In MDX (the default) the element is JSX: the model goes in the `model` attribute, not a `<template>`
 * child (React would hydrate a template's text outside its content). `{ html: true }` writes the same HTML
 * as the markdown-it plugin as a raw `html` node instead, for remark-rehype pipelines with raw HTML.
 * Model paths are relative to the Markdown file.
 */

import { fenceDiagram } from '../core/diagram.mjs';
import { diagramHtml, inlineSvg } from '../core/html.mjs';

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
function jsxDiagram({ attrs, modelJson, modelUrl, svg, uid }) {
  const attributes = [{ name: 'className', value: 'stacklayers' }, ...toList(attrs)];
  if (modelJson !== undefined) attributes.push({ name: 'model', value: modelJson });
  if (modelUrl) attributes.push({ name: 'model-src', value: modelUrl });
  const fallback = svg
    ? element('div', [
        { name: 'className', value: 'stacklayers-static' },
        // The static SVG from Stacklayers' renderer, which escapes every text of the model.
        { name: 'dangerouslySetInnerHTML', value: expression('__html', inlineSvg(svg, uid)) },
      ])
    : element(
        'p',
        [{ name: 'className', value: 'stacklayers-static' }],
        [{ type: 'text', value: `Stacklayers diagram of ${modelUrl} (shown where JavaScript runs).` }],
      );
  return element('stacklayers-diagram', attributes, [fallback]);
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

/** `{{ key: 'value' }}` as an attribute value expression, with the estree MDX compiles from. */
function expression(key, value) {
  const object = {
    type: 'ObjectExpression',
    properties: [
      {
        type: 'Property',
        kind: 'init',
        method: false,
        shorthand: false,
        computed: false,
        key: { type: 'Identifier', name: key },
        value: { type: 'Literal', value },
      },
    ],
  };
  return {
    type: 'mdxJsxAttributeValueExpression',
    value: `{${key}: ${JSON.stringify(value)}}`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [{ type: 'ExpressionStatement', expression: object }],
      },
    },
  };
}
