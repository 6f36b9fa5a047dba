/**
 * `npm run bench:trace -- <dist A> [<dist B>] [--peer] [--runs N] [--port P]`: Chromium traces of fresh pages of
 * one or two builds (before and after a change), alternating, and where their time went until the ready marker,
 * as medians per stage: main-thread CPU time, the scripts' compile and evaluation, the first React commit, the
 * worker's check, the frames. On a shared machine, compare CPU times and the critical path, not wall times.
 *
 *   default: the default model, 1280x720      --peer: the peer cloud, view `both`, `fold=none`, 4000x1100
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../src/cli/chromium';
import { generateModel } from '../src/model/generate';
import { NAME_SHIM, PAGE_HELPERS, pageHelpers, SETTLED } from './pageHelpers';
import { median } from './report';
import { startStaticServer } from './staticServer';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'loading',
  'toplevel',
  'v8.execute',
  'v8',
].join(',');

async function traceOnce(page: Page, url: string): Promise<{ events: TraceEvent[]; readyAt: number }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const settled = new Promise<void>((r) => page.on('console', (m) => m.text() === SETTLED && r()));
  await page.goto(url, { waitUntil: 'commit' });
  await settled;
  // The tail: the frames and the idle work right after the marker are part of the picture.
  await new Promise((r) => setTimeout(r, 300));
  const readyAt = await page.evaluate(() => window.__bench.readyAt ?? -1);
  await cdp.send('Tracing.end');
  await complete;
  return { events, readyAt };
}

/** A top-level task of a thread's loop. */
const TASK = 'ThreadControllerImpl::RunTask';

interface Threads {
  t0: number;
  end: number;
  pid: number;
  /** The page's main thread's events from navigation to the ready marker. */
  onMain: TraceEvent[];
  /** Its top-level tasks. */
  tasks: TraceEvent[];
  names: Map<string, string>;
}

function threadsOf(events: TraceEvent[], readyAt: number): Threads {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  if (!nav) throw new Error('no navigationStart in the trace');
  const t0 = nav.ts;
  const end = t0 + readyAt * 1000;
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= t0 && e.ts <= end);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === TASK).sort((a, b) => a.ts - b.ts);
  return { t0, end, pid: nav.pid, onMain, tasks, names };
}

/** Main-thread CPU time by kind of work, and its idle time, until the ready marker. */
function mainThread({ t0, end, onMain, tasks }: Threads, out: Record<string, number>): void {
  out['main busy'] = tasks.reduce((s, e) => s + Math.min(e.dur ?? 0, end - e.ts), 0) / 1000;
  const sum = (names: readonly string[]) =>
    onMain.filter((e) => e.ph === 'X' && names.includes(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  out['main: compile'] = sum(['v8.compileModule', 'v8.compile']);
  out['main: evaluate modules'] = sum(['v8.evaluateModule', 'EvaluateScript']);
  out['main: parse HTML'] = sum(['ParseHTML']);
  out['main: style+layout'] = sum(['UpdateLayoutTree', 'Layout']);
  out['main: paint+commit'] = sum(['Paint', 'PrePaint', 'Commit']);
  out['main: tasks running JS'] = sum(['FunctionCall', 'TimerFire', 'FireAnimationFrame']);
  let idle = 0;
  let prev = t0;
  for (const t of tasks) {
    if (t.ts > prev) idle += t.ts - prev;
    prev = Math.max(prev, t.ts + (t.dur ?? 0));
  }
  out['main idle'] = (idle + Math.max(0, end - prev)) / 1000;
}

/** When things happened, in ms from navigation: the worker's start, the model's request, the first render. */
function milestones(
  { t0, end, pid, onMain, names }: Threads,
  events: TraceEvent[],
  out: Record<string, number>,
) {
  const at = (ts: number) => (ts - t0) / 1000;
  const firstOnMain = (pred: (e: TraceEvent) => boolean) => onMain.find((e) => e.ph === 'X' && pred(e));
  const early = firstOnMain((e) => e.name === 'v8.evaluateModule');
  if (early) out['first module evaluated'] = at(early.ts);
  const render = firstOnMain((e) => e.name === 'FunctionCall' && (e.dur ?? 0) > 5000);
  if (render) out['first long JS task (React)'] = at(render.ts);
  const message = onMain.find((e) => e.name === 'HandlePostMessage');
  if (message) out["worker's answer handled"] = at(message.ts);
  const modelRequest = events.find(
    (e) => e.name === 'ResourceSendRequest' && /^[^?]*\.json$/.test(String(e.args?.data?.url)),
  );
  if (modelRequest && modelRequest.ts >= t0) out['model requested'] = at(modelRequest.ts);
  for (const [id, name] of names) {
    if (!/Worker/.test(name) || !id.startsWith(`${pid}:`)) continue;
    const top = events.filter(
      (e) => `${e.pid}:${e.tid}` === id && e.name === TASK && e.ts >= t0 && e.ts <= end,
    );
    out['worker busy'] = (out['worker busy'] ?? 0) + top.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
    const first = top[0];
    if (first) out['worker starts'] = at(first.ts);
  }
}

/** The stages of one trace, in ms. */
function stages(events: TraceEvent[], readyAt: number): Record<string, number> {
  const threads = threadsOf(events, readyAt);
  const out: Record<string, number> = { ready: readyAt };
  mainThread(threads, out);
  milestones(threads, events, out);
  return out;
}

function serveDir(dist: string, peer: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'stacklayers-trace-'));
  cpSync(dist, dir, { recursive: true });
  if (peer) {
    mkdirSync(join(dir, '__bench'), { recursive: true });
    writeFileSync(join(dir, '__bench/model-peer.json'), JSON.stringify(generateModel(1080, 1)));
  }
  return dir;
}

interface Args {
  runs: number;
  port: number;
  peer: boolean;
  save: string | undefined;
  dists: string[];
}

function parseArgs(argv: string[]): Args {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const runs = Number(flag('--runs') ?? 5);
  const port = Number(flag('--port') ?? 0);
  const save = flag('--save');
  const peer = argv.includes('--peer');
  const dists = argv.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
  if (dists.length === 0) throw new Error('usage: bench/trace.ts <dist A> [<dist B>] [--peer] [--runs N]');
  return { runs, port, peer, save, dists };
}

async function tracePage(browser: Browser, url: string, peer: boolean) {
  const viewport = peer ? { width: 4000, height: 1100 } : { width: 1280, height: 720 };
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(pageHelpers, SETTLED);
  for (const helpers of PAGE_HELPERS) await context.addInitScript(helpers);
  try {
    return await traceOnce(await context.newPage(), url);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const { runs, port, peer, save, dists } = parseArgs(process.argv.slice(2));
  if (save) mkdirSync(save, { recursive: true });
  const path = peer ? '/?topology=both&fold=none&model=/__bench/model-peer.json' : '/';
  const dirs = dists.map((d) => serveDir(d, peer));
  const servers = await Promise.all(dirs.map((d, i) => startStaticServer(d, port ? port + i : 0)));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const results: Map<string, number[]>[] = dists.map(() => new Map());
  try {
    // One warm-up page each, then the builds alternate.
    for (let r = -1; r < runs; r++)
      for (const [i, server] of servers.entries()) {
        const { events, readyAt } = await tracePage(browser, server.url + path, peer);
        if (r < 0) continue;
        if (save)
          writeFileSync(join(save, `trace-${i}-${r}.json`), JSON.stringify({ traceEvents: events, readyAt }));
        const into = results[i] as Map<string, number[]>;
        for (const [k, v] of Object.entries(stages(events, readyAt)))
          into.set(k, [...(into.get(k) ?? []), v]);
      }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  const keys = [...new Set(results.flatMap((r) => [...r.keys()]))];
  const fmt = (xs: number[] | undefined) => (xs ? `${Math.round(median(xs))}` : '-');
  console.log(`stage (ms, median of ${runs})\t${dists.join('\t')}`);
  for (const k of keys) console.log(`${k}\t${results.map((r) => fmt(r.get(k))).join('\t')}`);
}

await main();
