import { checkDraft } from '../../model/checkDraft';
import { readModel } from './modelRequest';

// A worker that checks model text (see `offThread.ts`): the validator's work on a big cloud (and building
// the schema) runs on another core while the page renders. Given a URL (the page's `?model=`), it reads the
// model itself and checks it as soon as the text is in, whatever the page's main thread is busy with, and
// answers with the text (or why there is none) and its check.

interface Scope {
  onmessage: ((e: MessageEvent<{ id: number; text: string } | { id: number; url: string }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as Scope;
scope.onmessage = (e) => {
  const { data } = e;
  if ('text' in data) {
    scope.postMessage({ id: data.id, check: checkDraft(data.text) });
    return;
  }
  void readModel(data.url).then((got) =>
    scope.postMessage({ id: data.id, got, ...('text' in got ? { check: checkDraft(got.text) } : {}) }),
  );
};
