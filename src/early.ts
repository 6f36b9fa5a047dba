import type { EarlyChecker } from './app/document/earlyChecker';

// The first script of the app's and the embed's pages, evaluated before the app's code (React, React Flow,
// the components) and its first render: a model the page's URL names starts downloading now, in the worker
// that checks it (the same request the app would make, see `fetchModelText`), which checks it as soon as its
// text is in, whatever the page's main thread is busy with meanwhile (the app's code, its first render).
// It imports nothing at run time (see app/document/earlyChecker.ts): the worker starts as soon as this small
// file is in. The app takes the worker over (`offThread.ts`).

const hashModel = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('model');
const urlModel = new URLSearchParams(window.location.search).get('model');

/** `resolveModelUrl` (app/document/modelRequest.ts): an absolute http(s) URL, else null (the app explains). */
function modelUrl(raw: string): string | null {
  try {
    const url = new URL(raw, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function startWorker(url: string): void {
  let worker: Worker;
  try {
    // The name carries the model URL (`READ_AT_START`): the worker reads it as it starts.
    worker = new Worker(new URL('./app/document/checkWorker.ts', import.meta.url), {
      type: 'module',
      name: `stacklayers-read:${url}`,
    });
  } catch {
    return; // no worker here (a CSP, a sandbox): the app reads and checks the model itself
  }
  const early: EarlyChecker = { worker, url, answers: [], failed: false };
  worker.onmessage = (e) => early.answers.push(e.data);
  const fail = () => {
    early.failed = true;
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;
  (globalThis as Record<symbol, unknown>)[Symbol.for('stacklayers:early-checker')] = early;
}

// A share link needs the validator on the main thread: it starts loading now.
if (hashModel) void import('./app/document/validator').then((m) => m.loadValidator());
else if (urlModel) {
  const url = modelUrl(urlModel);
  if (url) startWorker(url);
}
