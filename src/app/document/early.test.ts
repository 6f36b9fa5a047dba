import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDraft } from '../../model/checkDraft';
import { READ_AT_START, resolveModelUrl } from './modelRequest';

// src/early.ts, the pages' first script, starts the check worker for the page's `?model=` before the app's
// code runs, and the app takes it over (offThread.ts). It imports nothing at run time, so that it runs as
// soon as its own file is in: it spells out what it shares with the app, and these tests keep the two agreed.
const source = readFileSync(new URL('../../early.ts', import.meta.url), 'utf8');
const text = readFileSync(new URL('../../../public/models/default.json', import.meta.url), 'utf8');

const workers: { name: string | undefined; onmessage: ((e: { data: unknown }) => void) | null }[] = [];
class PageModelWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly name: string | undefined;
  constructor(_url: URL, options?: { name?: string }) {
    this.name = options?.name;
    workers.push(this);
  }
  postMessage() {}
  terminate() {}
}

function openPage(href: string) {
  const url = new URL(href);
  vi.stubGlobal('window', { location: { href, origin: url.origin, search: url.search, hash: url.hash } });
  vi.stubGlobal('Worker', PageModelWorker);
  vi.stubGlobal('fetch', () => {
    throw new Error('the page itself must not fetch the model');
  });
}

afterEach(() => {
  workers.length = 0;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('stacklayers:early-checker')];
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("the pages' first script", () => {
  it('imports types only: it waits for no chunk it shares with the app', () => {
    const imports = source.match(/^import .*$/gm) ?? [];
    for (const line of imports) expect(line).toMatch(/^import type /);
  });

  it.each([
    'models/cloud.json',
    '/cloud.json',
    'https://other.example/a.json',
    'ftp://other.example/a.json',
    'http://[bad',
  ])('starts the worker for ?model=%s exactly when the app would read that URL', async (raw) => {
    const page = `https://docs.example/stacklayers/?model=${encodeURIComponent(raw)}`;
    openPage(page);
    await import('../../early');
    const app = resolveModelUrl(raw, page);
    expect(workers.map((w) => w.name)).toEqual('url' in app ? [`${READ_AT_START.prefix}${app.url}`] : []);
  });

  it('the app takes the worker over, with what it answered before the app ran: no second read', async () => {
    const page = 'https://docs.example/?model=cloud.json';
    openPage(page);
    await import('../../early');
    // The worker answers before the app's code has run (the page's main thread was busy).
    workers[0]?.onmessage?.({ data: { id: READ_AT_START.id, got: { text }, check: checkDraft(text) } });
    const { checkedAlready, checkOffThread } = await import('./offThread');
    const { fetchModelText } = await import('./modelRequest');
    expect(await fetchModelText('https://docs.example/cloud.json')).toEqual({ text });
    expect(checkedAlready(text)?.ok).toBe(true);
    expect((await checkOffThread(text)).ok).toBe(true);
    expect(workers).toHaveLength(1);
  });
});
