import type { DraftCheck } from '../../model/checkDraft';
import { EARLY_CHECKER_KEY, type EarlyChecker } from './earlyChecker';
import { type ModelText, READ_AT_START, readModel, requestModel } from './modelRequest';
import { loadValidator } from './validator';

// Model text fetched by URL is checked in a worker (`checkWorker.ts`) when the page can start one, else here,
// with the same `checkDraft`. A worker is refused where its script is not of the page's origin (the web
// component on another site) or by the page's CSP: then the check runs on the main thread.

type Pending = { text: string; resolve: (check: DraftCheck) => void };
/** A model the worker reads itself (the page's `?model=`), and who waits for its text. */
type Reading = { url: string; resolve: (got: ModelText) => void };
type Answer = { id: number; check: DraftCheck } | { id: number; got: ModelText; check?: DraftCheck };

let worker: Worker | null | undefined;
/** The model URL in the worker's name, until the app asks for that model's text. */
let startedWith: string | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();
const reading = new Map<number, Reading>();

/** The last text checked and its check: the same text asked for again gets the same check. */
let last: { text: string; check: Promise<DraftCheck> } | null = null;
/** The last check that is done, with its text. */
let done: { text: string; check: DraftCheck } | null = null;

/** Every check still waiting for the worker runs here instead (the worker failed), every read too. */
function giveUp(): void {
  worker?.terminate();
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) void loadValidator().then((check) => p.resolve(check(p.text)));
  const reads = [...reading.values()];
  reading.clear();
  for (const r of reads) void readModel(r.url).then(r.resolve);
}

function answer(data: Answer): void {
  if ('got' in data) {
    const r = reading.get(data.id);
    reading.delete(data.id);
    // The text's check came with it: asked for (loaders.ts), it is this one.
    if ('text' in data.got && data.check) {
      last = { text: data.got.text, check: Promise.resolve(data.check) };
      done = { text: data.got.text, check: data.check };
    }
    r?.resolve(data.got);
    return;
  }
  const p = pending.get(data.id);
  pending.delete(data.id);
  p?.resolve(data.check);
}

/** Asks the worker to read the model at `url` and check it; the text (or why there is none) when it is in. */
function readInWorker(w: Worker, url: string): Promise<ModelText> {
  return new Promise((resolve) => {
    // The model the worker was started with: it reads that one unasked (see `startChecker`).
    if (url === startedWith) {
      startedWith = undefined;
      reading.set(READ_AT_START.id, { url, resolve });
      return;
    }
    const id = nextId++;
    reading.set(id, { url, resolve });
    w.postMessage({ id, url });
  });
}

/**
 * Starts the worker (once), so that it is ready, its validator built, when the model arrives. Given the
 * page's model URL (src/early.ts), the worker reads that model itself and checks it as soon as its text is in
 * (`requestModel` hands the text to the app, `checkOffThread` its check); without a worker, the page reads it
 * and checks it here once it is in.
 */
export function startChecker(modelUrl?: string): void {
  if (worker === undefined) {
    try {
      // The page's model URL goes in the worker's name, which the worker reads as it starts: a message posted
      // to a worker that has not started yet is handed over by the page's main thread once the worker's
      // script has run, so a main thread busy with the app's code and first render would hold the download.
      listen(
        new Worker(new URL('./checkWorker.ts', import.meta.url), {
          type: 'module',
          name: modelUrl === undefined ? 'stacklayers-check' : `${READ_AT_START.prefix}${modelUrl}`,
        }),
        modelUrl,
      );
    } catch {
      worker = null;
    }
  }
  if (modelUrl === undefined) return;
  const w = worker;
  if (w) void requestModel(modelUrl, (url) => readInWorker(w, url));
  else
    void requestModel(modelUrl).then((got) => {
      if ('text' in got) void checkOffThread(got.text);
    });
}

/** The checker is `w`, started to read `modelUrl` (or none). */
function listen(w: Worker, modelUrl: string | undefined): void {
  worker = w;
  startedWith = modelUrl;
  w.onmessage = (e: MessageEvent<Answer>) => answer(e.data);
  w.onerror = giveUp;
  w.onmessageerror = giveUp;
}

/**
 * Takes over the worker the pages' first script started for the page's `?model=` (src/early.ts), with what it
 * answered meanwhile: the model's text is then the app's as if it had started the worker itself. A worker that
 * failed already is let go (the app reads the model itself).
 */
function adoptEarlyChecker(): void {
  const slots = globalThis as Record<symbol, EarlyChecker | undefined>;
  const key = Symbol.for(EARLY_CHECKER_KEY);
  const early = slots[key];
  if (!early || worker !== undefined) return;
  delete slots[key];
  if (early.failed) {
    early.worker.terminate();
    return;
  }
  listen(early.worker, early.url);
  void requestModel(early.url, (url) => readInWorker(early.worker, url));
  for (const data of early.answers) answer(data as Answer);
}

adoptEarlyChecker();

/**
 * Checks model text off the main thread when a worker is available; the same result either way. The same
 * text as the last call's (a page's `?model=`, checked as soon as it arrives) is not checked twice.
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
  void check.then((result) => {
    if (last?.check === check) done = { text, check: result };
  });
  return check;
}

/** The check of `text`, if it is done already (the page's `?model=`, checked as soon as it arrived). */
export function checkedAlready(text: string): DraftCheck | undefined {
  return done?.text === text ? done.check : undefined;
}
