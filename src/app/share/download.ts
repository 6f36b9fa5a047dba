import type { AppState } from '../store';

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

/** Offers a blob as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the draft, as it is in the editor, to a file. */
export function downloadDraft(state: AppState): void {
  saveBlob(new Blob([state.draft], { type: 'application/json' }), modelFileName(state));
}
