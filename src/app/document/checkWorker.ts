import { checkDraft } from '../../model/checkDraft';

// A worker that checks model text (see `offThread.ts`): the validator's work on a big cloud (and building
// the schema) runs on another core while the page renders.

interface Scope {
  onmessage: ((e: MessageEvent<{ id: number; text: string }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as Scope;
scope.onmessage = (e) => scope.postMessage({ id: e.data.id, check: checkDraft(e.data.text) });
