import { requestModel, resolveModelUrl } from './app/modelRequest';
import { startChecker } from './app/offThread';
import { loadValidator } from './app/validator';

// The first script of the app's and the embed's pages, evaluated before the app's code (React, React Flow,
// the components) and its first render: a model the page's URL names starts downloading now, and the worker
// that will check it starts building its validator, instead of ~200 ms later. The same request the app would make (see `fetchModel`).

const hashModel = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('model');
const urlModel = new URLSearchParams(window.location.search).get('model');
if (hashModel) void loadValidator();
else if (urlModel) {
  const resolved = resolveModelUrl(urlModel, window.location.href);
  if ('url' in resolved) {
    requestModel(resolved.url);
    startChecker();
  }
}
