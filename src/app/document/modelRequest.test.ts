import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('model requests started early', () => {
  it('are made once and taken once; later loads of the URL ask the network again', async () => {
    vi.stubGlobal('window', { location: { origin: 'https://docs.example' } });
    const fetch = vi.fn(
      async (url: string, init?: RequestInit) =>
        new Response(`{"url": "${url}", "cookies": "${init?.credentials}"}`),
    );
    vi.stubGlobal('fetch', fetch);
    const { fetchModelText, requestModel } = await import('./modelRequest');
    const url = 'https://docs.example/cloud.json';
    const early = requestModel(url);
    expect(requestModel(url)).toBe(early);
    expect(fetch).toHaveBeenCalledTimes(1);
    // The text is read as soon as it arrives, before the app takes it.
    expect(await early).toEqual({ text: `{"url": "${url}", "cookies": "same-origin"}` });
    expect(await fetchModelText(url)).toEqual(await early);
    expect(fetch).toHaveBeenCalledTimes(1);
    await fetchModelText(url);
    expect(fetch).toHaveBeenCalledTimes(2);
    // No cookies go to another site.
    expect(await fetchModelText('https://other.example/m.json')).toEqual({
      text: '{"url": "https://other.example/m.json", "cookies": "omit"}',
    });
  });

  it('a failed early request fails the load that takes it, with a message, not the page', async () => {
    vi.stubGlobal('window', { location: { origin: 'https://docs.example' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('network down');
      }),
    );
    const { fetchModelText, requestModel } = await import('./modelRequest');
    void requestModel('https://docs.example/cloud.json');
    await new Promise((r) => setTimeout(r, 0)); // an unhandled rejection would be reported by now
    expect(await fetchModelText('https://docs.example/cloud.json')).toEqual({
      error: 'Could not load https://docs.example/cloud.json: the network request failed.',
    });
  });

  it('a download cut short is a failed load with a message', async () => {
    vi.stubGlobal('window', { location: { origin: 'https://docs.example' } });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"version": 1, '));
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body)),
    );
    const { fetchModelText } = await import('./modelRequest');
    expect(await fetchModelText('https://docs.example/cloud.json')).toEqual({
      error: 'Could not load https://docs.example/cloud.json: the connection broke while it was downloading.',
    });
  });
});
