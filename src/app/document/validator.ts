import type { DraftCheck } from '../../model/checkDraft';
import { loadOnce } from './loadOnce';

// The model validator (zod and the schema: a large share of the JavaScript, and of a fresh page's main thread
// to build and first run) loads on demand: the app's first diagram is of its bundled default model, which is
// checked by the tests, not by every page load (see `loadTrusted` in the store). Everything that loads text
// from outside awaits `loadValidator()` first; the app also starts loading it once the first diagram is up.

type Check = (text: string) => DraftCheck;

const validator = loadOnce<Check>(() => import('../../model/checkDraft').then((m) => m.checkDraft));

/** Loads the validator once; resolves when `validatorIfLoaded()` has it. */
export function loadValidator(): Promise<Check> {
  return validator.load();
}

/** The validator when it has loaded, else null. */
export function validatorIfLoaded(): Check | null {
  return validator.loaded();
}
