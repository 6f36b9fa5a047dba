import { jsonSyntaxIssues, type LocatedIssue, locateIssues } from './locate';
import type { Model } from './schema';
import { validateModel } from './validate';

/** The largest model text we accept (bytes of UTF-16 text; about 5 MB). */
export const MAX_MODEL_TEXT = 5 * 1024 * 1024;

export type DraftCheck = { ok: true; model: Model; issues: [] } | { ok: false; issues: LocatedIssue[] };

/**
 * Checks a draft the way the editor shows it: JSON syntax first, then schema and integrity, every issue
 * with its line, column and JSON path. Never throws.
 */
export function checkDraft(text: string): DraftCheck {
  if (text.length > MAX_MODEL_TEXT)
    return {
      ok: false,
      issues: [
        {
          path: '$',
          message: `the model is ${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_MODEL_TEXT / 1024 / 1024} MB`,
          line: 1,
          column: 1,
          from: 0,
          to: 1,
        },
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const syntax = jsonSyntaxIssues(text);
    return {
      ok: false,
      issues: syntax.length
        ? syntax
        : [{ path: '$', message: 'not valid JSON', line: 1, column: 1, from: 0, to: 1 }],
    };
  }
  const result = validateModel(value);
  if (result.ok) return { ok: true, model: result.model, issues: [] };
  return { ok: false, issues: locateIssues(text, result.issues) };
}
