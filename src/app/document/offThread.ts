import type { DraftCheck } from '../../model/checkDraft';
import { loadValidator } from './validator';

// Model text fetched by URL is checked in a worker (`checkWorker.ts`) when the page can start one, else here,
// with the same `checkDraft`. A worker is refused where its script is not of the page's origin (the web
// component on another site) or by the page's CSP: then the check runs on the main thread.

type Pending = { text: string; resolve: (check: DraftCheck) => void };

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/** Every check still waiting for the worker runs here instead (the worker failed). */
function giveUp(): void {
  worker?.terminate();
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) void loadValidator().then((check) => p.resolve(check(p.text)));
}

/** Starts the worker (once), so that it is ready, its validator built, when the model arrives. */
export function startChecker(): void {
  if (worker !== undefined) return;
  try {
    worker = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
    return;
  }
  worker.onmessage = (e: MessageEvent<{ id: number; check: DraftCheck }>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.resolve(e.data.check);
  };
  worker.onerror = giveUp;
  worker.onmessageerror = giveUp;
}

/** The last text checked and its check: the same text asked for again gets the same check. */
let last: { text: string; check: Promise<DraftCheck> } | null = null;

/**
 * Checks model text off the main thread when a worker is available; the same result either way. The same
 * text as the last call's (a page's `?model=`, whose check starts as soon as it arrives) is not checked twice.
 */
export function checkOffThread(text: string): Promise<DraftCheck> {
  if (last?.text === text) return last.check;
  startChecker();
  const w = worker;
  const check: Promise<DraftCheck> = w
    ? new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, { text, resolve });
        w.postMessage({ id, text });
      })
    : loadValidator().then((validate) => validate(text));
  last = { text, check };
  return check;
}
