import { resolveModelUrl } from './app/document/modelRequest';
import { startChecker } from './app/document/offThread';
import { loadValidator } from './app/document/validator';

// The first script of the app's and the embed's pages, evaluated before the app's code (React, React Flow,
// the components) and its first render: a model the page's URL names starts downloading now, in the worker
// that checks it (the same request the app would make, see `fetchModelText`), which checks it as soon as its
// text is in, whatever the page's main thread is busy with meanwhile (the app's code, its first render).

const hashModel = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('model');
const urlModel = new URLSearchParams(window.location.search).get('model');
if (hashModel) void loadValidator();
else if (urlModel) {
  const resolved = resolveModelUrl(urlModel, window.location.href);
  if ('url' in resolved) startChecker(resolved.url);
}
