import type { AppState } from './store';

/** A file name for the model: its name, made safe, or the source's. */
export function modelFileName(state: Pick<AppState, 'model' | 'source'>): string {
  const base = state.model?.name ?? state.source.label.replace(/\.json$/i, '') ?? 'model';
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'model'}.json`;
}

/** Saves the draft, as it is in the editor, to a file. */
export function downloadDraft(state: AppState): void {
  const blob = new Blob([state.draft], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = modelFileName(state);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
