import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Metric } from './report';

/** The JavaScript a built page loads up front: its module script and every modulepreload. */
function pageScripts(html: string): string[] {
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  return [...new Set(refs.map((m) => (m[1] ?? '').replace(/^\//, '')))];
}

/** gzip -9 size of a file in dist/, in KB. */
const gzipKb = (dist: URL, file: string): number =>
  gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length / 1024;

/** The gzip size of the JavaScript each page (`index.html`, `embed.html`) loads up front. */
export function pageJsKb(dist: URL, page: string): { kb: number; scripts: string[] } {
  const scripts = pageScripts(readFileSync(new URL(page, dist), 'utf8'));
  return { kb: scripts.reduce((sum, f) => sum + gzipKb(dist, f), 0), scripts };
}

export function bundleMetrics(dist: URL): Metric[] {
  const main = pageJsKb(dist, 'index.html');
  const embed = pageJsKb(dist, 'embed.html');
  return [
    {
      key: 'bundle.main',
      label: 'JavaScript of the app page (index.html) loaded up front, gzip',
      value: Math.round(main.kb * 10) / 10,
      unit: 'KB',
      note: `${main.scripts.length} files; the editor loads later, on demand`,
    },
    {
      key: 'bundle.embed',
      label: 'JavaScript of embed.html loaded up front, gzip',
      value: Math.round(embed.kb * 10) / 10,
      unit: 'KB',
      note: `${embed.scripts.length} files; what a page really loads: the rows above`,
    },
  ];
}
