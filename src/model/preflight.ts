import { MAX_MODEL_TEXT, MAX_NESTING, megabytes } from './limits';
import { lineColumn } from './lineColumn';
import type { LocatedIssue } from './locate';

/**
 * The checks on model text before it is parsed, each linear and cheap, so that nothing later (JSON.parse,
 * the recursive JSON tree that locates issues, the schema) meets text it could choke on: too large, empty,
 * binary, or nested deeper than any model is.
 */
export type Preflight = { ok: true; text: string } | { ok: false; issue: LocatedIssue };

const at = (text: string, offset: number, message: string): { ok: false; issue: LocatedIssue } => ({
  ok: false,
  issue: { path: '$', message, ...lineColumn(text, offset), from: offset, to: offset + 1, limit: true },
});

const binary = (text: string, offset: number, c: number) =>
  at(
    text,
    offset,
    `this is not text: it has a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')}) here, as binary files do; a model is a JSON text file`,
  );

/** Signatures of common binary files, as their first bytes read as text (undecodable bytes become U+FFFD). */
const BINARY_SIGNATURES: readonly [readonly string[], string][] = [
  [['\u0089PNG', '\ufffdPNG'], 'a PNG image'],
  [['\ufffd\ufffd\ufffd', '\u00ff\u00d8\u00ff'], 'a binary file (a JPEG image?)'],
  [['GIF87a', 'GIF89a'], 'a GIF image'],
  [['%PDF-'], 'a PDF document'],
  [['PK\u0003\u0004'], 'a ZIP archive (or an Office document)'],
  [['\u001f\u008b', '\u001f\ufffd'], 'a gzip archive'],
];

/**
 * Checks model text before parsing. A UTF-8 byte order mark (common from Windows editors) is accepted: it
 * becomes a space, so offsets, lines and columns stay those of the text as given.
 */
export function preflightText(input: string): Preflight {
  if (input.length > MAX_MODEL_TEXT)
    return at(input, 0, `the model is ${megabytes(input.length)}; the limit is ${megabytes(MAX_MODEL_TEXT)}`);
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  for (const [signatures, what] of BINARY_SIGNATURES)
    if (signatures.some((sig) => text.startsWith(sig)))
      return at(text, 0, `this is ${what}, not a model: a model is a JSON text file`);
  let depth = 0;
  let inString = false;
  let nonBlank = false;
  // Scans like the JSON tokenizer that later locates issues: strings end at a quote or a line break, and
  // comments (an error, but skipped by that tokenizer) are skipped, so no bracket it will see goes uncounted.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return binary(text, i, c);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22 || c === 0x0a || c === 0x0d) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    nonBlank = true;
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING)
        return at(
          text,
          i,
          `the JSON is nested more than ${MAX_NESTING} levels deep here; a model needs at most 8 levels`,
        );
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.slice(i).search(/[\r\n]/);
      i = end < 0 ? text.length : i + end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c < 0x20) return binary(text, i, c);
  }
  if (!nonBlank)
    return at(
      text,
      0,
      'the model is empty: a model is a JSON object, e.g. {"version": 1, "hosts": […], "services": […]}',
    );
  return { ok: true, text };
}
