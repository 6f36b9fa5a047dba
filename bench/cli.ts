import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../src/cli/chromium';
import { generateModel } from '../src/model/generate';
import { deriveScene } from '../src/topology/deriveScene';
import { newestMtime } from './browser';
import { sceneToMermaid } from './peer';
import { type Metric, median, round } from './report';

/**
 * The same SVG file from the command line: `stacklayers render --expanded` of the peer cloud against Mermaid's
 * own command line, `mmdc` (@mermaid-js/mermaid-cli, which draws in a headless Chromium: pointed at the same
 * Chromium as the browser part), on the same scene as Mermaid text. Wall time of each command, from spawn to
 * exit, in alternating runs.
 */

export interface CliOptions {
  root: URL;
  smoke: boolean;
  elements: number;
  seed: number;
  /** Runs of mmdc; each is followed by `perRun` runs of stacklayers. */
  runs: number;
  perRun: number;
  log: (line: string) => void;
}

/**
 * The built CLI the bench times (never tsx, which compiles TypeScript on every run): the package's own `bin`
 * when it is built JavaScript under dist/, else a throwaway bundle of src/cli/main.ts made here with Vite
 * (bench-results/cli/, not part of the package). The one place that says which CLI the bench runs.
 */
async function builtCli(root: URL, log: (line: string) => void): Promise<{ path: string; what: string }> {
  const at = (p: string) => fileURLToPath(new URL(p, root));
  const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.stacklayers;
  if (bin && /^(\.\/)?dist\/.*\.(m?js|cjs)$/.test(bin) && existsSync(at(bin)))
    return { path: at(bin), what: bin };
  const out = at('bench-results/cli/');
  const file = `${out}stacklayers.mjs`;
  if (existsSync(file) && statSync(file).mtimeMs >= newestMtime(at('src')))
    return { path: file, what: 'bench-results/cli/stacklayers.mjs (bundled by the bench)' };
  log('cli: bundling src/cli/main.ts for the bench (bench-results/cli/)…');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entry = `${out}entry.ts`;
  writeFileSync(entry, `import { main } from '../../src/cli/main';\nawait main();\n`);
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    root: at('.'),
    ssr: { noExternal: true, external: ['@playwright/test', 'playwright', 'playwright-core'] },
    build: {
      ssr: entry,
      outDir: out,
      emptyOutDir: false,
      target: 'node20',
      minify: true,
      rollupOptions: { output: { entryFileNames: 'stacklayers.mjs', codeSplitting: false } },
    },
  });
  return { path: file, what: 'bench-results/cli/stacklayers.mjs (bundled by the bench)' };
}

function wall(cmd: string, args: readonly string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(res.stderr || res.stdout || '').slice(0, 300)}`);
  return ms;
}

/** The inputs of both commands (the same scene as a model and as Mermaid text) and mmdc's configuration. */
function writeInputs(opts: CliOptions, dir: string): { boxes: number; mermaidConfig: string } {
  const model = generateModel(opts.elements, opts.seed);
  const mermaid = sceneToMermaid(deriveScene(model, 'both'));
  writeFileSync(`${dir}peer.json`, JSON.stringify(model));
  writeFileSync(`${dir}peer.mmd`, mermaid.text);
  const chromium = chromiumPath();
  // mmdc's Puppeteer downloads no browser (.puppeteerrc.cjs): it is given this one, with the browser part's flags.
  writeFileSync(
    `${dir}puppeteer.json`,
    JSON.stringify({
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu'],
    }),
  );
  const mermaidConfig = `${dir}mermaid.json`;
  writeFileSync(mermaidConfig, JSON.stringify({ maxTextSize: 50_000_000, maxEdges: 100_000 }));
  return { boxes: mermaid.boxes, mermaidConfig };
}

/** mmdc, then ours `perRun` times, `runs` times over: the wall time of each command. */
function alternate(
  opts: CliOptions,
  dir: string,
  mmdc: string,
  mermaidConfig: string,
  cli: string,
): { ours: number[]; theirs: number[]; perRun: number[] } {
  const ours: number[] = [];
  const theirs: number[] = [];
  const perRun: number[] = [];
  const mmdcArgs = [mmdc, '-i', `${dir}peer.mmd`, '-o', `${dir}mermaid.svg`, '-p', `${dir}puppeteer.json`];
  const ourArgs = [cli, 'render', `${dir}peer.json`, '--topology', 'both', '--expanded'];
  for (let i = 0; i < opts.runs; i++) {
    theirs.push(wall(process.execPath, [...mmdcArgs, '-c', mermaidConfig, '-q'], dir));
    const these: number[] = [];
    for (let j = 0; j < opts.perRun; j++)
      these.push(wall(process.execPath, [...ourArgs, '--out', `${dir}stacklayers.svg`], dir));
    ours.push(...these);
    perRun.push((theirs[i] as number) / median(these));
  }
  return { ours, theirs, perRun };
}

export async function measureCli(
  opts: CliOptions,
): Promise<{ metrics: Metric[]; detail: Record<string, unknown> }> {
  const at = (p: string) => fileURLToPath(new URL(p, opts.root));
  const dir = at('bench-results/cli-inputs/');
  mkdirSync(dir, { recursive: true });
  const { boxes, mermaidConfig } = writeInputs(opts, dir);
  const cli = await builtCli(opts.root, opts.log);
  const mmdc = at('node_modules/@mermaid-js/mermaid-cli/src/cli.js');
  opts.log(
    `cli: ${boxes} boxes to one SVG file: mmdc ${opts.runs}x, each followed by stacklayers render --expanded ${opts.perRun}x (${cli.what})`,
  );
  const { ours, theirs, perRun } = alternate(opts, dir, mmdc, mermaidConfig, cli.path);
  // Both files hold every box, each with its label.
  const svg = readFileSync(`${dir}stacklayers.svg`, 'utf8');
  const ourBoxes = (svg.match(/<g data-id="/g) ?? []).length;
  const theirSvg = readFileSync(`${dir}mermaid.svg`, 'utf8');
  const theirBoxes = (theirSvg.match(/class="node[ "]|class="cluster[ "]/g) ?? []).length;
  if (ourBoxes !== boxes) throw new Error(`stacklayers.svg has ${ourBoxes} boxes, not ${boxes}`);
  if (theirBoxes < boxes) throw new Error(`mmdc's SVG has ${theirBoxes} boxes, not ${boxes}`);
  const version = (
    JSON.parse(readFileSync(at('node_modules/@mermaid-js/mermaid-cli/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const drawn = `${boxes.toLocaleString('en-US')} boxes, each with its label, one SVG file`;
  const mt = median(theirs);
  const ot = median(ours);
  return {
    detail: {
      cli: cli.what,
      boxes,
      mmdc: theirs.map((t) => round(t, 1)),
      stacklayers: ours.map((t) => round(t, 1)),
      svgBytes: { stacklayers: svg.length, mermaid: theirSvg.length },
    },
    metrics: cliMetrics(version, drawn, mt, ot, theirs.length, ours.length, perRun, cli.what),
  };
}

function cliMetrics(
  version: string,
  drawn: string,
  mt: number,
  ot: number,
  theirRuns: number,
  ourRuns: number,
  perRun: readonly number[],
  what: string,
): Metric[] {
  return [
    {
      key: 'cli.mmdc',
      label: `mmdc ${version} (Mermaid's CLI, headless Chromium): command to SVG file, wall time`,
      drawn,
      value: round(mt, 1),
      unit: 'ms',
      note: `median of ${theirRuns}`,
    },
    {
      key: 'cli.stacklayers',
      label: 'stacklayers render --expanded (built JavaScript): command to SVG file, wall time',
      drawn,
      value: round(ot, 1),
      unit: 'ms',
      note: `median of ${ourRuns}; ${what}`,
    },
    {
      key: 'cli.ratio',
      label: 'stacklayers render faster than mmdc, the same SVG file',
      drawn: 'the two rows above',
      value: round(mt / ot, 1),
      unit: 'x',
      target: { op: '>=', value: 20 },
      note: `ratio of the medians; per mmdc run: ${round(Math.min(...perRun), 1)}–${round(Math.max(...perRun), 1)}x`,
    },
  ];
}
