import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('model requests started early', () => {
  it('are made once and taken once; later loads of the URL ask the network again', async () => {
    vi.stubGlobal('window', { location: { origin: 'https://docs.example' } });
    const fetch = vi.fn(
      async (url: string, init?: RequestInit) => new Response(`${url} ${init?.credentials}`),
    );
    vi.stubGlobal('fetch', fetch);
    const { fetchModel, requestModel } = await import('./modelRequest');
    const url = 'https://docs.example/cloud.json';
    requestModel(url);
    requestModel(url);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await (await fetchModel(url)).text()).toBe(`${url} same-origin`);
    expect(fetch).toHaveBeenCalledTimes(1);
    await fetchModel(url);
    expect(fetch).toHaveBeenCalledTimes(2);
    // No cookies go to another site.
    expect(await (await fetchModel('https://other.example/m.json')).text()).toBe(
      'https://other.example/m.json omit',
    );
  });

  it('a failed early request fails the load that takes it, not the page', async () => {
    vi.stubGlobal('window', { location: { origin: 'https://docs.example' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('network down');
      }),
    );
    const { fetchModel, requestModel } = await import('./modelRequest');
    requestModel('https://docs.example/cloud.json');
    await new Promise((r) => setTimeout(r, 0)); // an unhandled rejection would be reported by now
    await expect(fetchModel('https://docs.example/cloud.json')).rejects.toThrow('network down');
  });
});
