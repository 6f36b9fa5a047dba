import { requestModel, resolveModelUrl } from './app/document/modelRequest';
import { checkOffThread, startChecker } from './app/document/offThread';
import { loadValidator } from './app/document/validator';

// The first script of the app's and the embed's pages, evaluated before the app's code (React, React Flow,
// the components) and its first render: a model the page's URL names starts downloading now (the same
// request the app would make, see `fetchModelText`), and the worker that will check it starts building its
// validator, instead of once the app's code has loaded.

const hashModel = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('model');
const urlModel = new URLSearchParams(window.location.search).get('model');
if (hashModel) void loadValidator();
else if (urlModel) {
  const resolved = resolveModelUrl(urlModel, window.location.href);
  if ('url' in resolved) {
    startChecker();
    // Its check starts as soon as its text is in (the worker takes it once its validator is built), not
    // when the app's code, loaded and rendering its first frame, gets to it.
    void requestModel(resolved.url).then((got) => {
      if ('text' in got) void checkOffThread(got.text);
    });
  }
}
