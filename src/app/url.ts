import { isView, type View } from '../topology/views';

export type ThemeChoice = 'light' | 'dark' | 'auto';

/** What the URL says, as the app reads it on load and on back/forward. */
export interface UrlState {
  view: View | undefined;
  theme: ThemeChoice | undefined;
}

export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const topology = params.get('topology');
  const theme = params.get('theme');
  return {
    view: isView(topology) ? topology : undefined,
    theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : undefined,
  };
}

/** The URL for a view, keeping every other parameter and the hash. */
export function urlWithView(href: string, view: View): string {
  const url = new URL(href);
  url.searchParams.set('topology', view);
  return url.pathname + url.search + url.hash;
}
