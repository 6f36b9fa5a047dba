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
import { layoutScene } from '../src/layout/layoutScene';
import { generateModel } from '../src/model/generate';
import { thousands } from '../src/model/limits';
import { FAR_ZOOM } from '../src/render/flow/toFlow';
import { deriveScene } from '../src/topology/deriveScene';
import type { View } from '../src/topology/views';
import { bundleMetrics } from './bundle';
import { embedLoadMetrics, inlineModelPage, webComponentPath } from './embedLoad';
import { type Drawn, NAME_SHIM, PAGE_HELPERS, pageHelpers, SETTLED } from './pageHelpers';
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
  /**
   * Fresh pages of Stacklayers after each of Mermaid's (the like-for-like page, and for the peer cloud each of
   * the level-of-detail pages): each takes a fraction of Mermaid's time, and a median of more samples is
   * steadier on a shared machine.
   */
  peerStacklayersPerRun: number;
  /** Elements of the big model (2,000). */
  bigElements: number;
  /**
   * The like-for-like comparisons: [key, elements of the generated model, Mermaid pages]. 1,080 elements is
   * the peer cloud (1,298 boxes in view `both`).
   */
  peerSizes: readonly (readonly [string, number, number])[];
  seed: number;
  /** Only the like-for-like comparison (and the bundle). */
  peerOnly: boolean;
  log: (line: string) => void;
}

export interface BrowserResult {
  metrics: Metric[];
  chromium: string;
  detail: Record<string, unknown>;
}

interface Viewport {
  width: number;
  height: number;
}
const VIEWPORT: Viewport = { width: 1280, height: 720 };
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

export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(`${path}/${name}`));
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than what it is built from. */
function ensureBuild(root: URL, log: (line: string) => void): boolean {
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
async function startServer(
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
  async open(viewport: Viewport = VIEWPORT): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      viewport,
      deviceScaleFactor: 1,
      // The page itself is timed: its service worker registers only after the first diagram, when idle
      // (src/main.tsx), and would precache the build during the pan and zoom runs.
      serviceWorkers: 'block',
    });
    await context.addInitScript({ content: NAME_SHIM });
    await context.addInitScript(pageHelpers, SETTLED);
    for (const helpers of PAGE_HELPERS) await context.addInitScript(helpers);
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(err.message));
    return { context, page };
  }

  /** Navigates a fresh page to `path` and returns the ms from navigation start to the first ready marker. */
  async load(
    path: string,
    timeout = 60_000,
    viewport: Viewport = VIEWPORT,
  ): Promise<{ ms: number; context: BrowserContext; page: Page }> {
    await quiet();
    const { context, page } = await this.open(viewport);
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
async function switchTour(page: Page, settle: number, switches: number): Promise<SwitchTimes> {
  const times: number[] = [];
  const settled: number[] = [];
  let nodes = 0;
  for (const [name, view] of TOUR.slice(0, switches)) {
    await sleep(settle);
    const t = await page.evaluate(
      ([n, v]) => window.__bench.switchSettled(n as string, v as string),
      [name, view],
    );
    times.push(t.ready);
    settled.push(t.settled);
    nodes = Math.max(nodes, await page.evaluate(() => window.__bench.nodeCount()));
  }
  return { times, settled, nodes };
}

/** A view switch: from the click to the ready marker (the first frame of the new view) and to the view at rest. */
interface SwitchTimes {
  times: number[];
  settled: number[];
  nodes: number;
}

const ms = (v: number) => round(v, 1);

/** One like-for-like comparison: a generated model, drawn whole by both, each box with its label. */
interface Peer {
  key: string;
  elements: number;
  boxes: number;
  runs: number;
  model: string;
  mermaidPath: string;
  viewport: Viewport;
  /** Also time the product's level-of-detail pages of this model (no ratio). */
  lod: boolean;
}

/**
 * A page in which the whole unfolded diagram fits at a zoom where the app draws labels (FAR_ZOOM and up): at
 * least 4000x1100 (the peer cloud fits at ~0.36), wider for wider diagrams. Mermaid gets the same page.
 */
function likeForLikeViewport(width: number, height: number): Viewport {
  const zoom = FAR_ZOOM * 1.1;
  return {
    width: Math.max(4000, Math.ceil(width * zoom)),
    height: Math.max(1100, Math.ceil(height * zoom * 1.1)),
  };
}

// --- the measurements ------------------------------------------------------------------------------------

type PartKeys = readonly [string, string, Metric['unit']][];

/** What every part of a run shares: the options, the browser session, and where results go. */
interface Run {
  opts: BrowserOptions;
  session: Session;
  /** Runs one part; a failure becomes an unmeasured metric, never the end of the bench. */
  part: (keys: PartKeys, fn: () => Promise<Metric[]>) => Promise<void>;
  detail: Record<string, unknown>;
  /** ms to wait after a page is ready before acting on it. */
  settle: number;
  /** The big model's path, and its size in words. */
  big: string;
  bigLabel: string;
}

/** The generated inputs (bench-results/inputs/), served with the build under /__bench/, and the peers. */
function benchInputs(opts: BrowserOptions) {
  const big = `/__bench/model-${opts.bigElements}.json`;
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
    // The module and the chunks it imports (from ./chunks/mermaid.esm.min/, next to it).
    ['/__bench/mermaid.esm.min.mjs', new URL('node_modules/mermaid/dist/mermaid.esm.min.mjs', opts.root)],
    [
      '/__bench/chunks/mermaid.esm.min',
      new URL('node_modules/mermaid/dist/chunks/mermaid.esm.min/', opts.root),
    ],
  ]);
  // The peer's models: the same scene for both, as a Stacklayers model and as Mermaid text.
  const peers: Peer[] = [];
  for (const [key, elements, runs] of opts.peerSizes) {
    const model = generateModel(elements, opts.seed);
    const scene = deriveScene(model, 'both');
    const mermaid = sceneToMermaid(scene);
    const layout = layoutScene(scene, { collapsed: new Set(), hiddenLayers: new Set() });
    const name = `model-${key}.json`;
    served.set(`/__bench/${name}`, file(name, JSON.stringify(model)));
    served.set(
      `/__bench/mermaid-${key}.html`,
      file(`mermaid-${key}.html`, mermaidPage(mermaid.text, '/__bench/mermaid.esm.min.mjs')),
    );
    file(`mermaid-${key}.mmd`, mermaid.text);
    peers.push({
      key,
      elements,
      boxes: mermaid.boxes,
      runs,
      model: `/__bench/${name}`,
      mermaidPath: `/__bench/mermaid-${key}.html`,
      viewport: likeForLikeViewport(layout.width, layout.height),
      lod: key === 'peer',
    });
    if (layout.boxes.length !== mermaid.boxes)
      throw new Error(`${key}: Mermaid text has ${mermaid.boxes} boxes, the layout ${layout.boxes.length}`);
  }

  // A docs page: the web component with an inline model (the default model).
  const component = webComponentPath(new URL('dist/', opts.root));
  const defaultModelJson = readFileSync(new URL('public/models/default.json', opts.root), 'utf8');
  const inlinePage = component ? file('inline.html', inlineModelPage(defaultModelJson, component)) : null;
  if (inlinePage) served.set('/__bench/inline.html', inlinePage);
  return { big, served, peers, defaultModelJson, inlinePage };
}

export async function measureBrowser(opts: BrowserOptions): Promise<BrowserResult> {
  const { log } = opts;
  const t0 = Date.now();
  const built = ensureBuild(opts.root, log);
  const { big, served, peers, defaultModelJson, inlinePage } = benchInputs(opts);
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
    peers: peers.map(({ key, elements, boxes, viewport }) => ({ key, elements, boxes, viewport })),
  };
  const partSeconds: Record<string, number> = {};
  detail.partSeconds = partSeconds;
  /** Runs one part; a failure becomes an unmeasured metric, never the end of the bench. */
  const part = async (keys: readonly [string, string, Metric['unit']][], fn: () => Promise<Metric[]>) => {
    const started = Date.now();
    try {
      const got = await fn();
      metrics.push(...got);
      // As each part ends: a long run shows its figures as it goes.
      for (const m of got) log(`  ${m.label}: ${m.value ?? '-'} ${m.unit}${m.drawn ? ` [${m.drawn}]` : ''}`);
    } catch (err) {
      const message = (err as Error).message.split('\n')[0] ?? String(err);
      log(`  failed: ${message}`);
      for (const [key, label, unit] of keys) metrics.push({ key, label, value: null, unit, error: message });
    }
    partSeconds[keys[0]?.[0] ?? '?'] = (Date.now() - started) / 1000;
  };
  const run: Run = {
    opts,
    session,
    part,
    detail,
    settle,
    big,
    bigLabel: opts.bigElements.toLocaleString('en-US'),
  };

  try {
    const chromiumVersion = browser.version();
    // Warm-up: the server, the disk cache, Chromium itself.
    if (!opts.smoke) {
      log('browser: warm-up');
      for (const path of ['/', `/?topology=both&model=${big}`])
        await (await session.load(path)).context.close();
    }
    if (!opts.peerOnly) {
      await firstDiagramParts(run);
      await switchParts(run);
      await panZoomPart(run);
    }
    for (const peer of peers) await peerPart(run, peer);
    await embedPart(run, server.url, defaultModelJson, inlinePage);
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

async function firstDiagramParts({ opts, session, part, detail, big, bigLabel }: Run): Promise<void> {
  const { log } = opts;
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
          drawn: `${nodes} boxes, each with its label, DOM, 1280x720`,
          value: ms(median(times)),
          unit: 'ms',
          target: { op: '<=', value: 500 },
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
          drawn: `${nodes} boxes (folded as the app starts a big model), labelled, DOM, 1280x720`,
          value: ms(median(times)),
          unit: 'ms',
          note: `view both; median of ${times.length}`,
        },
      ];
    },
  );
}

async function switchParts({ opts, session, part, detail, settle, big, bigLabel }: Run): Promise<void> {
  const { log } = opts;
  log(`browser: view switches (${opts.switchRuns} pages x 4 switches per case)`);
  const switchCase = async (path: string, expand: boolean): Promise<SwitchTimes> => {
    const times: number[] = [];
    const settled: number[] = [];
    let nodes = 0;
    for (let i = 0; i < opts.switchRuns; i++) {
      const { context, page } = await session.load(path);
      if (expand) {
        await sleep(settle);
        await page.evaluate(() => window.__bench.expandAll());
      }
      const tour = await switchTour(page, settle, opts.smoke ? 1 : TOUR.length);
      times.push(...tour.times);
      settled.push(...tour.settled);
      nodes = Math.max(nodes, tour.nodes);
      await context.close();
    }
    return { times, settled, nodes };
  };
  /** Two rows per case: to the first frame of the new view (the target), and to the view at rest. */
  const switchMetrics = (key: string, what: string, target: number, r: SwitchTimes): Metric[] => [
    {
      key,
      label: `View switch, ${what}: click to the first frame of the new view`,
      value: ms(median(r.times)),
      unit: 'ms',
      target: { op: '<=', value: target },
      note: `median of ${r.times.length}, max ${ms(Math.max(...r.times))}; up to ${r.nodes} boxes`,
    },
    {
      key: `${key}.settled`,
      label: `View switch, ${what}: click to the view settled (every glide and fade ended)`,
      value: ms(median(r.settled)),
      unit: 'ms',
      note: `median of ${r.settled.length}, max ${ms(Math.max(...r.settled))}`,
    },
  ];
  const switchPart = (key: string, what: string, target: number, path: string, expand: boolean) =>
    part(
      [
        [key, `View switch, ${what}`, 'ms'],
        [`${key}.settled`, `View switch settled, ${what}`, 'ms'],
      ],
      async () => {
        const r = await switchCase(path, expand);
        detail[key] = { ready: r.times.map(ms), settled: r.settled.map(ms) };
        return switchMetrics(key, what, target, r);
      },
    );
  await switchPart(
    'browser.switch.default',
    'default model (DOM, labelled, with the glide)',
    100,
    '/?topology=traditional',
    false,
  );
  await switchPart(
    'browser.switch.big',
    `${bigLabel} elements as they start (folded, DOM)`,
    250,
    `/?topology=traditional&model=${big}`,
    false,
  );
  await switchPart(
    'browser.switch.bigExpanded',
    `${bigLabel} elements all unfolded (far layer at the fit zoom: boxes without labels)`,
    250,
    `/?topology=traditional&model=${big}`,
    true,
  );
}

async function panZoomPart({ opts, session, part, detail, settle, big, bigLabel }: Run): Promise<void> {
  const { log } = opts;
  log(`browser: pan and zoom, ${bigLabel} elements (${(2 * opts.panMs) / 1000} s each, folded and unfolded)`);
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
}

/** What the pages of one peer gave: the times of each side, and what each kind of page drew. */
interface PeerPages {
  mermaidTimes: number[];
  labelled: number[];
  perRun: number[];
  lod: { folded: number[]; embed: number[]; far: number[] };
  drawn: Record<string, Drawn>;
}

/** Mermaid's page, then Stacklayers' pages (and the level-of-detail pages), `peer.runs` times over. */
async function peerPages({ opts, session }: Run, peer: Peer): Promise<PeerPages> {
  const mermaidTimes: number[] = [];
  const labelled: number[] = [];
  const perRun: number[] = [];
  const lod = { folded: [] as number[], embed: [] as number[], far: [] as number[] };
  const drawn: Record<string, Drawn> = {};
  /** A fresh page; what it draws is checked: every box, each with its label, or the bench stops. */
  const page = async (path: string, viewport: Viewport, what: string, labels: boolean) => {
    const s = await session.load(path, 900_000, viewport);
    try {
      const d = await s.page.evaluate(() => window.__bench.drawn());
      drawn[what] = d;
      const boxes = d.dom + d.canvas;
      if (labels && d.labelled < peer.boxes)
        throw new Error(
          `${what}: ${d.labelled} of ${peer.boxes} boxes drawn with their labels (${JSON.stringify(d)})`,
        );
      if (!labels && what !== 'folded' && what !== 'embed' && boxes < peer.boxes)
        throw new Error(`${what}: ${boxes} of ${peer.boxes} boxes drawn`);
      return s.ms;
    } finally {
      await s.context.close();
    }
  };
  for (let i = 0; i < peer.runs; i++) {
    const m = await page(peer.mermaidPath, peer.viewport, 'mermaid', true);
    mermaidTimes.push(m);
    const these: number[] = [];
    for (let j = 0; j < opts.peerStacklayersPerRun; j++) {
      these.push(
        await page(`/?topology=both&fold=none&model=${peer.model}`, peer.viewport, 'stacklayers', true),
      );
      if (peer.lod) {
        lod.folded.push(await page(`/?topology=both&model=${peer.model}`, VIEWPORT, 'folded', false));
        lod.embed.push(await page(`/embed.html?topology=both&model=${peer.model}`, VIEWPORT, 'embed', false));
        lod.far.push(await page(`/?topology=both&fold=none&model=${peer.model}`, VIEWPORT, 'far', false));
      }
    }
    labelled.push(...these);
    perRun.push(m / median(these));
  }
  return { mermaidTimes, labelled, perRun, lod, drawn };
}

async function peerPart(run: Run, peer: Peer): Promise<void> {
  const { opts, part, detail } = run;
  const { log } = opts;
  const n = thousands(peer.boxes);
  const size = `${peer.viewport.width}x${peer.viewport.height}`;
  const keys: [string, string, Metric['unit']][] = [
    [`${peer.key}.mermaid`, `Mermaid, ${n} boxes`, 'ms'],
    [`${peer.key}.stacklayers`, `Stacklayers, ${n} boxes`, 'ms'],
    [`${peer.key}.ratio`, `Stacklayers faster than Mermaid, ${n} labelled boxes`, 'x'],
    ...(peer.lod
      ? ([
          [`${peer.key}.lod.folded`, 'Stacklayers as it starts (folded)', 'ms'],
          [`${peer.key}.lod.embed`, 'embed.html as it starts (folded)', 'ms'],
          [`${peer.key}.lod.far`, 'Stacklayers unfolded at 1280x720 (far layer)', 'ms'],
        ] as [string, string, Metric['unit']][])
      : []),
  ];
  log(
    `browser: peer, ${n} boxes in ${size} pages: Mermaid ${peer.runs}x, each followed by Stacklayers ${opts.peerStacklayersPerRun}x${peer.lod ? ' (and the product as it starts: app folded, embed folded, app unfolded at 1280x720)' : ''}`,
  );
  await part(keys, async () => {
    const pages = await peerPages(run, peer);
    const { mermaidTimes, labelled, perRun, lod, drawn } = pages;
    detail[peer.key] = {
      boxes: peer.boxes,
      viewport: peer.viewport,
      drawn,
      mermaid: mermaidTimes.map(ms),
      stacklayers: labelled.map(ms),
      ratioPerRun: perRun.map((r) => round(r, 1)),
      ...(peer.lod
        ? { lod: { folded: lod.folded.map(ms), embed: lod.embed.map(ms), far: lod.far.map(ms) } }
        : {}),
    };
    const mm = median(mermaidTimes);
    const sl = drawn.stacklayers as Drawn;
    const mermaidDrawn = `${n} boxes (nested subgraphs), each with its label, SVG, ${size} page`;
    const ours = `${n} boxes, each with its label, ${sl.layer === 'canvas' ? 'canvas layer' : sl.layer} at zoom ${round(sl.zoom, 2)}, ${size} page (fold=none)`;
    const out: Metric[] = [
      {
        key: `${peer.key}.mermaid`,
        label: `Mermaid ${mermaidVersion(opts.root)} flowchart: fresh page to the SVG painted`,
        drawn: mermaidDrawn,
        value: ms(mm),
        unit: 'ms',
        note: `median of ${mermaidTimes.length}`,
      },
      {
        key: `${peer.key}.stacklayers`,
        label: 'Stacklayers app: fresh page to the ready marker',
        drawn: ours,
        value: ms(median(labelled)),
        unit: 'ms',
        note: `median of ${labelled.length}`,
      },
      {
        key: `${peer.key}.ratio`,
        label: `Stacklayers faster than Mermaid, like for like (${n} labelled boxes, same page size)`,
        drawn: 'the two rows above',
        value: round(mm / median(labelled), 1),
        unit: 'x',
        target: { op: '>=', value: 10 },
        note: `ratio of the medians; per Mermaid page and the Stacklayers pages after it: ${round(Math.min(...perRun), 1)}–${round(Math.max(...perRun), 1)}x`,
      },
    ];
    if (peer.lod) out.push(...lodMetrics(peer, pages));
    return out;
  });
}

/** The product's level-of-detail pages of a peer: no ratio, not the same work as Mermaid's. */
function lodMetrics(peer: Peer, { lod, drawn }: PeerPages): Metric[] {
  const f = drawn.folded as Drawn;
  const e = drawn.embed as Drawn;
  const far = drawn.far as Drawn;
  const lodNote = (times: number[]) => `median of ${times.length}; no ratio: not the same work as Mermaid's`;
  return [
    {
      key: `${peer.key}.lod.folded`,
      label: 'Stacklayers app as it starts a big model (folded), fresh page to ready',
      drawn: `${f.dom + f.canvas} boxes (hosts and projects folded into groups), labelled, ${f.layer} at zoom ${round(f.zoom, 2)}, 1280x720`,
      value: ms(median(lod.folded)),
      unit: 'ms',
      note: lodNote(lod.folded),
    },
    {
      key: `${peer.key}.lod.embed`,
      label: 'embed.html as it starts (folded), fresh page to ready',
      drawn: `${e.dom + e.canvas} boxes, labelled, ${e.layer} at zoom ${round(e.zoom, 2)}, 1280x720`,
      value: ms(median(lod.embed)),
      unit: 'ms',
      note: lodNote(lod.embed),
    },
    {
      key: `${peer.key}.lod.far`,
      label: 'Stacklayers app, unfolded (fold=none) in a 1280x720 page, fresh page to ready',
      drawn: `${far.dom + far.canvas} boxes, ${far.labelled} with labels, ${far.layer === 'canvas' ? 'far layer (canvas)' : far.layer} at zoom ${round(far.zoom, 2)}, 1280x720`,
      value: ms(median(lod.far)),
      unit: 'ms',
      note: lodNote(lod.far),
    },
  ];
}

async function embedPart(
  { opts, session, part, detail }: Run,
  base: string,
  defaultModelJson: string,
  inlinePage: URL | null,
): Promise<void> {
  opts.log('browser: the JavaScript embedding pages really load');
  await part(
    [
      ['bundle.embed.model', 'JavaScript an embed.html?model= page loads', 'KB'],
      ['bundle.embed.inline', 'JavaScript a page with <stacklayers-diagram> and an inline model loads', 'KB'],
    ],
    async () => {
      const r = await embedLoadMetrics(() => session.open(), base, {
        modelUrl: '/__bench/model-peer.json',
        modelJson: defaultModelJson,
        inlinePage: inlinePage ? '/__bench/inline.html' : null,
      });
      detail.embedLoads = r.detail;
      return r.metrics;
    },
  );
}

function mermaidVersion(root: URL): string {
  return (
    JSON.parse(readFileSync(new URL('node_modules/mermaid/package.json', root), 'utf8')) as {
      version: string;
    }
  ).version;
}
