import '@fontsource-variable/inter';
import '@xyflow/react/dist/base.css';
import './index.css';
import './render/flow/diagram.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/explain/failureEngine';
import { afterFirstDiagram } from './app/afterFirstDiagram';

// The font is preloaded, but a font face only starts loading (and decoding) when text first asks for it: at
// the first layout, which would then be drawn in the fallback font and laid out again when Inter arrives.
// Asking now lets the first layout use Inter.
void document.fonts?.load('1em "Inter Variable"').catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// A page whose model comes by URL (`?model=`) renders first as a transition: it yields to the page's other
// tasks as it goes, so the model, checked in the worker meanwhile (src/early.ts), is taken in at once and that
// render starts again with the diagram: one render and layout of the page, not one without the diagram and
// another with it. Any other page has its model at once (bundled, a saved draft): its first render is whole.
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
const reactRoot = createRoot(root);
if (new URLSearchParams(window.location.search).has('model')) startTransition(() => reactRoot.render(app));
else reactRoot.render(app);

// Offline after the first visit (workshops): a service worker precaches the whole build. It is registered
// once the first diagram is up and the page is idle, so that downloading and storing the build (the editor
// included) does not compete with the first diagram. Where the browser refuses (a sandboxed frame throws on
// reading navigator.serviceWorker, private modes reject), the app simply works online.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void afterFirstDiagram().then(() => {
    try {
      void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
    } catch {
      // no service worker here
    }
  });
}
