/**
 * `npm run bench`: the performance targets (docs/performance.md), measured. Node (derive + layout), the browser
 * (first diagram, view switches, pan/zoom, heap) against the production build, Mermaid as the peer, and the
 * bundle. Prints a table and writes bench-results/bench-<date>.json. A missed target is a result, not a
 * failure: the exit code is 0 unless something could not be measured.
 *
 *   npm run bench                 the full run (a few minutes)
 *   npm run bench -- --smoke      tiny sizes, one run each: checks that every metric is produced (npm test)
 *   npm run bench -- --skip-browser | --skip-node | --skip-cli   parts only
 *   npm run bench -- --peer-only  only the comparisons with Mermaid (browser and command line)
 *   npm run bench -- --markdown   also prints the table in Markdown (docs/performance.md's)
 *
 * A full run also writes its JSON (every sample, the machine, the browser, the date) to bench/results/, to be
 * committed with the figures it gave.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBrowser } from './browser';
import { bundleMetrics } from './bundle';
import { measureCli } from './cli';
import { measureNode, NODE_DETAIL_HEAD, nodeDetail, nodeMetrics } from './node';
import { type Metric, markdownTable, met, table, textTable } from './report';

const root = new URL('../', import.meta.url);
const args = new Set(process.argv.slice(2));
const known = ['--smoke', '--skip-browser', '--skip-node', '--skip-cli', '--peer-only', '--markdown'];
const unknown = [...args].filter((a) => !known.includes(a));
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(', ')} (known: ${known.join(', ')})`);
  process.exit(2);
}
const smoke = args.has('--smoke');
/** Some part skipped: not a run whose figures go into the docs (--peer-only's are: the comparisons whole). */
const partial = [...args].some((a) => a.startsWith('--skip-'));
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

if (!args.has('--skip-node') && !args.has('--peer-only')) {
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
      peerStacklayersPerRun: smoke ? 1 : 2,
      bigElements: smoke ? 100 : 2_000,
      // The peer cloud (1,298 boxes) and one of ~5,000 boxes (4,983), each box with its label on both sides.
      peerSizes: smoke
        ? [['peer', 20, 1]]
        : [
            ['peer', 1_080, 3],
            ['peer5k', 4_450, 1],
          ],
      seed: 1,
      peerOnly: args.has('--peer-only'),
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

if (!args.has('--skip-cli')) {
  try {
    const result = await measureCli({
      root,
      smoke,
      elements: smoke ? 20 : 1_080,
      seed: 1,
      runs: smoke ? 1 : 3,
      perRun: smoke ? 1 : 3,
      log,
    });
    metrics.push(...result.metrics);
    detail.cli = result.detail;
  } catch (err) {
    const error = (err as Error).message.split('\n')[0] ?? String(err);
    metrics.push({
      key: 'cli',
      label: 'Command line: stacklayers render vs mmdc',
      value: null,
      unit: 'ms',
      error,
    });
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
// A full run's JSON is kept (bench/results/, committed with the figures it gave); a smoke run's is not.
const folder = smoke || partial ? 'bench-results/' : 'bench/results/';
const out = new URL(`${folder}${smoke ? 'smoke' : `bench-${stamp}`}.json`, root);
mkdirSync(new URL(folder, root), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      mode: smoke ? 'smoke' : args.has('--peer-only') ? 'peer-only' : partial ? 'partial' : 'full',
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
  if (args.has('--markdown'))
    console.log(
      `\n${markdownTable(
        metrics,
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cores} cores (${machine.cpu}), load ${load.join(' ')} before the run; Node ${process.version}; Chromium ${chromiumVersion || '-'} headless, --disable-gpu (software raster). Raw samples: \`${file}\`.`,
      )}`,
    );
}
process.exit(unmeasured.length > 0 ? 1 : 0);
