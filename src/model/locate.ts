import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ModelIssue } from './issues';
import { lineColumn } from './lineColumn';

/** An issue with where it is in the text (1-based line and column). */
export interface LocatedIssue extends ModelIssue {
  line: number;
  column: number;
  /** Offset and length of the text to highlight. */
  from: number;
  to: number;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the text after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of a comment',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'unexpected end of a number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/**
 * The first syntax error of JSON text, located (later ones are mostly echoes of the first); empty when the
 * text is JSON. Comments and trailing commas are errors.
 */
export function jsonSyntaxIssues(text: string): LocatedIssue[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length === 0 && text.trim() === '') errors.push({ error: 4, offset: 0, length: 0 });
  return errors.slice(0, 1).map((e) => {
    const code = printParseErrorCode(e.error);
    const { line, column } = lineColumn(text, e.offset);
    return {
      path: '$',
      message: `not valid JSON: ${SYNTAX_MESSAGES[code] ?? code}`,
      line,
      column,
      from: e.offset,
      to: e.offset + Math.max(1, e.length),
    };
  });
}

/** `lineColumn` for many offsets of one text: the line starts are found once, then each offset is a binary search. */
function lineColumnIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const end = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - (starts[lo] ?? 0) + 1 };
  };
}

/**
 * Finds each issue's place in the text: the value at its path (or, for an unknown key, the key itself);
 * where the path does not exist (a missing key), the closest existing parent.
 */
export function locateIssues(text: string, issues: readonly ModelIssue[]): LocatedIssue[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const where = lineColumnIndex(text);
  return issues.map((issue) => {
    let node: Node | undefined = root;
    const segments = issue.segments ?? [];
    if (root) {
      for (let n = segments.length; n >= 0; n--) {
        const found = findNodeAtLocation(root, segments.slice(0, n) as (string | number)[]);
        if (found) {
          node = found;
          break;
        }
      }
    }
    if (node && issue.key !== undefined && node.type === 'object') {
      const prop = node.children?.find((p) => p.children?.[0]?.value === issue.key);
      if (prop?.children?.[0]) node = prop.children[0];
    }
    const from = node?.offset ?? 0;
    // Objects and arrays can be long: highlight only their first character.
    const to = node ? (node.type === 'object' || node.type === 'array' ? from + 1 : from + node.length) : 0;
    return { ...issue, ...where(from), from, to: Math.max(to, from + 1) };
  });
}
