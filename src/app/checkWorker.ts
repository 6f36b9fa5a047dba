import { checkDraft } from '../model/checkDraft';

// A worker that checks model text (see `offThread.ts`): the validator's ~100 ms for a cloud of a thousand
// elements (and building the schema) run on another core while the page renders.

interface Scope {
  onmessage: ((e: MessageEvent<{ id: number; text: string }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as Scope;
scope.onmessage = (e) => scope.postMessage({ id: e.data.id, check: checkDraft(e.data.text) });
