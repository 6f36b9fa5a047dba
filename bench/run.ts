/**
 * `npm run bench`: the performance targets of product.md, measured. Node (derive + layout), the browser
 * (first diagram, view switches, pan/zoom, heap) against the production build, Mermaid as the peer, and the
 * bundle. Prints a table and writes bench-results/bench-<date>.json. A missed target is a result, not a
 * failure: the exit code is 0 unless something could not be measured.
 *
 *   npm run bench                 the full run (a few minutes)
 *   npm run bench -- --smoke      tiny sizes, one run each: checks that every metric is produced (npm test)
 *   npm run bench -- --skip-browser | --skip-node   parts only; --markdown also prints the table in Markdown
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBrowser } from './browser';
import { bundleMetrics } from './bundle';
import { measureNode, NODE_DETAIL_HEAD, nodeDetail, nodeMetrics } from './node';
import { type Metric, markdownTable, met, table, textTable } from './report';

const root = new URL('../', import.meta.url);
const args = new Set(process.argv.slice(2));
const known = ['--smoke', '--skip-browser', '--skip-node', '--markdown'];
const unknown = [...args].filter((a) => !known.includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(', ')} (known: ${known.join(', ')})`);
  process.exit(2);
}
const smoke = args.has('--smoke');
const log = smoke ? () => {} : (line: string) => console.log(line);

const SIZES = smoke ? [100] : [100, 1_000, 10_000];
const started = Date.now();
const load = loadavg().map((l) => Math.round(l * 100) / 100);
const metrics: Metric[] = [];
const detail: Record<string, unknown> = {};
let chromiumVersion = '';

log(
  `bench${smoke ? ' (smoke)' : ''}: ${cpus().length} cores, load ${load.join(' ')}, Node ${process.version}`,
);

if (!args.has('--skip-node')) {
  log(`node: derive + layout, sizes ${SIZES.join(', ')}, every view`);
  const samples = measureNode({ sizes: SIZES, warmup: smoke ? 0 : 3, runs: smoke ? 1 : 7, seed: 1 });
  metrics.push(...nodeMetrics(samples, SIZES));
  detail.node = samples;
  if (!smoke) {
    console.log(`\nderive + layout in Node (median of 7 after 3 warm-ups; generated models, seed 1)`);
    console.log(textTable(NODE_DETAIL_HEAD, nodeDetail(samples)));
    console.log('');
  }
}

if (!args.has('--skip-browser')) {
  try {
    const result = await measureBrowser({
      root,
      smoke,
      navRuns: smoke ? 1 : 5,
      switchRuns: smoke ? 1 : 3,
      panMs: smoke ? 150 : 1000,
      peerRuns: smoke ? 1 : 5,
      peerStacklayersPerRun: smoke ? 1 : 3,
      bigElements: smoke ? 100 : 2_000,
      peerElements: smoke ? 20 : 1_080,
      seed: 1,
      log,
    });
    metrics.push(...result.metrics);
    detail.browser = result.detail;
    chromiumVersion = result.chromium;
  } catch (err) {
    // No build, no server or no browser: nothing of the browser part (and the bundle) was measured.
    const error = (err as Error).message.split('\n')[0] ?? String(err);
    metrics.push({ key: 'browser', label: 'Browser measurements', value: null, unit: 'ms', error });
  }
}

if (args.has('--skip-browser')) {
  try {
    metrics.push(...bundleMetrics(new URL('dist/', root)));
  } catch (err) {
    const error = `dist/ is not built: ${(err as Error).message}`;
    metrics.push({
      key: 'bundle.embed',
      label: 'JavaScript of embed.html, gzip',
      value: null,
      unit: 'KB',
      error,
    });
  }
}

const seconds = Math.round((Date.now() - started) / 100) / 10;
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  node: process.version,
  chromium: chromiumVersion,
  platform: `${process.platform} ${process.arch}`,
  loadBefore: load,
  loadAfter: loadavg().map((l) => Math.round(l * 100) / 100),
};
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*/, '');
const out = new URL(`bench-results/${smoke ? 'smoke' : `bench-${stamp}`}.json`, root);
mkdirSync(new URL('bench-results/', root), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      mode: smoke ? 'smoke' : 'full',
      seconds,
      machine,
      metrics: metrics.map((m) => ({ ...m, met: met(m) })),
      detail,
    },
    null,
    2,
  )}\n`,
);
const file = fileURLToPath(out).slice(fileURLToPath(root).length);

const unmeasured = metrics.filter((m) => m.value === null || !Number.isFinite(m.value));
const missed = metrics.filter((m) => met(m) === false && !unmeasured.includes(m));
if (smoke) {
  // npm test: one line. Timings of tiny sizes mean nothing; only that every metric was produced.
  if (unmeasured.length === 0)
    console.log(
      `bench --smoke: all ${metrics.length} metrics produced in ${seconds} s${
        (detail.browser as { built?: boolean } | undefined)?.built ? ' (ran npm run build first)' : ''
      } (${file})`,
    );
  else {
    console.error(`bench --smoke: ${unmeasured.length} of ${metrics.length} metrics not produced:`);
    for (const m of unmeasured) console.error(`  ${m.key}: ${m.error ?? 'no value'}`);
  }
} else {
  console.log(table(metrics));
  console.log(
    `\n${machine.cores} cores (${machine.cpu}), load before ${load.join(' ')} / after ${machine.loadAfter.join(' ')}; Node ${process.version}; Chromium ${chromiumVersion || '-'}; ${seconds} s`,
  );
  const withTarget = metrics.filter((m) => m.target).length;
  console.log(
    missed.length === 0
      ? `All ${withTarget} targets met.`
      : `MISSED ${missed.length} of ${withTarget} targets: ${missed.map((m) => m.label).join('; ')}`,
  );
  if (unmeasured.length > 0) console.log(`NOT MEASURED: ${unmeasured.map((m) => m.key).join(', ')}`);
  console.log(`Written to ${file}`);
  if (args.has('--markdown')) console.log(`\n${markdownTable(metrics)}`);
}
process.exit(unmeasured.length > 0 ? 1 : 0);
