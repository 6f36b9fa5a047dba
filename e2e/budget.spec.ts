import { pageJsKb } from '../bench/bundle';
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
