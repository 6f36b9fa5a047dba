import { MAX_LINK_LENGTH, thousands } from '../../model/limits';
import { encodeShare } from '../../model/share';
import type { AppState } from '../store';

// Apart from the loaders: it compresses the model (fflate), which no page needs until the user shares.

/** The share link of the current view and model, or why there is none. */
export function shareLink(state: AppState, href: string): { url: string } | { error: string } {
  if (!state.model) return { error: 'There is no valid model to share yet.' };
  const url = new URL(href);
  url.searchParams.delete('model');
  url.searchParams.set('topology', state.view);
  url.hash = `model=${encodeShare(JSON.stringify(state.model))}`;
  if (url.href.length > MAX_LINK_LENGTH)
    return {
      error: `This model is too large for a link (${thousands(url.href.length)} characters; links stop at ${thousands(MAX_LINK_LENGTH)}). Share the file instead (Download), or put it on a web server and link to it with ?model=<its URL>.`,
    };
  return { url: url.href };
}
