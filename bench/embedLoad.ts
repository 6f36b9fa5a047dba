import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { encodeShare } from '../src/model/share';
import type { Metric } from './report';

/**
 * The JavaScript an embedding page really loads: every script response (the page's modules, the chunks they
 * import, workers and what they load, the validator loaded on demand) from navigation until the page has been
 * quiet for a while after its first diagram, gzipped (level 9, as `bundle.ts` counts). Two pages: `embed.html?model=` (an iframe embed of a model by URL) and a page with the
 * `<stacklayers-diagram>` web component and an inline model (what the docs plugins write).
 */

/** The web component's built module: where the build puts it (`dist/stacklayers-diagram.js`, or the older `dist/wc/`). */
export function webComponentPath(dist: URL): string | null {
  for (const path of ['stacklayers-diagram.js', 'wc/stacklayers-diagram.js'])
    if (existsSync(new URL(path, dist))) return `/${path}`;
  return null;
}

/** A host page: the web component with the model inline (as a docs plugin writes it). */
export function inlineModelPage(modelJson: string, componentUrl: string): string {
  // `</` cannot end the script element early: JSON text never needs it unescaped.
  const text = modelJson.replace(/<\//g, '<\\/');
  return `<!doctype html>
<html lang="en">
<head><meta charset="UTF-8"><title>Inline model</title>
<script type="module" src="${componentUrl}"></script></head>
<body>
<stacklayers-diagram topology="both" style="display:block;height:600px"><script type="application/json">${text}</script></stacklayers-diagram>
</body>
</html>
`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The scripts a fresh page loads from navigation until `quietMs` pass without a new request. */
export async function scriptsLoaded(
  open: () => Promise<{ context: BrowserContext; page: Page }>,
  url: string,
  quietMs = 2500,
): Promise<{ kb: number; files: string[] }> {
  const { context, page } = await open();
  try {
    const sizes = new Map<string, number>();
    const reading: Promise<void>[] = [];
    let last = Date.now();
    context.on('request', () => {
      last = Date.now();
    });
    context.on('response', (res) => {
      last = Date.now();
      const type = res.headers()['content-type'] ?? '';
      if (!/javascript/.test(type)) return;
      // gzip -9 of the body, as the static budget counts: the same figure whatever the server sends.
      reading.push(
        res.body().then((body) => {
          sizes.set(new URL(res.url()).pathname, gzipSync(body, { level: 9 }).length);
        }),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    while (Date.now() - last < quietMs) await sleep(200);
    await Promise.all(reading);
    const kb = [...sizes.values()].reduce((a, b) => a + b, 0) / 1024;
    return { kb: Math.round(kb * 100) / 100, files: [...sizes.keys()].sort() };
  } finally {
    await context.close();
  }
}

export async function embedLoadMetrics(
  open: () => Promise<{ context: BrowserContext; page: Page }>,
  base: string,
  pages: { modelUrl: string; modelJson: string; inlinePage: string | null },
): Promise<{ metrics: Metric[]; detail: Record<string, unknown> }> {
  const byUrl = await scriptsLoaded(open, `${base}/embed.html?topology=both&model=${pages.modelUrl}`);
  const inLink = await scriptsLoaded(
    open,
    `${base}/embed.html?topology=both#model=${encodeShare(pages.modelJson)}`,
  );
  const component = pages.inlinePage ? await scriptsLoaded(open, `${base}${pages.inlinePage}`) : null;
  const metrics: Metric[] = [
    {
      key: 'bundle.embed.model',
      label: 'JavaScript an embed.html?model= page loads (gzip, until quiet after its first diagram)',
      value: byUrl.kb,
      unit: 'KB',
      target: { op: '<=', value: 200 },
      note: `${byUrl.files.length} files, the check worker and on-demand chunks included`,
    },
    {
      key: 'bundle.embed.inline',
      label: 'JavaScript an embed.html page with its model inline (#model=) loads (gzip, until quiet)',
      value: inLink.kb,
      unit: 'KB',
      target: { op: '<=', value: 200 },
      note: `${inLink.files.length} files, the validator and the link's decompressor included`,
    },
  ];
  if (component)
    metrics.push({
      key: 'bundle.webComponent.inline',
      label: 'JavaScript a page with <stacklayers-diagram> and an inline model loads (gzip, until quiet)',
      value: component.kb,
      unit: 'KB',
      note: `${component.files.length} files; the 200 KB target is embed.html's`,
    });
  return { metrics, detail: { embedModel: byUrl, embedInline: inLink, webComponentInline: component } };
}
