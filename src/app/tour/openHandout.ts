import type { Tour } from '../../model/tours';
import { saveBlob } from '../share/download';
import type { AppState } from '../store';

/** A file name for a tour's handout. */
function handoutFileName(tour: Tour): string {
  const slug = tour.id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'tour'}-handout.html`;
}

/**
 * Saves the tour's handout, the same file as `stacklayers handout`: one printable HTML file, each step's
 * view as SVG. Its code (the SVG drawing) loads only now.
 */
export async function openHandout(state: AppState, tour: Tour): Promise<void> {
  const model = state.model;
  if (!model) return;
  try {
    const { handoutHtml } = await import('../../render/handout');
    const html = handoutHtml(model, tour);
    saveBlob(new Blob([html], { type: 'text/html' }), handoutFileName(tour));
    state.setNotice({
      kind: 'info',
      text: `Handout saved as ${handoutFileName(tour)}: open it and print it (to paper or PDF).`,
    });
  } catch (err) {
    state.setNotice({
      kind: 'error',
      text: `Could not make the handout: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
}
