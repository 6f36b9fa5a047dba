import { loadValidator } from '../app/document/validator';
import type { DraftCheck } from '../model/checkDraft';

/**
 * `app/document/offThread.ts` for the one-file web component (`vite.wc.config.ts` puts it in that module's place):
 * model text is checked on the main thread. A worker would be a second file, or a blob: URL that a docs
 * site's CSP (`worker-src`) refuses with a reported violation; the validator would also ship twice in the
 * file, once for the worker. The same check, the same API.
 */

export function startChecker(): void {}

let last: { text: string; check: Promise<DraftCheck> } | null = null;

export function checkOffThread(text: string): Promise<DraftCheck> {
  if (last?.text === text) return last.check;
  const check = loadValidator().then((validate) => validate(text));
  last = { text, check };
  return check;
}

/** No model is read before the component's code runs: no check is ever done before it is asked for. */
export function checkedAlready(_text: string): DraftCheck | undefined {
  return undefined;
}
