import { isView, type View } from '../../topology/views';

export type ThemeChoice = 'light' | 'dark' | 'auto';

/** What the URL says, as the app reads it on load and on back/forward. */
export interface UrlState {
  view: View | undefined;
  theme: ThemeChoice | undefined;
  select: string | undefined;
  persona: 'operator' | 'tenant' | undefined;
  /** `tour=<id>&step=<n>` (n from 1 in the URL, from 0 here). */
  tour: { id: string; step: number } | undefined;
  /** `compare=<view>,<view>`. */
  compare: [View, View] | undefined;
  /**
   * `fold=none`: every host, project and cluster starts unfolded, whatever the model's size (big models
   * otherwise start folded). As the CLI's `render --fold none`.
   */
  unfolded: boolean;
}

export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const topology = params.get('topology');
  const theme = params.get('theme');
  const persona = params.get('persona');
  const select = params.get('select');
  const tourId = params.get('tour');
  const step = Number.parseInt(params.get('step') ?? '1', 10);
  const compare = (params.get('compare') ?? '').split(',');
  return {
    view: isView(topology) ? topology : undefined,
    theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : undefined,
    select: select && select.length <= 300 ? select : undefined,
    persona: persona === 'operator' || persona === 'tenant' ? persona : undefined,
    tour:
      tourId && tourId.length <= 100
        ? { id: tourId, step: Number.isFinite(step) && step >= 1 ? step - 1 : 0 }
        : undefined,
    compare:
      compare.length === 2 && isView(compare[0]) && isView(compare[1]) ? [compare[0], compare[1]] : undefined,
    unfolded: params.get('fold') === 'none',
  };
}

/** The URL for a view, keeping every other parameter and the hash. */
export function urlWithView(href: string, view: View): string {
  const url = new URL(href);
  url.searchParams.set('topology', view);
  return url.pathname + url.search + url.hash;
}

/** The URL with one parameter set (or removed when null), keeping the rest and the hash. */
export function urlWithParam(href: string, key: string, value: string | null): string {
  const url = new URL(href);
  if (value === null) url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  return url.pathname + url.search + url.hash;
}
