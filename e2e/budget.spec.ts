import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

const dist = new URL('../dist/', import.meta.url);

/** The JavaScript a built page loads up front: its module script and every modulepreload. */
function pageScripts(html: string): string[] {
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  return [...new Set(refs.map((m) => (m[1] ?? '').replace(/^\//, '')))];
}

const gzipKb = (file: string) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length / 1024;

test('embed.html loads under 200 KB of JavaScript (gzip)', () => {
  const scripts = pageScripts(readFileSync(new URL('embed.html', dist), 'utf8'));
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce((sum, f) => sum + gzipKb(f), 0);
  test.info().annotations.push({
    type: 'embed JS gzip',
    description: `${total.toFixed(1)} KB (${scripts.join(', ')})`,
  });
  expect(total).toBeLessThan(200);
  // The editor (CodeMirror) is never part of it.
  expect(scripts.some((s) => /EditorPanel/.test(s))).toBe(false);
});
