/**
 * One fence to its HTML, shared by the markdown-it and remark plugins: parse the body, read a model file,
 * render the static SVG, and name the ids uniquely. Errors say which file and line to fix.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseFence } from './fence.mjs';
import { renderSvg } from './stacklayers.mjs';

/**
 * @typedef {{ attrs: Record<string, string>, modelJson?: string, modelUrl?: string, svg?: string, uid: string }} Diagram
 */

/**
 * @param {string} body the fence's text
 * @param {{ file?: string, line?: number, root?: string, index?: number }} where the Markdown file (model paths
 *   are relative to its folder, else to `root`, else to the current directory), the fence's line, and its
 *   position on the page (for unique ids)
 * @returns {Diagram}
 */
export function fenceDiagram(body, where = {}) {
  const at = `${where.file ?? 'markdown'}${where.line ? `:${where.line}` : ''}`;
  try {
    const { attrs, model } = parseFence(body);
    if ('url' in model) return { attrs, modelUrl: model.url, uid: uid(model.url, where.index) };
    let modelJson;
    if ('json' in model) modelJson = model.json;
    else {
      const base = where.file ? dirname(where.file) : (where.root ?? process.cwd());
      try {
        modelJson = readFileSync(resolve(base, model.path), 'utf8').trim();
      } catch (err) {
        throw new Error(
          `cannot read the model file ${model.path}: ${err instanceof Error ? err.message : err}`,
        );
      }
    }
    const theme = attrs.theme === 'dark' ? 'dark' : attrs.theme === 'light' ? 'light' : 'auto';
    const svg = renderSvg(modelJson, { topology: attrs.topology ?? 'traditional', theme });
    return { attrs, modelJson, svg, uid: uid(modelJson, where.index) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`stacklayers fence at ${at}: ${message}`, { cause: err });
  }
}

/** A short id prefix, stable across builds: the model's hash and the diagram's place on the page. */
function uid(text, index = 0) {
  return `sl${createHash('sha256').update(text).digest('hex').slice(0, 8)}-${index}`;
}
