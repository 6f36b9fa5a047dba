import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDraft } from '../../model/checkDraft';

const text = readFileSync(new URL('../../../public/models/default.json', import.meta.url), 'utf8');
const broken = text.replace('"host": "kvm3"', '"host": "kvm9"');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('checking model text off the main thread', () => {
  it('where no worker can start, checks here, with the same result', async () => {
    vi.stubGlobal('Worker', undefined);
    const { checkOffThread } = await import('./offThread');
    expect(await checkOffThread(text)).toEqual(checkDraft(text));
    expect(await checkOffThread(broken)).toEqual(checkDraft(broken));
  });

  it('takes the worker’s answer to each request, by its id', async () => {
    class FakeWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: (() => void) | null = null;
      postMessage(m: { id: number; text: string }) {
        // Answers out of order, as a worker could.
        setTimeout(
          () => this.onmessage?.({ data: { id: m.id, check: checkDraft(m.text) } }),
          m.id === 0 ? 20 : 0,
        );
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const { checkOffThread } = await import('./offThread');
    const [a, b] = await Promise.all([checkOffThread(text), checkOffThread(broken)]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(false);
  });

  it('the same text asked for again (a page’s model, checked as soon as it arrived) is checked once', async () => {
    const posted: string[] = [];
    class CountingWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: (() => void) | null = null;
      postMessage(m: { id: number; text: string }) {
        posted.push(m.text);
        setTimeout(() => this.onmessage?.({ data: { id: m.id, check: checkDraft(m.text) } }), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', CountingWorker);
    const { checkOffThread } = await import('./offThread');
    const early = checkOffThread(text);
    const later = checkOffThread(text);
    expect(later).toBe(early);
    expect((await later).ok).toBe(true);
    expect(posted).toHaveLength(1);
    // Another text is checked anew, and so is the first again after it.
    expect((await checkOffThread(broken)).ok).toBe(false);
    expect((await checkOffThread(text)).ok).toBe(true);
    expect(posted).toHaveLength(3);
  });

  it('when the worker fails, what waited for it is checked here', async () => {
    class FailingWorker {
      onerror: (() => void) | null = null;
      postMessage() {
        setTimeout(() => this.onerror?.(), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FailingWorker);
    const { checkOffThread } = await import('./offThread');
    expect(await checkOffThread(broken)).toEqual(checkDraft(broken));
    // And later checks do not wait for it again.
    expect(await checkOffThread(text)).toEqual(checkDraft(text));
  });

  it('reads the page’s model in the worker: its text for the app, and its check, without a second check', async () => {
    const posted: unknown[] = [];
    const names: (string | undefined)[] = [];
    class ReadingWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(_url: URL, options?: { name?: string }) {
        names.push(options?.name);
        // The model named at the start is read unasked, as checkWorker.ts does, and answered with id -1.
        const prefix = 'stacklayers-read:';
        if (
          options?.name?.startsWith(prefix) &&
          options.name.slice(prefix.length) === 'https://docs.example/cloud.json'
        )
          setTimeout(() => this.onmessage?.({ data: { id: -1, got: { text }, check: checkDraft(text) } }), 0);
      }
      postMessage(m: { id: number; url?: string; text?: string }) {
        posted.push(m);
        const data = m.url
          ? { id: m.id, got: { text }, check: checkDraft(text) }
          : { id: m.id, check: checkDraft(m.text as string) };
        setTimeout(() => this.onmessage?.({ data }), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', ReadingWorker);
    vi.stubGlobal('fetch', () => {
      throw new Error('the page itself must not fetch the model');
    });
    const { startChecker, checkOffThread } = await import('./offThread');
    const { fetchModelText } = await import('./modelRequest');
    startChecker('https://docs.example/cloud.json');
    expect(await fetchModelText('https://docs.example/cloud.json')).toEqual({ text });
    expect((await checkOffThread(text)).ok).toBe(true);
    // No message was needed: the URL went in the worker's name (a message would wait for the page's main thread).
    expect(names).toEqual(['stacklayers-read:https://docs.example/cloud.json']);
    expect(posted).toEqual([]);
  });

  it('when the worker fails while reading the model, the page reads it', async () => {
    class FailingWorker {
      onerror: (() => void) | null = null;
      // A worker whose script fails to load fails whether or not it was sent a message.
      constructor() {
        setTimeout(() => this.onerror?.(), 0);
      }
      postMessage() {
        setTimeout(() => this.onerror?.(), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FailingWorker);
    vi.stubGlobal('window', { location: { origin: 'https://docs.example' } });
    vi.stubGlobal('fetch', async () => new Response(text));
    const { startChecker } = await import('./offThread');
    const { fetchModelText } = await import('./modelRequest');
    startChecker('https://docs.example/cloud.json');
    expect(await fetchModelText('https://docs.example/cloud.json')).toEqual({ text });
  });
});
