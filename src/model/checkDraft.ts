import { jsonSyntaxIssues, type LocatedIssue, locateIssues } from './locate';
import { preflightText } from './preflight';
import type { Model } from './schema';
import { validateModel } from './validate';

export type DraftCheck = { ok: true; model: Model; issues: [] } | { ok: false; issues: LocatedIssue[] };

/**
 * Checks a draft the way the editor shows it: the text first (size, binary, nesting), then JSON syntax,
 * then schema and integrity, every issue with its line, column and JSON path. Never throws.
 */
export function checkDraft(input: string): DraftCheck {
  const pre = preflightText(input);
  if (!pre.ok) return { ok: false, issues: [pre.issue] };
  const { text } = pre;
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
  // A model over a limit is refused as a whole, at `$`: no need to build the tree of a large text to say so.
  if (result.issues.every((i) => i.limit))
    return { ok: false, issues: result.issues.map((i) => ({ ...i, line: 1, column: 1, from: 0, to: 1 })) };
  return { ok: false, issues: locateIssues(text, result.issues) };
}
