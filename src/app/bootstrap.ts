import type { StoreApi } from 'zustand';
import { type Draft, loadDraft, pushHistory } from './document/drafts';
import { DEFAULT_EXAMPLE } from './document/examples';
import {
  bundledModel,
  fingerprint,
  loadExample,
  loadFromShare,
  loadFromUrl,
  resolveModelUrl,
} from './document/loaders';
import { loadValidator } from './document/validator';
import type { AppState } from './store';

/**
 * What the page shows first: a share link (`#model=`), else a model URL (`?model=`), else the saved draft,
 * else the default example. A saved draft with edits of that same link or URL wins over a fresh load,
 * so a reload never throws edits away.
 */
export async function bootstrap(store: StoreApi<AppState>, location: Location): Promise<void> {
  const saved = loadDraft();
  const hashModel = new URLSearchParams(location.hash.replace(/^#/, '')).get('model');
  const urlModel = new URLSearchParams(location.search).get('model');
  const restore = async (draft: Draft, note?: string) => {
    // A saved draft that is the bundled default, untouched, needs no validator (and loads before the first render).
    const trusted = bundledModel(draft.text);
    if (!trusted) await loadValidator();
    store.getState().loadText(draft.text, draft.source, {
      edited: draft.edited,
      restoring: true,
      ...(trusted ? { trusted } : {}),
    });
    if (note) store.getState().setNotice({ kind: 'info', text: note });
  };

  if (hashModel) {
    if (saved?.edited && saved.source.key === `link:${fingerprint(hashModel)}`)
      return restore(saved, 'Your edits to this shared model were restored from this browser.');
    await loadFromShare(store, hashModel);
  } else if (urlModel) {
    const resolved = resolveModelUrl(urlModel, location.href);
    if ('url' in resolved && saved?.edited && saved.source.key === `url:${resolved.url}`)
      return restore(saved, `Your edits to ${resolved.url} were restored from this browser.`);
    await loadFromUrl(store, urlModel);
  } else if (saved) return restore(saved);
  // The link's or URL's model replaced the saved draft: its edits go to Examples › Earlier drafts.
  if (saved?.edited && store.getState().draft !== '') pushHistory(saved);
  // Nothing loaded (a damaged link, a failed fetch): still show a diagram, the draft's or the example's.
  if (store.getState().draft !== '') return;
  if (saved) await restore(saved);
  else await loadExample(store, DEFAULT_EXAMPLE);
}
