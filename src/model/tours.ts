// First: zod must be jitless before any schema is built (the CSP forbids eval).
import './zodConfig';
import * as z from 'zod/mini';
import type { ModelIssue } from './issues';
import { Tour } from './schema';
import { formatPath, parseJson, zodIssues } from './validate';

// Guided tours as data. The schemas live in schema.ts (a model may carry its own `tours`), and are
// re-exported here with what works on tours: validation, reference checks and the safe text format.

export {
  Tour,
  TourStep,
} from './schema';
export { parseTourText, safeHref, type TextRun } from './tourText';
export { checkTourRefs } from './validate';

export type ToursResult = { ok: true; tours: Tour[] } | { ok: false; issues: ModelIssue[] };

/**
 * Parses tour JSON: an array of tours, or a single tour. Issues come in the same {path, message} format
 * as `validateModel` (`$[0].steps[2].view` for an array, `$.steps[2].view` for a single tour). Tour ids
 * must be unique. Never throws.
 */
export function validateTours(value: unknown): ToursResult {
  if (value === null || typeof value !== 'object')
    return {
      ok: false,
      issues: [
        {
          path: '$',
          message: `a tour file is a JSON array of tours or one tour object, not ${value === null ? 'null' : `a ${typeof value}`}`,
          segments: [],
        },
      ],
    };
  if (!Array.isArray(value)) {
    const parsed = Tour.safeParse(value);
    return parsed.success
      ? { ok: true, tours: [parsed.data] }
      : { ok: false, issues: zodIssues(parsed.error, value) };
  }
  const parsed = z.array(Tour).safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, value) };
  const issues: ModelIssue[] = [];
  const first = new Map<string, number>();
  parsed.data.forEach((t, i) => {
    const at = first.get(t.id);
    if (at === undefined) first.set(t.id, i);
    else
      issues.push({
        path: formatPath([i, 'id']),
        message: `tour id '${t.id}' is already used at ${formatPath([at, 'id'])}`,
        segments: [i, 'id'],
      });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, tours: parsed.data };
}

/** Parses and validates tour JSON text. */
export function validateToursText(text: string): ToursResult {
  const json = parseJson(text);
  return json.ok ? validateTours(json.value) : json;
}
