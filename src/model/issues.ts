// The issue type shared by the validator, the locator and the pre-parse checks (its own module, so none of
// them imports another for a type).

/** One problem found in a model, with where it is. */
export interface ModelIssue {
  /** JSON path of the offending value, e.g. `$.hosts[2].roles[0]`. */
  path: string;
  /** Plain-language message. */
  message: string;
  /** The path as keys and indices (for locating the issue in the text). */
  segments?: readonly (string | number)[];
  /** An unknown key: the issue points at the key itself, inside the object at `path`. */
  key?: string;
  /**
   * The input is over a limit (size, nesting, elements) or not text at all: it is refused as a whole, and
   * loading it changes nothing but a message (see `model/limits.ts`).
   */
  limit?: true;
}
