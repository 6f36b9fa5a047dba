import { MAX_MODEL_TEXT, megabytes } from '../../model/limits';

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

/** Model text read from a URL, or a message a person can act on for each way it failed. */
export type ModelText = { text: string } | { error: string };

/** The page's origin, in the page or in its check worker (`checkWorker.ts` reads the page's `?model=`). */
const pageOrigin = () => (typeof window === 'undefined' ? self : window).location.origin;

// No cookies go to other sites; same-origin requests match the page's preload of the default model.
const init = (url: string): RequestInit => ({
  credentials: new URL(url).origin === pageOrigin() ? 'same-origin' : 'omit',
});

/** Fetches model text over http(s), with a message a person can act on for each way it can fail. */
export async function readModel(url: string): Promise<ModelText> {
  const where = new URL(url);
  const sameOrigin = where.origin === pageOrigin();
  let res: Response;
  try {
    res = await fetch(url, init(url));
  } catch {
    return {
      error: sameOrigin
        ? `Could not load ${url}: the network request failed.`
        : `Could not load ${url}: the network failed, or ${where.host} does not allow other sites to read it (CORS). Download the file and open it instead.`,
    };
  }
  if (!res.ok)
    return {
      error: `Could not load ${url}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
    };
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_MODEL_TEXT)
    return {
      error: `Could not load ${url}: it is ${megabytes(length)}; the limit is ${megabytes(MAX_MODEL_TEXT)}.`,
    };
  let text: string;
  try {
    text = await res.text();
  } catch {
    return { error: `Could not load ${url}: the connection broke while it was downloading.` };
  }
  if (text.length > MAX_MODEL_TEXT)
    return { error: `Could not load ${url}: it is larger than ${megabytes(MAX_MODEL_TEXT)}.` };
  // A missing file on many servers answers 200 with the site's index page.
  if ((res.headers.get('content-type') ?? '').includes('html') || text.trimStart().startsWith('<'))
    return {
      error: `Could not load ${url}: the server answered with a web page (HTML), not a model file. Check the address.`,
    };
  return { text };
}

/**
 * A worker started with a name of `prefix` + a model URL reads that model as it starts, unasked, and answers
 * with `id` (`offThread.ts`, `checkWorker.ts`).
 */
export const READ_AT_START = { prefix: 'stacklayers-read:', id: -1 } as const;

/** Models requested before the app's code ran (see `src/early.ts`), by URL: each is taken once. */
const early = new Map<string, Promise<ModelText>>();
/** Those of them whose text (or why there is none) is in already. */
const arrived = new Map<string, ModelText>();

/**
 * Starts reading a model now (the page's `?model=`), for `fetchModelText` to take later; the text (or why
 * there is none) as soon as it has arrived. `read` reads it (the check worker does, see `startChecker`).
 */
export function requestModel(url: string, read: typeof readModel = readModel): Promise<ModelText> {
  let text = early.get(url);
  if (!text) {
    const reading: Promise<ModelText> = read(url).then((got) => {
      if (early.get(url) === reading) arrived.set(url, got);
      return got;
    });
    text = reading;
    early.set(url, text);
  }
  return text;
}

/** The text of a model URL requested early, if it is in already (taken once, as `fetchModelText` takes it). */
export function takeArrivedModel(url: string): ModelText | undefined {
  const got = arrived.get(url);
  if (got === undefined) return undefined;
  arrived.delete(url);
  early.delete(url);
  return got;
}

/** The text of a model URL: the one requested early, if any (once), else read now. */
export function fetchModelText(url: string): Promise<ModelText> {
  const text = early.get(url);
  early.delete(url);
  arrived.delete(url);
  return text ?? readModel(url);
}
