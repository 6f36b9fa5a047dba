import type { StoreApi } from 'zustand';
import type { DraftCheck } from '../../model/checkDraft';
import { MAX_MODEL_TEXT, megabytes } from '../../model/limits';
import type { LocatedIssue } from '../../model/locate';
import { preflightText } from '../../model/preflight';
import type { Model } from '../../model/schema';
import type { AppState } from '../store';
import type { DraftSource } from './drafts';
import { type Example, exampleUrl } from './examples';
import { fetchModelText, resolveModelUrl, takeArrivedModel } from './modelRequest';
import { checkedAlready, checkOffThread, startChecker } from './offThread';
import { loadValidator } from './validator';

type Store = StoreApi<AppState>;

/** A short stable fingerprint of a text (to recognise the same share link again). */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Pretty-prints JSON text (2 spaces) so it reads well in the editor; leaves non-JSON as it is. */
export function prettyJson(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}

export { resolveModelUrl };

/** Why a fetched text is not a model, in one sentence: the first problem and how many more. */
export function invalidModelMessage(url: string, issues: readonly LocatedIssue[]): string {
  const first = issues[0];
  const where = first
    ? ` (line ${first.line}${first.path !== '$' ? `, ${first.path}` : ''}): ${first.message}`
    : '';
  const more =
    issues.length > 1 ? `, and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}` : '';
  return `Could not load ${url}: it is not a valid model${where}${more}. Download it and open it (Open file…) to see every problem in the editor.`;
}

/**
 * Loads a model by URL (`?model=`), keeping the diagram as it was when that fails. `describeInvalid` says
 * what an invalid answer is (an embed has no editor to send the reader to).
 */
export async function loadFromUrl(
  store: Store,
  raw: string,
  describeInvalid: typeof invalidModelMessage = invalidModelMessage,
): Promise<boolean> {
  const resolved = resolveModelUrl(raw, window.location.href);
  if ('error' in resolved) {
    store.getState().setNotice({ kind: 'error', text: `Cannot load the model: ${resolved.error}.` });
    return false;
  }
  return fetchAndLoad(
    store,
    resolved.url,
    `Loading ${resolved.url}…`,
    { kind: 'url', label: resolved.url, key: `url:${resolved.url}` },
    // An invalid answer is a failed load: the diagram you had stays, and the message says why.
    describeInvalid,
  );
}

/** Fetches model text and loads it; on failure says why and keeps what was shown. */
async function fetchAndLoad(
  store: Store,
  url: string,
  loading: string,
  source: DraftSource,
  refuseInvalid: typeof invalidModelMessage | null = null,
): Promise<boolean> {
  const fail = (text: string) => {
    store.getState().setLoading(null);
    store.getState().setNotice({ kind: 'error', text });
    return false;
  };
  const load = (text: string, check: DraftCheck) =>
    // An invalid answer is refused where asked: the diagram you had stays, and the message says why.
    refuseInvalid && !check.ok
      ? fail(refuseInvalid(url, check.issues))
      : store.getState().loadText(text, source, { checked: check }) === 'ok';
  // A page's own `?model=` (src/early.ts) is often in and checked by the worker before the app's first
  // render: loaded now, without a wait, that render draws the diagram (not the page without it, then again).
  const arrived = takeArrivedModel(url);
  if (arrived && 'error' in arrived) return fail(arrived.error);
  const checked = arrived && checkedAlready(arrived.text);
  if (arrived && checked) return load(arrived.text, checked);
  store.getState().setLoading(loading);
  // The checker starts (in a worker, with its validator) while the model downloads.
  startChecker();
  const got = arrived ?? (await fetchModelText(url));
  if ('error' in got) return fail(got.error);
  // A page's own `?model=` is being checked already, since its text arrived (src/early.ts): the same check.
  return load(got.text, await checkOffThread(got.text));
}

export function shareSource(encoded: string): DraftSource {
  return { kind: 'link', label: 'shared link', key: `link:${fingerprint(encoded)}` };
}

/** Loads the model of a `#model=` share link. */
export async function loadFromShare(store: Store, encoded: string): Promise<boolean> {
  // The link's reader (the platform decompresses) loads with the validator, only for pages opened by a link.
  const [{ decodeShare }] = await Promise.all([import('../../model/openShare'), loadValidator()]);
  let text: string;
  try {
    text = await decodeShare(encoded);
  } catch (err) {
    store
      .getState()
      .setNotice({ kind: 'error', text: `Cannot open this share link: ${(err as Error).message}.` });
    return false;
  }
  // Text that will be refused anyway (binary, nested too deep) is not pretty-printed: that could take long.
  const readable = preflightText(text).ok ? prettyJson(text) : text;
  return store.getState().loadText(readable, shareSource(encoded)) === 'ok';
}

/** Examples whose text ships inside a bundle (the app's default model), by example id. */
const bundled = new Map<string, { text: string; model: Model }>();

/**
 * Makes an example load from text in the bundle, without a request and without validation: `model` is
 * its text parsed, and the tests check that it is a valid model (see `bundledDefault.ts`).
 */
export function registerBundledExample(id: string, text: string, model: Model): void {
  bundled.set(id, { text, model });
}

/** The model of a text that is a bundled example's, exactly (a saved, untouched default): known valid. */
export function bundledModel(text: string): Model | undefined {
  for (const own of bundled.values()) if (own.text === text) return own.model;
  return undefined;
}

export async function loadExample(store: Store, example: Example): Promise<boolean> {
  const source: DraftSource = { kind: 'example', label: example.title, key: `example:${example.id}` };
  // A bundled example (the app's default) needs no request, and so no wait before the first diagram.
  const own = bundled.get(example.id);
  if (own !== undefined) return store.getState().loadText(own.text, source, { trusted: own.model }) === 'ok';
  const url = new URL(exampleUrl(example), window.location.href).href;
  return fetchAndLoad(store, url, `Loading ${example.title}…`, source);
}

/** Loads a file the user picked or dropped. */
export async function loadFromFile(store: Store, file: File): Promise<boolean> {
  if (file.size > MAX_MODEL_TEXT) {
    store.getState().setNotice({
      kind: 'error',
      text: `${file.name} is ${megabytes(file.size)}; the limit is ${megabytes(MAX_MODEL_TEXT)}.`,
    });
    return false;
  }
  let text: string;
  try {
    [text] = await Promise.all([file.text(), loadValidator()]);
  } catch {
    store.getState().setNotice({ kind: 'error', text: `Could not read ${file.name}.` });
    return false;
  }
  // Checked off the main thread, as a model by URL is: parsing megabytes (a file refused for its size in
  // elements included) would otherwise hold the tab for as long.
  const checked = await checkOffThread(text);
  const source: DraftSource = { kind: 'file', label: file.name, key: `file:${file.name}` };
  return store.getState().loadText(text, source, { checked }) === 'ok';
}

/** After a load by file, paste or example, the URL no longer names the model: drop `model` from it. */
export function forgetModelInUrl(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('model') && !url.hash.includes('model=')) return;
  url.searchParams.delete('model');
  url.hash = '';
  window.history.replaceState(window.history.state, '', url.pathname + url.search);
}
