/**
 * Drafts in localStorage: the current one, and a short history of the ones a load replaced, so no
 * sequence of loads loses an edit. Storage goes through ../ui/storage, which catches a full, disabled or
 * throwing one (sandboxed iframes): then the app simply works without it.
 */

import { readStored, writeStored } from '../ui/storage';

/** Where a draft came from. */
export interface DraftSource {
  kind: 'example' | 'file' | 'url' | 'link' | 'paste' | 'draft';
  /** What to show: an example's title, a file name, a URL. */
  label: string;
  /** Identifies the source for "was this loaded from the same place?" (example id, URL, link hash). */
  key: string;
}

export interface Draft {
  text: string;
  source: DraftSource;
  /** Changed in the editor since it was loaded. */
  edited: boolean;
  savedAt: number;
}

const CURRENT = 'stacklayers:draft:v1';
const HISTORY = 'stacklayers:history:v1';
const HISTORY_SIZE = 8;

function read<T>(key: string): T | undefined {
  const raw = readStored(key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

const write = (key: string, value: unknown): boolean => writeStored(key, JSON.stringify(value));

const isDraft = (d: unknown): d is Draft =>
  !!d &&
  typeof d === 'object' &&
  typeof (d as Draft).text === 'string' &&
  typeof (d as Draft).source?.key === 'string' &&
  typeof (d as Draft).source?.label === 'string';

export function loadDraft(): Draft | undefined {
  const d = read<unknown>(CURRENT);
  return isDraft(d) ? d : undefined;
}

/** Saves the current draft; returns false when storage refused it. */
export function saveDraft(draft: Draft): boolean {
  return write(CURRENT, draft);
}

export function loadHistory(): Draft[] {
  const list = read<unknown>(HISTORY);
  return Array.isArray(list) ? list.filter(isDraft) : [];
}

/** Keeps a draft that is about to be replaced (most recent first, without exact duplicates). */
export function pushHistory(draft: Draft): void {
  const list = loadHistory().filter((d) => d.text !== draft.text);
  list.unshift(draft);
  // A full storage drops the oldest entries first.
  for (let n = Math.min(list.length, HISTORY_SIZE); n > 0; n--) if (write(HISTORY, list.slice(0, n))) return;
}
