import { validateModelText } from '../model/validate';
import type { ModelState } from './store';

/** Fetches a model from the page's own origin and validates it. Never throws. */
export async function loadModel(url: string): Promise<ModelState> {
  let text: string;
  try {
    const res = await fetch(url);
    if (!res.ok)
      return {
        status: 'error',
        source: url,
        message: `Could not load ${url}: HTTP ${res.status}`,
        issues: [],
      };
    text = await res.text();
  } catch (err) {
    return {
      status: 'error',
      source: url,
      message: `Could not load ${url}: ${(err as Error).message}`,
      issues: [],
    };
  }
  const result = validateModelText(text);
  return result.ok
    ? { status: 'ready', model: result.model, source: url }
    : { status: 'error', source: url, message: `The model ${url} is not valid`, issues: result.issues };
}
