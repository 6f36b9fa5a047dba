/** Resolves `?model=` to an absolute http(s) URL, or explains why not. */
export function resolveModelUrl(raw: string, base: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { error: `"${raw}" is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: `only http and https models can be loaded, not ${url.protocol.replace(':', '')}` };
  return { url: url.href };
}

/** Requests started before the app's code ran (see `src/early.ts`), by URL: each is taken once. */
const early = new Map<string, Promise<Response>>();

// No cookies go to other sites; same-origin requests match the page's preload of the default model.
const init = (url: string): RequestInit => ({
  credentials: new URL(url).origin === window.location.origin ? 'same-origin' : 'omit',
});

/** Starts the request for a model now (the page's `?model=`), for `fetchModel` to take later. */
export function requestModel(url: string): void {
  if (early.has(url)) return;
  const response = fetch(url, init(url));
  response.catch(() => undefined); // a failure is reported when the response is taken
  early.set(url, response);
}

/** The response for a model URL: the one requested early, if any (once), else a new request. */
export function fetchModel(url: string): Promise<Response> {
  const response = early.get(url);
  early.delete(url);
  return response ?? fetch(url, init(url));
}
