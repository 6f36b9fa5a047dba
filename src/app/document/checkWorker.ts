import { checkDraft } from '../../model/checkDraft';
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
const read = (id: number, url: string) =>
  void readModel(url).then((got) =>
    scope.postMessage({ id, got, ...('text' in got ? { check: checkDraft(got.text) } : {}) }),
  );
scope.onmessage = (e) => {
  const { data } = e;
  if ('text' in data) scope.postMessage({ id: data.id, check: checkDraft(data.text) });
  else read(data.id, data.url);
};
// The page's model, named when the page started this worker: read now, without waiting for a message.
if (scope.name.startsWith(READ_AT_START.prefix))
  read(READ_AT_START.id, scope.name.slice(READ_AT_START.prefix.length));
