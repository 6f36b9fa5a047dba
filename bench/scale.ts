/**
 * `npm run bench:scale`: a cloud at the size of the largest real ones, 100,000 elements in 2 regions, 6
 * availability zones and 20 Nova cells (`generateModel(n, seed, { regions, zones, cells })`).
 *
 * Node: derive, the fold it starts with (its zones) and its layout, the layout with one zone unfolded, and the
 * whole cloud laid out unfolded. Browser (the built app, served from memory): navigation to the first diagram of
 * that cloud, and the click that unfolds a zone until the diagram is ready again. Medians; numbers are
 * results, never assertions. Kept apart from `bench/run.ts` (its own entry), so either can change alone.
 *
 *   npm run bench:scale                   Node and browser (needs `npm run build` first)
 *   npm run bench:scale -- --skip-browser Node only
 *   npm run bench:scale -- --smoke        a 2,000-element cloud, one run each
 *   npm run bench:scale -- --runs=3       the median of 3 runs (default 5)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../src/cli/chromium';
import { defaultCollapsed, layoutScene } from '../src/layout/layoutScene';
import { generateModel } from '../src/model/generate';
import { deriveScene } from '../src/topology/deriveScene';

const args = new Set(process.argv.slice(2));
const smoke = args.has('--smoke');
const ELEMENTS = smoke ? 2_000 : 100_000;
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = smoke ? 1 : runsArg ? Math.max(1, Number(runsArg.slice('--runs='.length)) || 5) : 5;
const SHAPE = { regions: 2, zones: 6, cells: 20 } as const;
const ZONE = 'group:zone:az1';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const ms = (x: number) => `${x >= 100 ? Math.round(x) : x.toFixed(1)} ms`;
const gc = (globalThis as { gc?: () => void }).gc;

/** Derive + fold + layout of the structured cloud in Node, in the view it is imported in and in `both`. */
export function measureScaleNode(elements = ELEMENTS, runs = RUNS): string[][] {
  const model = generateModel(elements, 1, SHAPE);
  const rows: string[][] = [];
  for (const view of ['traditional', 'both'] as const) {
    const t = { derive: [] as number[], folded: [] as number[], zone: [] as number[], full: [] as number[] };
    let count = 0;
    let boxes = 0;
    for (let i = 0; i < runs + 1; i++) {
      gc?.();
      const t0 = performance.now();
      const scene = deriveScene(model, view);
      const t1 = performance.now();
      const folds = defaultCollapsed(scene);
      const start = layoutScene(scene, { collapsed: folds });
      const t2 = performance.now();
      const open = new Set(folds);
      open.delete(ZONE);
      layoutScene(scene, { collapsed: open });
      const t3 = performance.now();
      layoutScene(scene);
      const t4 = performance.now();
      count = scene.elements.length;
      boxes = start.boxes.length;
      if (i === 0) continue; // warm-up
      t.derive.push(t1 - t0);
      t.folded.push(t2 - t1);
      t.zone.push(t3 - t2);
      t.full.push(t4 - t3);
    }
    rows.push([
      view,
      count.toLocaleString('en-US'),
      ms(median(t.derive)),
      `${ms(median(t.folded))} (${boxes} boxes)`,
      ms(median(t.derive) + median(t.folded)),
      ms(median(t.zone)),
      ms(median(t.full)),
    ]);
  }
  return rows;
}

/** First diagram of the structured cloud after navigation, and the unfolding of a zone, in Chromium. */
export async function measureScaleBrowser(elements = ELEMENTS, runs = RUNS): Promise<string[][]> {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(`${dist}index.html`)) throw new Error('dist/ is missing: run npm run build first');
  const model = JSON.stringify(generateModel(elements, 1, SHAPE));
  const server = await serve(dist, new Map([['/__bench/scale.json', Buffer.from(model)]]));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const first: number[] = [];
  const unfold: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        serviceWorkers: 'block',
      });
      // One continuous wait: the moment the ready marker is first set, noted by the page itself.
      await context.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('[data-testid="diagram"][data-ready="true"]')) {
            (window as unknown as { __readyAt: number }).__readyAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-ready'],
          childList: true,
        });
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/?topology=traditional&model=/__bench/scale.json`);
      await page.waitForFunction(
        () => (window as unknown as { __readyAt?: number }).__readyAt !== undefined,
        null,
        {
          timeout: 180_000,
          polling: 500,
        },
      );
      first.push(await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
      unfold.push(
        await page.evaluate(
          (id) =>
            new Promise<number>((resolve, reject) => {
              const diagram = document.querySelector('[data-testid="diagram"]');
              const node = document.querySelector(`.react-flow__node[data-id="${id}"]`);
              if (!diagram || !(node instanceof HTMLElement)) return reject(new Error(`no ${id} to unfold`));
              let cleared = false;
              const t0 = performance.now();
              new MutationObserver((_, obs) => {
                const ready = diagram.getAttribute('data-ready') === 'true';
                if (!ready) cleared = true;
                else if (cleared) {
                  obs.disconnect();
                  resolve(performance.now() - t0);
                }
              }).observe(diagram, { attributes: true, attributeFilter: ['data-ready'] });
              node.click();
            }),
          ZONE,
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return [
    ['first diagram after navigation (folded by zones)', ms(median(first))],
    ['unfold a zone (click to ready)', ms(median(unfold))],
  ];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * The build and the model, gzipped once and served from memory as a production host would, on
 * 127.0.0.1:$BENCH_PORT (a free port when unset).
 */
async function serve(dir: string, extra: ReadonlyMap<string, Buffer>) {
  const files = new Map<string, { type: string; body: Buffer }>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.set(`/${relative(dir, path).split(sep).join('/')}`, {
          type: TYPES[extname(name)] ?? 'application/octet-stream',
          body: readFileSync(path),
        });
    }
  };
  walk(dir);
  for (const [path, body] of extra) files.set(path, { type: TYPES['.json'] ?? '', body });
  const zipped = new Map(
    [...files].map(([k, f]) => [
      k,
      {
        ...f,
        body: /text|json|svg/.test(f.type) ? gzipSync(f.body) : f.body,
        gz: /text|json|svg/.test(f.type),
      },
    ]),
  );
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const f = zipped.get(path === '/' ? '/index.html' : path);
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': f.type, ...(f.gz ? { 'content-encoding': 'gzip' } : {}) })
      .end(f.body);
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', resolve),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const table = (head: string[], rows: string[][]) => {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i] ?? 0)).join(' | ')} |`;
  return [line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...rows.map(line)].join('\n');
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = ELEMENTS.toLocaleString('en-US');
  console.log(
    `bench:scale: generated cloud of ${n} elements, ${SHAPE.regions} regions, ${SHAPE.zones} zones, ${SHAPE.cells} cells; median of ${RUNS}`,
  );
  console.log(
    table(
      [
        'view',
        'elements',
        'derive',
        'fold + layout',
        'derive + layout',
        'unfold a zone (layout)',
        'all unfolded (layout)',
      ],
      measureScaleNode(),
    ),
  );
  if (!args.has('--skip-browser'))
    console.log(`\n${table(['in Chromium, 1280x720', 'median'], await measureScaleBrowser())}`);
}
