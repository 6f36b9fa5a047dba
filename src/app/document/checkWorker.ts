import type { DraftCheck } from '../../model/checkDraft';
import { READ_AT_START, readModel } from './modelRequest';

// A worker that checks model text (see `offThread.ts`): the validator's work on a big cloud (and building
// the schema) runs on another core while the page renders. Given a URL (the page's `?model=`), it reads the
// model itself and checks it as soon as the text is in, whatever the page's main thread is busy with, and
// answers with the text (or why there is none) and its check.

interface Scope {
  name: string;
  onmessage: ((e: MessageEvent<{ id: number; text: string } | { id: number; url: string }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as Scope;

// The page's model, named when the page started this worker, is asked for first, before the validator is
// loaded and its schema built: the download and that work overlap.
const pageModel = scope.name.startsWith(READ_AT_START.prefix)
  ? readModel(scope.name.slice(READ_AT_START.prefix.length))
  : null;
const checker: Promise<(text: string) => DraftCheck> = import('../../model/checkDraft').then(
  (m) => m.checkDraft,
);
// A validator that cannot load is the worker failing: thrown from a task of its own, it reaches the page's
// `onerror`, which checks there instead (offThread.ts).
checker.catch((err: unknown) =>
  setTimeout(() => {
    throw err;
  }),
);

const read = (id: number, reading: ReturnType<typeof readModel>) =>
  void Promise.all([reading, checker]).then(([got, check]) =>
    scope.postMessage({ id, got, ...('text' in got ? { check: check(got.text) } : {}) }),
  );
scope.onmessage = (e) => {
  const { data } = e;
  if ('text' in data)
    void checker.then((check) => scope.postMessage({ id: data.id, check: check(data.text) }));
  else read(data.id, readModel(data.url));
};
if (pageModel) read(READ_AT_START.id, pageModel);
