/**
 * The body of a ```stacklayers fence (or a Sphinx directive's options): the model JSON itself, or
 * `key: value` lines (`model: path/or/url.json`, `topology`, `theme`, `height`, `persona`, `select`,
 * `controls`), optionally followed by the model JSON. `#` lines are comments. The Python twin is
 * integrations/python/stacklayers_docs/core.py; both pass integrations/fence-cases.json.
 */

const VIEWS = Object.freeze(['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both']);

const CHOICES = Object.freeze({
  topology: VIEWS,
  theme: ['light', 'dark', 'auto', 'page'],
  persona: ['operator', 'tenant'],
  controls: ['true', 'false'],
});

/** The options a fence may set, in the order they are written as attributes. */
const OPTION_KEYS = Object.freeze(['topology', 'theme', 'height', 'persona', 'select', 'controls']);

/** `auto` or a plain CSS length: nothing that could close the attribute or add a declaration. */
const HEIGHT = /^(auto|\d{1,5}(\.\d{1,3})?(px|em|rem|vh|svh|lvh|dvh))$/;

/** A fence the author has to fix; the message says what and where (line numbers are the fence's). */
export class FenceError extends Error {
  name = 'FenceError';
}

/**
 * @typedef {{ json: string } | { path: string } | { url: string }} ModelSource
 * @typedef {{ attrs: Record<string, string>, model: ModelSource }} Fence
 */

/**
 * Checks one option's value; throws a FenceError naming the allowed values.
 * @param {string} key @param {string} value
 */
function checkOption(key, value) {
  const choices = CHOICES[/** @type {keyof typeof CHOICES} */ (key)];
  if (choices && !choices.includes(value))
    throw new FenceError(`${key} must be one of ${choices.join(', ')} (got "${value}")`);
  if (key === 'height' && !HEIGHT.test(value))
    throw new FenceError(`height must be auto or a CSS length such as 480px (got "${value}")`);
  if (key === 'select' && !/^[^\s<>"'`]{1,200}$/.test(value))
    throw new FenceError(`select must be one element id (got "${value}")`);
}

/**
 * Where a `model:` value points: an http(s) URL (the component fetches it; nothing is drawn at build time)
 * or a file path (read at build time).
 * @param {string} value @returns {ModelSource}
 */
function modelSource(value) {
  if (/^https?:\/\//i.test(value)) return { url: value };
  if (/^[a-z][a-z0-9+.-]+:/i.test(value))
    throw new FenceError(`model must be an http(s) URL or a file path (got "${value}")`);
  return { path: value };
}

/** @param {string} body @returns {Fence} */
export function parseFence(body) {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  /** @type {Record<string, string>} */
  const attrs = {};
  /** @type {ModelSource | null} */
  let model = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('{')) {
      if (model) throw new FenceError('the fence has both a model: line and a model; keep one');
      model = { json: lines.slice(i).join('\n').trim() };
      break;
    }
    const at = line.indexOf(':');
    if (at < 1) throw new FenceError(`line ${i + 1}: expected "key: value" or the model JSON, got "${line}"`);
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (key !== 'model' && !OPTION_KEYS.includes(key))
      throw new FenceError(`unknown option "${key}" (use model, ${OPTION_KEYS.join(', ')})`);
    if (key in attrs || (key === 'model' && model)) throw new FenceError(`"${key}" is given twice`);
    if (key === 'model') model = modelSource(value);
    else {
      checkOption(key, value);
      attrs[key] = value;
    }
  }
  if (!model) {
    const empty = lines.every((l) => l.trim() === '');
    throw new FenceError(
      empty
        ? 'the fence is empty: give the model JSON or a model: line'
        : 'no model: give the model JSON or a model: path/or/url.json line',
    );
  }
  return { attrs, model };
}
