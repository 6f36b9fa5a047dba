import { urlWithParam } from '../settings/url';
import type { AppState } from '../store';

/** The presenter window's URL: this page's (same model, tour and step) with `presenter=1`. */
function presenterUrl(href: string): string {
  return urlWithParam(href, 'presenter', '1');
}

/**
 * Opens the presenter's window beside this one (the room's). The two find each other on a
 * BroadcastChannel (tour/channel.ts); this window turns to the room view when the other says hello.
 */
export function openPresenterWindow(state: AppState): void {
  const opened = window.open(
    presenterUrl(window.location.href),
    'stacklayers-presenter',
    'popup,width=1100,height=760',
  );
  if (!opened)
    state.setNotice({
      kind: 'error',
      text: 'The browser blocked the presenter window: allow pop-ups for this page, or open this page again with presenter=1 in its address.',
    });
}
