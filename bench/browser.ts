import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../src/cli/chromium';
import { generateModel } from '../src/model/generate';
import { deriveScene } from '../src/topology/deriveScene';
import type { View } from '../src/topology/views';
import { bundleMetrics } from './bundle';
import { NAME_SHIM, pageHelpers, SETTLED } from './pageHelpers';
import { mermaidPage, sceneToMermaid } from './peer';
import { type Metric, median, percentile, round } from './report';
import { type StaticServer, startStaticServer } from './staticServer';

export interface BrowserOptions {
  root: URL;
  smoke: boolean;
  /** Fresh-page loads per case (after one warm-up load). */
  navRuns: number;
  /** Fresh pages per switch case; each switches four times (once in smoke mode). */
  switchRuns: number;
  /** ms of panning, then as many of zooming. */
  panMs: number;
  /** Fresh-page loads of Mermaid. */
  peerRuns: number;
  /**
   * Fresh-page loads of Stacklayers after each of Mermaid's, of each kind (the app unfolded after the settle
   * pause, the app unfolded at once, the embed): each takes about a second, Mermaid's several, and a median
   * of more samples is steadier on a shared machine.
   */
  peerStacklayersPerRun: number;
  /** Elements of the big model (2,000). */
  bigElements: number;
  /** Elements of the model both peers draw (~1,300 boxes in view `both`). */
  peerElements: number;
  seed: number;
  log: (line: string) => void;
}

export interface BrowserResult {
  metrics: Metric[];
  chromium: string;
  detail: Record<string, unknown>;
}

const VIEWPORT = { width: 1280, height: 720 };
const CP = 'OpenStack control plane on Kubernetes';
const TENANT = 'Kubernetes in a tenant project';
/** Four switches visiting every view, starting from `traditional`. */
const TOUR: readonly [string, View][] = [
  [CP, 'control-plane-on-k8s'],
  [TENANT, 'both'],
  [CP, 'k8s-in-tenant'],
  [TENANT, 'traditional'],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The machine's CPU time so far, busy and total (Linux: /proc/stat); null where it cannot be read. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1);
    const n = fields.map(Number);
    const total = n.reduce((a, b) => a + b, 0);
    // idle + iowait
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    return Number.isFinite(total) && total > 0 ? { busy: total - idle, total } : null;
  } catch {
    return null;
  }
}

/**
 * Waits until the machine is quiet (under 20% busy over 100 ms; at most 3 s) before a fresh page is timed:
 * a page closed just before (a Mermaid page of hundreds of megabytes, above all) is still being torn down by
 * the browser for a while, and a page timed meanwhile shares the CPUs with that. Every fresh page, of either
 * side, starts this way. Where the load cannot be read, a fixed pause.
 */
async function quiet(): Promise<void> {
  const t0 = Date.now();
  let before = cpuTimes();
  if (!before) {
    await sleep(300);
    return;
  }
  while (Date.now() - t0 < 3000) {
    await sleep(100);
    const now = cpuTimes();
    if (!now) return;
    const busy = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    if (busy < 0.2) return;
    before = now;
  }
}

// --- the build and the server ----------------------------------------------------------------------------

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(`${path}/${name}`));
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than what it is built from. */
export function ensureBuild(root: URL, log: (line: string) => void): boolean {
  const at = (p: string) => fileURLToPath(new URL(p, root));
  const built = existsSync(at('dist/index.html')) ? statSync(at('dist/index.html')).mtimeMs : 0;
  const sources = Math.max(
    ...['src', 'public', 'index.html', 'embed.html', 'vite.config.ts', 'vite.wc.config.ts'].map((p) =>
      newestMtime(at(p)),
    ),
  );
  if (built > 0 && built >= sources && existsSync(at('dist/embed.html'))) return false;
  log(built === 0 ? 'dist/ is missing: npm run build…' : 'dist/ is older than src/: npm run build…');
  const res = spawnSync('npm', ['run', 'build'], { cwd: at('.'), stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new Error(`npm run build failed:\n${res.stderr?.toString() ?? ''}`);
  return true;
}

/**
 * A snapshot of dist/ (a build running elsewhere meanwhile cannot pull files from under the bench) with the
 * bench's own files and folders added at their paths (`extra`: path -> file or folder), served as a static
 * host serves a built site (see `staticServer.ts`); stop() closes the server and removes the snapshot.
 */
export async function startServer(
  root: URL,
  extra: ReadonlyMap<string, URL> = new Map(),
): Promise<{ url: string; dist: URL; stop: () => Promise<void> }> {
  const snapshot = mkdtempSync(join(tmpdir(), 'stacklayers-bench-'));
  cpSync(fileURLToPath(new URL('dist/', root)), snapshot, { recursive: true });
  for (const [path, file] of extra) {
    const to = join(snapshot, path);
    mkdirSync(dirname(to), { recursive: true });
    // A file, or a folder (without source maps).
    cpSync(fileURLToPath(file), to, { recursive: true, filter: (from) => !from.endsWith('.map') });
  }
  let server: StaticServer;
  try {
    server = await startStaticServer(snapshot);
  } catch (err) {
    rmSync(snapshot, { recursive: true, force: true });
    throw err;
  }
  const stop = async () => {
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  };
  return { url: server.url, dist: pathToFileURL(`${snapshot}/`), stop };
}

// --- pages -----------------------------------------------------------------------------------------------

class Session {
  readonly pageErrors: string[] = [];
  pageLoads = 0;
  constructor(
    readonly browser: Browser,
    readonly base: string,
  ) {}

  /** A fresh context (no cache, no saved draft) and page. */
  async open(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      // The page itself is timed: its service worker registers only after the first diagram, when idle
      // (src/main.tsx), and would precache the build during the pan and zoom runs.
      serviceWorkers: 'block',
    });
    await context.addInitScript({ content: NAME_SHIM });
    await context.addInitScript(pageHelpers, SETTLED);
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(err.message));
    return { context, page };
  }

  /** Navigates a fresh page to `path` and returns the ms from navigation start to the first ready marker. */
  async load(path: string, timeout = 60_000): Promise<{ ms: number; context: BrowserContext; page: Page }> {
    await quiet();
    const { context, page } = await this.open();
    this.pageLoads++;
    try {
      // The page says when it is ready (SETTLED): polling it meanwhile would compete with its loading.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settled = new Promise<void>((resolve, reject) => {
        page.on('console', (msg) => {
          if (msg.text() === SETTLED) resolve();
        });
        page.on('crash', () => reject(new Error('the page crashed')));
        timer = setTimeout(() => reject(new Error(`no ready marker within ${timeout / 1000} s`)), timeout);
      });
      settled.catch(() => undefined); // reported by the await below, or moot when navigation failed
      try {
        await page.goto(this.base + path, { waitUntil: 'commit' });
        await settled;
      } finally {
        clearTimeout(timer);
      }
      const { readyAt, error } = await page.evaluate(() => ({
        readyAt: window.__bench.readyAt,
        error: window.__bench.error,
      }));
      if (readyAt === undefined) throw new Error(error ?? 'no ready marker');
      return { ms: readyAt, context, page };
    } catch (err) {
      await context.close();
      throw err;
    }
  }
}

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return round(usedSize / 1024 / 1024, 1);
}

/** Pans by dragging the pane, then zooms with the wheel; the rAF deltas of each phase. */
async function panZoom(page: Page, ms: number): Promise<{ pan: number[]; zoom: number[] }> {
  const p = await page.evaluate(() => window.__bench.panePoint());
  await page.mouse.move(p.x, p.y);
  await page.evaluate(() => window.__bench.startFrames());
  await page.mouse.down();
  const t0 = Date.now();
  for (let t = 0; t < ms; t = Date.now() - t0) {
    // A figure of eight around the start: the diagram stays in view.
    const phase = (t / 1000) * 2 * Math.PI;
    await page.mouse.move(p.x + 160 * Math.sin(phase), p.y + 80 * Math.sin(2 * phase));
    await sleep(8);
  }
  await page.mouse.up();
  const pan = await page.evaluate(() => window.__bench.stopFrames());
  await page.mouse.move(p.x, p.y);
  await page.evaluate(() => window.__bench.startFrames());
  const t1 = Date.now();
  for (let i = 0; Date.now() - t1 < ms; i++) {
    // Five notches in, five out, ...
    await page.mouse.wheel(0, Math.floor(i / 5) % 2 === 0 ? -100 : 100);
    await sleep(40);
  }
  await sleep(100);
  const zoom = await page.evaluate(() => window.__bench.stopFrames());
  return { pan, zoom };
}

/** Up to four switches from `traditional`, each timed from the click to the next ready marker in a frame. */
async function switchTour(
  page: Page,
  settle: number,
  switches: number,
): Promise<{ times: number[]; nodes: number }> {
  const times: number[] = [];
  let nodes = 0;
  for (const [name, view] of TOUR.slice(0, switches)) {
    await sleep(settle);
    times.push(
      await page.evaluate(([n, v]) => window.__bench.clickSwitch(n as string, v as string), [name, view]),
    );
    nodes = Math.max(nodes, await page.evaluate(() => window.__bench.nodeCount()));
  }
  return { times, nodes };
}

const ms = (v: number) => round(v, 1);

// --- the measurements ------------------------------------------------------------------------------------

export async function measureBrowser(opts: BrowserOptions): Promise<BrowserResult> {
  const { log } = opts;
  const t0 = Date.now();
  const built = ensureBuild(opts.root, log);
  const big = `/__bench/model-${opts.bigElements}.json`;
  const peerModel = generateModel(opts.peerElements, opts.seed);
  const mermaid = sceneToMermaid(deriveScene(peerModel, 'both'));
  // The generated inputs are files (bench-results/inputs/), served with the build on the app's origin under
  // /__bench/ (by the server, like the app's own files: intercepting requests in the browser would slow
  // every request of every page).
  const inputs = new URL('bench-results/inputs/', opts.root);
  mkdirSync(inputs, { recursive: true });
  const file = (name: string, text: string) => {
    writeFileSync(new URL(name, inputs), text);
    return new URL(name, inputs);
  };
  const served = new Map<string, URL>([
    [big, file(`model-${opts.bigElements}.json`, JSON.stringify(generateModel(opts.bigElements, opts.seed)))],
    ['/__bench/model-peer.json', file('model-peer.json', JSON.stringify(peerModel))],
    [
      '/__bench/mermaid.html',
      file('mermaid-peer.html', mermaidPage(mermaid.text, '/__bench/mermaid.esm.min.mjs')),
    ],
    // The module and the chunks it imports (from ./chunks/mermaid.esm.min/, next to it).
    ['/__bench/mermaid.esm.min.mjs', new URL('node_modules/mermaid/dist/mermaid.esm.min.mjs', opts.root)],
    [
      '/__bench/chunks/mermaid.esm.min',
      new URL('node_modules/mermaid/dist/chunks/mermaid.esm.min/', opts.root),
    ],
  ]);
  file('mermaid-peer.mmd', mermaid.text);

  const server = await startServer(opts.root, served);
  const executablePath = chromiumPath();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch (err) {
    await server.stop();
    throw err;
  }
  const session = new Session(browser, server.url);
  const settle = opts.smoke ? 50 : 600;
  const metrics: Metric[] = [];
  const detail: Record<string, unknown> = {
    server: server.url,
    built,
    buildSeconds: built ? (Date.now() - t0) / 1000 : 0,
    mermaidBoxes: mermaid.boxes,
  };
  const partSeconds: Record<string, number> = {};
  detail.partSeconds = partSeconds;
  /** Runs one part; a failure becomes an unmeasured metric, never the end of the bench. */
  const part = async (keys: readonly [string, string, Metric['unit']][], fn: () => Promise<Metric[]>) => {
    const started = Date.now();
    try {
      metrics.push(...(await fn()));
    } catch (err) {
      const message = (err as Error).message.split('\n')[0] ?? String(err);
      log(`  failed: ${message}`);
      for (const [key, label, unit] of keys) metrics.push({ key, label, value: null, unit, error: message });
    }
    partSeconds[keys[0]?.[0] ?? '?'] = (Date.now() - started) / 1000;
  };
  const bigLabel = opts.bigElements.toLocaleString('en-US');

  try {
    const chromiumVersion = browser.version();
    // Warm-up: the server, the disk cache, Chromium itself.
    if (!opts.smoke) {
      log('browser: warm-up');
      for (const path of ['/', `/?topology=both&model=${big}`])
        await (await session.load(path)).context.close();
    }

    log(`browser: first diagram, default model (${opts.navRuns} fresh pages)`);
    await part(
      [
        ['browser.firstDiagram.default', 'First diagram after navigation, default model', 'ms'],
        ['browser.heap.default', 'JS heap after load, default model', 'MB'],
      ],
      async () => {
        const times: number[] = [];
        let heap = 0;
        let nodes = 0;
        for (let i = 0; i < opts.navRuns; i++) {
          const { ms: t, context, page } = await session.load('/');
          times.push(t);
          if (i === opts.navRuns - 1) {
            nodes = await page.evaluate(() => window.__bench.nodeCount());
            heap = await heapMb(context, page);
          }
          await context.close();
        }
        detail.firstDiagramDefault = times.map(ms);
        return [
          {
            key: 'browser.firstDiagram.default',
            label: 'First diagram after navigation, default model',
            value: ms(median(times)),
            unit: 'ms',
            target: { op: '<=', value: 1000 },
            note: `median of ${times.length}, max ${ms(Math.max(...times))}; ${nodes} boxes`,
          },
          {
            key: 'browser.heap.default',
            label: 'JS heap after load, default model',
            value: heap,
            unit: 'MB',
            note: 'after a GC',
          },
        ];
      },
    );

    log(`browser: first diagram, ${bigLabel}-element model`);
    await part(
      [['browser.firstDiagram.big', `First diagram after navigation, ${bigLabel} elements`, 'ms']],
      async () => {
        const times: number[] = [];
        let nodes = 0;
        for (let i = 0; i < opts.navRuns; i++) {
          const { ms: t, context, page } = await session.load(`/?topology=both&model=${big}`);
          times.push(t);
          nodes = await page.evaluate(() => window.__bench.nodeCount());
          await context.close();
        }
        detail.firstDiagramBig = times.map(ms);
        return [
          {
            key: 'browser.firstDiagram.big',
            label: `First diagram after navigation, ${bigLabel} elements`,
            value: ms(median(times)),
            unit: 'ms',
            note: `view both, folded as the app starts it (${nodes} boxes); median of ${times.length}`,
          },
        ];
      },
    );

    log(`browser: view switches (${opts.switchRuns} pages x 4 switches per case)`);
    const switchCase = async (path: string, expand: boolean): Promise<{ times: number[]; nodes: number }> => {
      const times: number[] = [];
      let nodes = 0;
      for (let i = 0; i < opts.switchRuns; i++) {
        const { context, page } = await session.load(path);
        if (expand) {
          await sleep(settle);
          await page.evaluate(() => window.__bench.expandAll());
        }
        const tour = await switchTour(page, settle, opts.smoke ? 1 : TOUR.length);
        times.push(...tour.times);
        nodes = Math.max(nodes, tour.nodes);
        await context.close();
      }
      return { times, nodes };
    };
    const switchMetric = (
      key: string,
      label: string,
      target: number,
      r: { times: number[]; nodes: number },
    ) => ({
      key,
      label,
      value: ms(median(r.times)),
      unit: 'ms' as const,
      target: { op: '<=' as const, value: target },
      note: `median of ${r.times.length}, max ${ms(Math.max(...r.times))}; up to ${r.nodes} boxes`,
    });
    await part([['browser.switch.default', 'View switch to ready, default model', 'ms']], async () => {
      const r = await switchCase('/?topology=traditional', false);
      detail.switchDefault = r.times.map(ms);
      return [switchMetric('browser.switch.default', 'View switch to ready, default model', 100, r)];
    });
    await part(
      [['browser.switch.big', `View switch to ready, ${bigLabel} elements (folded)`, 'ms']],
      async () => {
        const r = await switchCase(`/?topology=traditional&model=${big}`, false);
        detail.switchBig = r.times.map(ms);
        return [
          switchMetric('browser.switch.big', `View switch to ready, ${bigLabel} elements (folded)`, 250, r),
        ];
      },
    );
    await part(
      [['browser.switch.bigExpanded', `View switch to ready, ${bigLabel} elements (all unfolded)`, 'ms']],
      async () => {
        const r = await switchCase(`/?topology=traditional&model=${big}`, true);
        detail.switchBigExpanded = r.times.map(ms);
        return [
          switchMetric(
            'browser.switch.bigExpanded',
            `View switch to ready, ${bigLabel} elements (all unfolded)`,
            250,
            r,
          ),
        ];
      },
    );

    log(
      `browser: pan and zoom, ${bigLabel} elements (${(2 * opts.panMs) / 1000} s each, folded and unfolded)`,
    );
    const panKeys: [string, string, Metric['unit']][] = [
      ['browser.panZoom.p50', `Pan/zoom frame time p50, ${bigLabel} elements (folded)`, 'ms'],
      ['browser.panZoom.p95', `Pan/zoom frame time p95, ${bigLabel} elements (folded)`, 'ms'],
      ['browser.heap.big', `JS heap after load, ${bigLabel} elements (folded)`, 'MB'],
      ['browser.expand.big', `Unfold all, ${bigLabel} elements, to ready`, 'ms'],
      ['browser.panZoomExpanded.p50', `Pan/zoom frame time p50, ${bigLabel} elements (all unfolded)`, 'ms'],
      ['browser.panZoomExpanded.p95', `Pan/zoom frame time p95, ${bigLabel} elements (all unfolded)`, 'ms'],
      ['browser.heap.bigExpanded', `JS heap, ${bigLabel} elements (all unfolded)`, 'MB'],
    ];
    await part(panKeys, async () => {
      const { context, page } = await session.load(`/?topology=both&model=${big}`);
      try {
        await sleep(settle);
        const heapFolded = await heapMb(context, page);
        const foldedNodes = await page.evaluate(() => window.__bench.nodeCount());
        const folded = await panZoom(page, opts.panMs);
        await sleep(settle);
        const expand = await page.evaluate(() => window.__bench.expandAll());
        await sleep(settle);
        const heapExpanded = await heapMb(context, page);
        const expandedNodes = await page.evaluate(() => window.__bench.nodeCount());
        const expanded = await panZoom(page, opts.panMs);
        detail.panZoom = {
          folded: { nodes: foldedNodes, pan: folded.pan.map(ms), zoom: folded.zoom.map(ms) },
          expanded: { nodes: expandedNodes, pan: expanded.pan.map(ms), zoom: expanded.zoom.map(ms) },
        };
        const all = (r: { pan: number[]; zoom: number[] }) => [...r.pan, ...r.zoom];
        const frames = (r: { pan: number[]; zoom: number[] }, nodes: number) =>
          `${all(r).length} frames (pan p95 ${ms(percentile(r.pan, 95))}, zoom p95 ${ms(percentile(r.zoom, 95))}); ${nodes} boxes`;
        const [k0, k1, k2, k3, k4, k5, k6] = panKeys.map(([key, label, unit]) => ({ key, label, unit }));
        return [
          { ...k0, value: ms(percentile(all(folded), 50)), note: frames(folded, foldedNodes) },
          { ...k1, value: ms(percentile(all(folded), 95)), target: { op: '<=', value: 33 } },
          { ...k2, value: heapFolded, note: 'after a GC' },
          { ...k3, value: ms(expand), note: `${foldedNodes} -> ${expandedNodes} boxes` },
          { ...k4, value: ms(percentile(all(expanded), 50)), note: frames(expanded, expandedNodes) },
          { ...k5, value: ms(percentile(all(expanded), 95)), target: { op: '<=', value: 33 } },
          { ...k6, value: heapExpanded, note: 'after a GC' },
        ] as Metric[];
      } finally {
        await context.close();
      }
    });

    log(
      `browser: peer, ${mermaid.boxes} boxes: Mermaid ${opts.peerRuns}x vs Stacklayers ${opts.peerRuns * opts.peerStacklayersPerRun * 3}x (fresh pages: app twice, embed)`,
    );
    const peerKeys: [string, string, Metric['unit']][] = [
      ['peer.mermaid', `Mermaid flowchart, ${mermaid.boxes} boxes, fresh page to painted SVG`, 'ms'],
      ['peer.stacklayers', `Stacklayers, same ${mermaid.boxes} boxes all drawn, fresh page to ready`, 'ms'],
      ['peer.ratio', 'Stacklayers faster than Mermaid (all boxes drawn)', 'x'],
      [
        'peer.stacklayersUnfoldAtOnce',
        'Stacklayers, all drawn, Unfold all clicked the moment the first diagram is ready',
        'ms',
      ],
      ['peer.ratioUnfoldAtOnce', 'Stacklayers faster than Mermaid (all drawn, clicked at once)', 'x'],
      ['peer.stacklayersFolded', 'Stacklayers, same model as it starts (folded), fresh page to ready', 'ms'],
      ['peer.ratioFolded', 'Stacklayers faster than Mermaid (as it starts, folded)', 'x'],
      [
        'peer.embedFolded',
        'Stacklayers embed.html (as a docs page embeds it), folded, fresh page to ready',
        'ms',
      ],
      ['peer.ratioEmbed', 'Stacklayers embed.html faster than Mermaid (as it starts, folded)', 'x'],
    ];
    await part(peerKeys, async () => {
      const mermaidTimes: number[] = [];
      const folded: number[] = [];
      const full: number[] = [];
      const fullAtOnce: number[] = [];
      const embed: number[] = [];
      let nodes = 0;
      for (let i = 0; i < opts.peerRuns; i++) {
        const m = await session.load('/__bench/mermaid.html', 600_000);
        const svgNodes = await m.page.evaluate(
          () => document.querySelectorAll('pre.mermaid svg g.node').length,
        );
        if (svgNodes === 0) throw new Error('Mermaid drew no nodes');
        mermaidTimes.push(m.ms);
        await m.context.close();
        for (let j = 0; j < opts.peerStacklayersPerRun; j++) {
          // Unfold all as a reader clicks it, on the diagram they see: after the settle pause every action
          // of the bench waits (view switches, the other unfold). And, for comparison, at once: the click
          // then shares the CPUs with the raster of the folded frame (software raster here) and with the
          // compiler still optimizing the code of the load.
          for (const pause of [settle, 0]) {
            const s = await session.load('/?topology=both&model=/__bench/model-peer.json');
            if (pause) await sleep(pause);
            const expand = await s.page.evaluate(() => window.__bench.expandAll());
            nodes = await s.page.evaluate(() => window.__bench.nodeCount());
            folded.push(s.ms);
            (pause ? full : fullAtOnce).push(s.ms + expand);
            await s.context.close();
          }
          const e = await session.load('/embed.html?topology=both&model=/__bench/model-peer.json');
          embed.push(e.ms);
          await e.context.close();
        }
      }
      detail.peer = {
        boxes: mermaid.boxes,
        mermaid: mermaidTimes.map(ms),
        stacklayersFolded: folded.map(ms),
        stacklayers: full.map(ms),
        stacklayersUnfoldAtOnce: fullAtOnce.map(ms),
        stacklayersEmbed: embed.map(ms),
        stacklayersNodes: nodes,
      };
      const mm = median(mermaidTimes);
      const [k0, k1, k2, k3, k4, k5, k6, k7, k8] = peerKeys.map(([key, label, unit]) => ({
        key,
        label,
        unit,
      }));
      return [
        {
          ...k0,
          value: ms(mm),
          note: `median of ${mermaidTimes.length}; Mermaid ${mermaidVersion(opts.root)}`,
        },
        {
          ...k1,
          value: ms(median(full)),
          note: `load (folded) + unfold all, clicked ${settle} ms after; ${nodes} boxes; median of ${full.length}`,
        },
        { ...k2, value: round(mm / median(full), 1), target: { op: '>=', value: 10 } },
        {
          ...k3,
          value: ms(median(fullAtOnce)),
          note: `load (folded) + unfold all, clicked at once; median of ${fullAtOnce.length}`,
        },
        { ...k4, value: round(mm / median(fullAtOnce), 1) },
        { ...k5, value: ms(median(folded)), note: `median of ${folded.length}` },
        { ...k6, value: round(mm / median(folded), 1), target: { op: '>=', value: 10 } },
        { ...k7, value: ms(median(embed)), note: `median of ${embed.length}` },
        { ...k8, value: round(mm / median(embed), 1), target: { op: '>=', value: 10 } },
      ] as Metric[];
    });

    // The bundle of the very build measured above.
    metrics.push(...bundleMetrics(server.dist));
    detail.pageLoads = session.pageLoads;
    detail.browserSeconds = (Date.now() - t0) / 1000;
    if (session.pageErrors.length > 0) detail.pageErrors = session.pageErrors;
    return { metrics, chromium: chromiumVersion, detail };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function mermaidVersion(root: URL): string {
  return (
    JSON.parse(readFileSync(new URL('node_modules/mermaid/package.json', root), 'utf8')) as {
      version: string;
    }
  ).version;
}
