import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store';
import { saveDraft } from './drafts';

/** Saves the draft shortly after each change, and at once when the page is hidden or closed. */
export function usePersistDraft(store: StoreApi<AppState>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dirty = false;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!dirty) return;
      dirty = false;
      const s = store.getState();
      if (s.draft === '') return;
      // An untouched example or file needs no saving; an edit the browser will not keep is worth a word.
      if (!saveDraft({ text: s.draft, source: s.source, edited: s.edited, savedAt: Date.now() }) && s.edited)
        s.setNotice({
          kind: 'error',
          text: 'This browser refused to save the draft: download it to keep it.',
        });
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.draft === prev.draft && s.source === prev.source && s.edited === prev.edited) return;
      dirty = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, 250);
    });
    // What was loaded before this hook subscribed (the page's first model) is saved like any later change.
    if (store.getState().draft !== '') {
      dirty = true;
      timer = setTimeout(flush, 250);
    }
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      flush();
      unsubscribe();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [store]);
}
