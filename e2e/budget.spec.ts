import { readFileSync } from 'node:fs';
import { pageJsKb } from '../bench/bundle';
import { scriptsLoaded } from '../bench/embedLoad';
import { encodeShare } from '../src/model/share';
import { expect, test } from './fixtures';

const dist = new URL('../dist/', import.meta.url);

test('embed.html loads under 200 KB of JavaScript (gzip)', () => {
  const { kb: total, scripts } = pageJsKb(dist, 'embed.html');
  expect(scripts.length).toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'embed JS gzip',
    description: `${total.toFixed(1)} KB (${scripts.join(', ')})`,
  });
  expect(total).toBeLessThan(200);
  // The editor (CodeMirror) is never part of it.
  expect(scripts.some((s) => /EditorPanel/.test(s))).toBe(false);
});

/**
 * What embedding pages really load, not only the scripts named up front: the check worker, chunks imported on
 * demand and the validator count too (every script response until the page is quiet after its first diagram,
 * gzip -9). The 200 KB target is embed.html's, with its model by URL or inline (a share link's #model=).
 */
test('embed.html with a model by URL or inline loads under 200 KB of JavaScript, all of it counted', async ({
  page,
  baseURL,
}) => {
  const model = readFileSync(new URL('../public/models/default.json', import.meta.url), 'utf8');
  const open = async () => {
    const context = await page.context().browser()?.newContext({ serviceWorkers: 'block' });
    if (!context) throw new Error('no browser');
    return { context, page: await context.newPage() };
  };
  const pages = {
    'embed.html?model=': `${baseURL}/embed.html?topology=both&model=/models/default.json`,
    'embed.html#model=': `${baseURL}/embed.html?topology=both#model=${encodeShare(model)}`,
  };
  for (const [name, url] of Object.entries(pages)) {
    const loaded = await scriptsLoaded(open, url);
    test.info().annotations.push({
      type: `${name} JS gzip`,
      description: `${loaded.kb} KB: ${loaded.files.join(', ')}`,
    });
    // The model is checked off the main thread (a worker) or by the validator loaded on demand: either is counted.
    expect(loaded.files.some((f) => /checkWorker|validator|checkDraft/.test(f))).toBe(true);
    expect(loaded.files.some((f) => /EditorPanel/.test(f))).toBe(false);
    expect(loaded.kb).toBeLessThanOrEqual(200);
  }
});
