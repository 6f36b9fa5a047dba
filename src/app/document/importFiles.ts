import type { StoreApi } from 'zustand';
import type { ImportReport } from '../../import';
import { MAX_IMPORT_FILE, MAX_IMPORT_TOTAL, megabytes as mb } from '../../model/limits';
import { urlWithView } from '../settings/url';
import { navigateToView } from '../settings/useUrlSync';
import type { AppState } from '../store';
import { fingerprint, forgetModelInUrl, loadFromFile } from './loaders';
import { loadValidator } from './validator';

type Store = StoreApi<AppState>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Opens files the user dropped or picked. One Stacklayers model is loaded as before. Several files, or one
 * file that is the output of an openstack or kubectl command, are imported (in the browser): the model
 * becomes the draft, the view switches to the one that fits, and a notice sums up the report.
 */
export async function openFiles(store: Store, files: readonly File[]): Promise<void> {
  const [first] = files;
  if (!first) return;
  if (files.length === 1) {
    // A model (or anything else) loads as it always did; only recognised command output is imported. A model
    // is told from its first bytes, so it is read and parsed once (and one over the size limit not at all).
    const importable = first.size <= MAX_IMPORT_FILE && !looksLikeModel(await readHead(first));
    const text = importable ? await readText(first) : undefined;
    const recognised = text !== undefined && (await import('../../import')).recogniseFile(text) !== 'unknown';
    if (!recognised || text === undefined) {
      await loadFromFile(store, first);
      forgetModelInUrl();
      return;
    }
    if (await importTexts(store, [{ name: first.name, text }])) forgetModelInUrl();
    return;
  }
  const big = files.find((f) => f.size > MAX_IMPORT_FILE);
  const total = files.reduce((n, f) => n + f.size, 0);
  if (big || total > MAX_IMPORT_TOTAL) {
    store.getState().setNotice({
      kind: 'error',
      text: big
        ? `${big.name} is ${mb(big.size)}; files to import are limited to ${mb(MAX_IMPORT_FILE)}.`
        : `These files are ${mb(total)} together; an import is limited to ${mb(MAX_IMPORT_TOTAL)}.`,
    });
    return;
  }
  store.getState().setLoading(`Importing ${plural(files.length, 'file')}…`);
  const texts: { name: string; text: string }[] = [];
  for (const f of files) {
    const text = await readText(f);
    if (text === undefined) {
      store.getState().setLoading(null);
      store.getState().setNotice({ kind: 'error', text: `Could not read ${f.name}.` });
      return;
    }
    texts.push({ name: f.name, text });
  }
  if (await importTexts(store, texts)) forgetModelInUrl();
}

async function readHead(file: File): Promise<string> {
  try {
    return await file.slice(0, 4096).text();
  } catch {
    return '';
  }
}

/** Whether the start of a file is a Stacklayers model's (not openstack or kubectl output, which may be large). */
export function looksLikeModel(head: string): boolean {
  return (
    /^\s*\{/.test(head) &&
    /"(\$schema|version|hosts)"\s*:/.test(head) &&
    !/"(apiVersion|items|kind)"\s*:/.test(head)
  );
}

async function readText(file: File): Promise<string | undefined> {
  try {
    return await file.text();
  } catch {
    return undefined;
  }
}

/** Imports the texts into the draft; says what happened. Returns whether a model was imported. */
async function importTexts(store: Store, files: { name: string; text: string }[]): Promise<boolean> {
  const [{ importCloud, importedAnything }] = await Promise.all([import('../../import'), loadValidator()]);
  const { model, report, view } = importCloud(files);
  if (!importedAnything(report)) {
    store.getState().setLoading(null);
    store.getState().setNotice({ kind: 'error', text: nothingImported(report) });
    return false;
  }
  const schema = new URL('schema/model.v1.json', window.location.href).href;
  const draft = `${JSON.stringify({ $schema: schema, ...model }, null, 2)}\n`;
  const label =
    files.length === 1 ? `${files[0]?.name ?? 'file'} (imported)` : `import of ${files.length} files`;
  store.getState().loadText(draft, { kind: 'file', label, key: `import:${fingerprint(draft)}` });
  showView(store, view);
  store.getState().setNotice({ kind: 'info', text: importSummary(report, files.length) });
  return true;
}

/**
 * Shows the view that fits the import. A load, not a switch the user made: the URL is replaced (like any
 * load), and no "what changed" note compares two views of a model the user has not seen yet.
 */
function showView(store: Store, view: AppState['view']): void {
  const state = store.getState();
  if (state.compare) {
    navigateToView(store, view);
    return;
  }
  state.dismissSwitch();
  if (state.view !== view) state.setView(view);
  window.history.replaceState(window.history.state, '', urlWithView(window.location.href, view));
}

/** "Imported 5 hosts, 7 VMs, 2 clusters from 11 files; 3 things could not be matched or placed: …". */
function importSummary(report: ImportReport, fileCount: number): string {
  const c = report.counts;
  let text = `Imported ${plural(c.hosts, 'host')}, ${plural(c.vms, 'VM')}, ${plural(c.clusters, 'cluster')} from ${plural(fileCount, 'file')}`;
  const unknown = report.files.filter((f) => f.kind === 'unknown').map((f) => f.name);
  const n = report.unmatched.length;
  if (n > 0) {
    const firstOne = report.unmatched[0] ?? '';
    const shown = firstOne.length > 140 ? `${firstOne.slice(0, 139)}…` : firstOne;
    text += `; ${plural(n, 'thing')} could not be matched or placed: ${shown}${n > 1 ? ` (and ${n - 1} more, listed in the model's description)` : ''}`;
  } else text += '.';
  if (unknown.length)
    text += ` Not recognised: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? '…' : ''}.`;
  return text.endsWith('.') ? text : `${text.replace(/[.;:]$/, '')}.`;
}

function nothingImported(report: ImportReport): string {
  const why = report.files
    .slice(0, 3)
    .map((f) => `${f.name}: ${f.kind === 'unknown' ? (f.note ?? 'not recognised') : 'nothing usable in it'}`)
    .join('; ');
  return `Nothing could be imported (${why}). Drop a Stacklayers model, or the JSON output of openstack … -f json and kubectl get … -o json.`;
}
