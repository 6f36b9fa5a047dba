import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { View } from '../../topology/views';
import { loadFromShare, shareSource } from '../document/loaders';
import type { AppState } from '../store';
import { readUrl, urlWithParam, urlWithView } from './url';

/**
 * Keeps the view in the URL: the URL always names the view (replaced on load), a user's switch pushes
 * a history entry, and back/forward restore the view. A `#model=` link opened in this tab loads its model.
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
      const url = readUrl(window.location.search);
      const view = url.view ?? 'traditional';
      if (view !== store.getState().view) store.getState().setView(view);
      if ((url.select ?? null) !== store.getState().selected) store.getState().select(url.select ?? null);
      if ((url.persona ?? null) !== store.getState().persona)
        store.getState().setPersona(url.persona ?? null);
    };
    // The selection and the lens are part of what a link shows, but not steps of history: replace, never push.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.selected !== prev.selected)
        window.history.replaceState(
          window.history.state,
          '',
          urlWithParam(window.location.href, 'select', s.selected),
        );
      if (s.persona !== prev.persona)
        window.history.replaceState(
          window.history.state,
          '',
          urlWithParam(window.location.href, 'persona', s.persona),
        );
    });
    // A share link pasted into the address bar of this tab changes only the hash: no reload, so load it here.
    const onHash = () => {
      const encoded = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('model');
      if (encoded && store.getState().source.key !== shareSource(encoded).key)
        void loadFromShare(store, encoded);
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onHash);
    };
  }, [store]);
}

/** Changes the view as a user action: a new history entry. */
export function navigateToView(store: StoreApi<AppState>, view: View): void {
  if (view === store.getState().view) return;
  const compare = store.getState().compare;
  // While comparing, the switches drive the right-hand view.
  if (compare) {
    store.getState().setCompare([compare[0], view]);
    window.history.replaceState(
      window.history.state,
      '',
      urlWithParam(urlWithView(window.location.href, view), 'compare', `${compare[0]},${view}`),
    );
    return;
  }
  store.getState().switchView(view);
  window.history.pushState(window.history.state, '', urlWithView(window.location.href, view));
}
