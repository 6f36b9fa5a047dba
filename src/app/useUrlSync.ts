import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { View } from '../topology/views';
import type { AppState } from './store';
import { readUrl, urlWithView } from './url';

/**
 * Keeps the view in the URL: the URL always names the view (replaced on load), a user's switch pushes
 * a history entry, and back/forward restore the view.
 */
export function useUrlSync(store: StoreApi<AppState>): void {
  useEffect(() => {
    const current = readUrl(window.location.search).view;
    if (current !== store.getState().view) {
      window.history.replaceState(
        window.history.state,
        '',
        urlWithView(window.location.href, store.getState().view),
      );
    }
    const onPop = () => {
      const view = readUrl(window.location.search).view ?? 'traditional';
      if (view !== store.getState().view) store.getState().setView(view);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store]);
}

/** Changes the view as a user action: a new history entry. */
export function navigateToView(store: StoreApi<AppState>, view: View): void {
  if (view === store.getState().view) return;
  store.getState().setView(view);
  window.history.pushState(window.history.state, '', urlWithView(window.location.href, view));
}
