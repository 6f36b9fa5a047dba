import { type RefObject, useRef, useState } from 'react';
import { VIEWS, type View } from '../topology/views';
import { ExamplesDialog } from './document/ExamplesDialog';
import { openFiles } from './document/importFiles';
import { urlWithParam } from './settings/url';
import { downloadDraft } from './share/download';
import { ShareDialog } from './share/ShareDialog';
import { useApp, useAppStore } from './store';
import { stepJson } from './tour/stepJson';
import { useTours } from './tour/useTours';
import { buttonClass } from './ui/buttonClass';

type Store = ReturnType<typeof useAppStore>;

/** Copies a link to this view of this model (or says why there is none). */
async function copyLink(store: Store) {
  const state = store.getState();
  const { shareLink } = await import('./share/shareLink');
  const link = shareLink(state, window.location.href);
  if ('error' in link) {
    state.setNotice({ kind: 'error', text: link.error });
    return;
  }
  try {
    await navigator.clipboard.writeText(link.url);
    state.setNotice({ kind: 'info', text: 'Link copied: it opens this view of this model.' });
  } catch {
    window.prompt('Copy this link:', link.url);
  }
}

/** An author's aid: what the diagram shows now, as a tour step to paste into the model's `tours`. */
async function copyStep(store: Store) {
  const state = store.getState();
  const text = stepJson(state);
  try {
    await navigator.clipboard.writeText(text);
    state.setNotice({
      kind: 'info',
      text: "Copied as a tour step's JSON: paste it into a tour's steps, then write its title, text and notes.",
    });
  } catch {
    window.prompt("Copy this tour step's JSON:", text);
  }
}

/** Compare on (this view beside traditional, or both) or off, kept in the URL. */
function toggleCompare(store: Store, comparing: boolean) {
  const state = store.getState();
  const other: View = state.view === 'traditional' ? 'both' : 'traditional';
  const pair = [other, state.view].sort((a, b) => VIEWS.indexOf(a) - VIEWS.indexOf(b));
  const next: readonly [View, View] | null = comparing ? null : [pair[0] ?? other, pair[1] ?? state.view];
  state.setCompare(next);
  window.history.replaceState(
    window.history.state,
    '',
    urlWithParam(window.location.href, 'compare', next ? next.join(',') : null),
  );
}

/** The hidden file input behind "Open file…". */
function FileInput({ input, store }: { input: RefObject<HTMLInputElement | null>; store: Store }) {
  return (
    <input
      ref={input}
      type="file"
      accept=".json,application/json"
      multiple
      className="sr-only"
      tabIndex={-1}
      aria-label="Open a model file, or openstack and kubectl output to import"
      data-testid="file-input"
      onChange={(e) => {
        // Copied before the input is reset, which empties its file list.
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length > 0) void openFiles(store, files);
      }}
    />
  );
}

/** Open, examples, edit, share and download. */
export function Toolbar() {
  const store = useAppStore();
  const editorOpen = useApp((s) => s.editorOpen);
  const inspector = useApp((s) => s.inspector);
  const touring = useApp((s) => s.tour !== null);
  const comparing = useApp((s) => s.compare !== null);
  const tours = useTours();
  const hasModel = useApp((s) => s.model !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [examplesOpen, setExamplesOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);

  return (
    <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label="Model">
      <button type="button" className={buttonClass} onClick={() => setExamplesOpen(true)}>
        Examples
      </button>
      <button type="button" className={buttonClass} onClick={() => fileInput.current?.click()}>
        Open file…
      </button>
      <FileInput input={fileInput} store={store} />
      <button
        type="button"
        className={buttonClass}
        aria-pressed={editorOpen}
        onClick={() => store.getState().setEditorOpen(!editorOpen)}
      >
        Edit JSON
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={tours.length === 0}
        aria-pressed={touring}
        onClick={() => {
          const first = tours[0];
          if (touring) store.getState().setTour(null);
          else if (first) store.getState().setTour({ id: first.id, step: 0 });
        }}
      >
        Tour
      </button>
      <button
        type="button"
        className={buttonClass}
        aria-pressed={comparing}
        onClick={() => toggleCompare(store, comparing)}
      >
        Compare
      </button>
      <button
        type="button"
        className={buttonClass}
        aria-pressed={inspector !== null}
        onClick={() => store.getState().setInspector(inspector ? null : 'numbers')}
      >
        Explain
      </button>
      <button type="button" className={buttonClass} onClick={() => copyLink(store)} disabled={!hasModel}>
        Copy link
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={() => copyStep(store)}
        disabled={!hasModel}
        title="Copy this view, lens, selection and failures as a tour step's JSON"
      >
        Copy as step
      </button>
      <button type="button" className={buttonClass} onClick={() => setShareOpen(true)} disabled={!hasModel}>
        Share…
      </button>
      <ShareDialog open={shareOpen} onClose={() => setShareOpen(false)} />
      <button type="button" className={buttonClass} onClick={() => downloadDraft(store.getState())}>
        Download
      </button>
      <ExamplesDialog open={examplesOpen} onClose={() => setExamplesOpen(false)} />
    </div>
  );
}
