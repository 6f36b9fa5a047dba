/**
 * What the pages' first script (src/early.ts) hands the app: the check worker it started for the page's
 * `?model=`, and what that worker answered before the app's code ran. Types and a key only: src/early.ts
 * imports nothing at run time, so it runs as soon as its own small file is in, not once a chunk it shares
 * with the app has been downloaded too (the pages' module requests queue on a few connections).
 */
export interface EarlyChecker {
  worker: Worker;
  /** The model URL in the worker's name (the worker reads it unasked, see `startChecker`). */
  url: string;
  /** The worker's answers so far, in order (the app takes over `onmessage`). */
  answers: unknown[];
  /** Whether the worker failed to start or run. */
  failed: boolean;
}

/**
 * The global symbol (`Symbol.for`) under which src/early.ts leaves it, for `offThread.ts` to take. src/early.ts
 * spells it out itself, as it does the worker's name prefix (`READ_AT_START`) and the URL's resolution
 * (`resolveModelUrl`): `early.test.ts` checks that the app and it agree.
 */
export const EARLY_CHECKER_KEY = 'stacklayers:early-checker';
