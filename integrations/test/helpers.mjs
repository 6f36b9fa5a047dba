import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The shared fence cases (also read by the Python tests). */
export const CASES = JSON.parse(readFileSync(new URL('../fence-cases.json', import.meta.url), 'utf8'));

/** The repository's default model, as text. */
export const DEFAULT_MODEL = readFileSync(
  new URL('../../public/models/default.json', import.meta.url),
  'utf8',
);

/** A generator's own library, from the docs sites' install (e2e/sites: `npm ci` there first). */
export async function fromSites(name) {
  const require = createRequire(new URL('../../e2e/sites/package.json', import.meta.url));
  return import(require.resolve(name));
}

/** A small valid model whose names carry HTML, a Vue interpolation and quotes. */
export function hostileModel() {
  const model = JSON.parse(DEFAULT_MODEL);
  model.name = `{{ 6 * 7 }} </template><script>alert(1)</script> "q" 'a' & <b>`;
  return JSON.stringify(model);
}
