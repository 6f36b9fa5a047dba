import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCollapsed, layoutScene } from '../layout/layoutScene';
import { checkDraft } from '../model/checkDraft';
import { type GenerateShape, generateModel } from '../model/generate';
import { type LocatedIssue, locateIssues } from '../model/locate';
import type { Model } from '../model/schema';
import { sceneToSvg } from '../render/svg';
import { deriveScene } from '../topology/deriveScene';
import { analyzeFailures } from '../topology/failures/engine';
import { FAILABLE_KINDS } from '../topology/failures/kinds';
import { whatIfJson, whatIfText } from '../topology/failures/report';
import type { Scene } from '../topology/scene';
import { checkTourViews } from '../topology/tourChecks';
import { VIEWS } from '../topology/views';
import { EXIT, InputError, quote, safeText, type ViewName } from './args';
import type { CliIo } from './nodeIo';

/**
 * What the commands do, once main.ts has checked their arguments. Loaded on demand: help and usage errors
 * never load the model layer.
 */

// --- validate ---------------------------------------------------------------------------------------------

export async function validate(file: string, io: CliIo): Promise<number> {
  const read = await readModelText(file, io);
  if (!read) return EXIT.invalid;
  const { model, text } = read;
  // What only the views can tell: a tour step's elements are drawn in its view, its failures can fail.
  const tourIssues = locateIssues(text, checkTourViews(model, model.tours ?? []));
  if (tourIssues.length > 0) {
    printIssues(file, tourIssues, io);
    return EXIT.invalid;
  }
  const vms = (model.projects ?? []).reduce((n, p) => n + (p.vms?.length ?? 0), 0);
  const tenant = model.tenantClusters?.length ?? 0;
  const operator = model.operatorCluster ? 1 : 0;
  const clusters = `${plural(tenant + operator, 'Kubernetes cluster')} (${operator} operator, ${tenant} tenant)`;
  const name = model.name === undefined ? '' : ` ${quote(model.name)}`;
  const tours = model.tours?.length
    ? `; ${plural(model.tours.length, 'tour')} of ${plural(
        model.tours.reduce((n, t) => n + t.steps.length, 0),
        'step',
      )}, every element drawn in its step's view`
    : '';
  io.stdout(
    `${label(file)}: OK, valid model${name}: ${plural(model.hosts.length, 'host')}, ${plural(vms, 'VM')}, ${clusters}${tours}\n`,
  );
  return EXIT.ok;
}

/**
 * Reads and checks a model. Its problems are printed on stderr as `<file>:<line>:<column> <JSON path>
 * <message>`, one a line, then a count, and give undefined. An unreadable file is an InputError.
 */
async function readModel(file: string, io: CliIo): Promise<Model | undefined> {
  return (await readModelText(file, io))?.model;
}

/** Prints problems as `<file>:<line>:<column> <JSON path> <message>`, then a count. */
function printIssues(file: string, issues: readonly LocatedIssue[], io: CliIo): void {
  const where = label(file);
  for (const issue of issues)
    io.stderr(`${where}:${issue.line}:${issue.column} ${safeText(issue.path)} ${safeText(issue.message)}\n`);
  io.stderr(`${where}: not a valid model (${plural(issues.length, 'problem')})\n`);
}

/** readModel, with the text read (to locate later problems in it). */
async function readModelText(file: string, io: CliIo): Promise<{ model: Model; text: string } | undefined> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (err) {
    throw new InputError(`cannot read ${file === '-' ? 'standard input' : quote(file)}: ${fsMessage(err)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const where = label(file);
  if (text.trim() === '') {
    io.stderr(`${where}:1:1 $ the file is empty (expected a JSON model)\n`);
    return undefined;
  }
  const result = checkDraft(text);
  if (result.ok) return { model: result.model, text };
  printIssues(file, result.issues, io);
  return undefined;
}

function fsMessage(err: unknown, writing = false): string {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return writing ? 'its directory does not exist' : 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return safeText(err instanceof Error ? err.message : String(err));
  }
}

// --- render -----------------------------------------------------------------------------------------------

export interface RenderOptions {
  file: string;
  view: ViewName;
  /** `auto`: SVG only (main.ts refuses it with PNG). */
  theme: 'light' | 'dark' | 'auto';
  format: 'svg' | 'png';
  out: string;
  /** `all`: fold every host, project and cluster; `none`: fold nothing; `auto`: fold like the app. */
  fold: 'auto' | 'all' | 'none';
}

export async function render(o: RenderOptions, io: CliIo): Promise<number> {
  const model = await readModel(o.file, io);
  if (!model) return EXIT.invalid;
  const scene = deriveScene(model, o.view);
  const collapsed =
    o.fold === 'all' ? foldAll(scene) : o.fold === 'none' ? new Set<string>() : defaultCollapsed(scene);
  const layout = layoutScene(scene, { collapsed });
  // The title and description are the renderer's: the model's name and view, and a sentence with counts.
  const svg = sceneToSvg(layout, o.theme);
  let data: string | Uint8Array = svg;
  if (o.format === 'png') {
    const { svgToPng } = await import('./png');
    data = await svgToPng(svg, { env: io.env ?? {} });
  }
  await writeOutput(o.out, data, io);
  const folded = collapsed.size > 0 ? `, ${plural(collapsed.size, 'box', 'boxes')} folded` : '';
  const size = `${Math.ceil(layout.width)}×${Math.ceil(layout.height)} px`;
  summary(
    io,
    o.out,
    `wrote ${outLabel(o.out)}: ${o.format.toUpperCase()} of the ${o.view} view, ${size}, ${plural(scene.elements.length, 'element')}${folded}`,
  );
  return EXIT.ok;
}

/** Every host, project and cluster folded: what the app folds for big models, for any model. */
function foldAll(scene: Scene): Set<string> {
  const kinds = new Set(['host', 'project', 'tenant-cluster', 'operator-cluster']);
  return new Set(scene.elements.filter((el) => kinds.has(el.kind)).map((el) => el.id));
}

// --- handout ----------------------------------------------------------------------------------------------

export interface HandoutOptions {
  file: string;
  tour: string;
  out: string;
  /** A file of tours (an array, or one tour); default: the model's own tours, then the built-in ones. */
  tours?: string | undefined;
}

/**
 * The tours that ship with the app (written for the default model): `dist/tours/` beside the built CLI
 * (`dist/lib/`, the npm package), else this checkout's `public/tours/` (the CLI run from source).
 */
const BUILT_IN_TOURS = ['../tours/default.json', '../../public/tours/default.json']
  .map((f) => new URL(f, import.meta.url))
  .find((u) => existsSync(fileURLToPath(u))) as URL;

/**
 * Writes a tour's handout: one self-contained HTML file, each step's view as SVG with its highlights and
 * failures, its text and question, the answers at the end. The tour is checked against the model first
 * (every element it names drawn in its step's view), with the same problem lines as validate.
 */
export async function handout(o: HandoutOptions, io: CliIo): Promise<number> {
  const read = await readModelText(o.file, io);
  if (!read) return EXIT.invalid;
  const { model } = read;
  const { validateToursText } = await import('../model/tours');
  let tours = model.tours ?? [];
  // Where the tour came from, to locate its problems: the model's text (under `tours`), or a tours file.
  let origin: { file: string; text: string; base: (string | number)[] } = {
    file: o.file,
    text: read.text,
    base: ['tours'],
  };
  const fromFile = o.tours ?? (tours.some((t) => t.id === o.tour) ? undefined : BUILT_IN_TOURS);
  if (fromFile !== undefined) {
    const name = typeof fromFile === 'string' ? fromFile : 'the built-in tours';
    let text: string;
    try {
      text = typeof fromFile === 'string' ? await io.readFile(fromFile) : readFileSync(fromFile, 'utf8');
    } catch (err) {
      throw new InputError(
        `cannot read ${typeof fromFile === 'string' ? quote(fromFile) : name}: ${fsMessage(err)}`,
      );
    }
    const checked = validateToursText(text);
    if (!checked.ok) {
      printIssues(
        typeof fromFile === 'string' ? fromFile : 'tours/default.json',
        locateIssues(text, checked.issues),
        io,
      );
      return EXIT.invalid;
    }
    tours = checked.tours;
    origin = { file: typeof fromFile === 'string' ? fromFile : 'tours/default.json', text, base: [] };
  }
  const index = tours.findIndex((t) => t.id === o.tour);
  const tour = tours[index];
  if (!tour) {
    const ids = tours.map((t) => quote(t.id)).join(', ');
    throw new InputError(`no tour ${quote(o.tour)}${ids ? `; the tours are ${ids}` : ''}`);
  }
  // Only this tour's problems, with paths to it in its array (the model's `tours`, or the tours file).
  const issues = checkTourViews(model, tours, origin.base).filter(
    (i) => i.segments?.[origin.base.length] === index,
  );
  if (issues.length > 0) {
    printIssues(origin.file, locateIssues(origin.text, issues), io);
    return EXIT.invalid;
  }
  const { handoutHtml } = await import('../render/handout');
  await writeOutput(o.out, handoutHtml(model, tour), io);
  const questions = tour.steps.filter((s) => s.question).length;
  summary(
    io,
    o.out,
    `wrote ${outLabel(o.out)}: handout of the tour ${quote(tour.id)}, ${plural(tour.steps.length, 'step')}, ${plural(questions, 'question')}; open it in a browser and print it`,
  );
  return EXIT.ok;
}

// --- whatif -----------------------------------------------------------------------------------------------

export interface WhatIfOptions {
  file: string;
  view: ViewName;
  fail: readonly string[];
  format: 'text' | 'json';
}

/**
 * What failing these elements does, told by the same failure engine as the app's what-if panel. Every id
 * must be an element of the view that can fail; otherwise exit 1 naming it (and what it is, if it exists).
 */
export async function whatif(o: WhatIfOptions, io: CliIo): Promise<number> {
  const model = await readModel(o.file, io);
  if (!model) return EXIT.invalid;
  const scene = deriveScene(model, o.view);
  const problems: string[] = [];
  for (const id of o.fail) {
    const el = scene.byId.get(id);
    if (!el) {
      const elsewhere = VIEWS.find((v) => v !== o.view && deriveScene(model, v).byId.has(id));
      problems.push(
        elsewhere
          ? `${quote(id)} is not in the ${o.view} view (it is in ${elsewhere})`
          : `unknown id ${quote(id)}: not an element of ${label(o.file)}`,
      );
    } else if (!FAILABLE_KINDS.has(el.kind))
      problems.push(
        `${quote(id)} is a ${el.kind} and cannot fail: fail a host, VM, Kubernetes node, cluster, service instance or pod`,
      );
  }
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`stacklayers whatif: ${p}\n`);
    return EXIT.invalid;
  }
  const report = analyzeFailures(scene, o.fail);
  if (o.format === 'json') io.stdout(`${JSON.stringify(whatIfJson(scene, report), null, 2)}\n`);
  else io.stdout(whatIfText(scene, report, safeText));
  return EXIT.ok;
}

// --- generate ---------------------------------------------------------------------------------------------

export async function generate(
  o: { elements: number; seed: number; out: string; shape?: GenerateShape },
  io: CliIo,
): Promise<number> {
  const model = generateModel(o.elements, o.seed, o.shape);
  const text = `${JSON.stringify({ $schema: schemaRef(o.out), ...model }, null, 2)}\n`;
  await writeOutput(o.out, text, io);
  const count = deriveScene(model, 'both').elements.length;
  const vms = (model.projects ?? []).reduce((n, p) => n + (p.vms?.length ?? 0), 0);
  summary(
    io,
    o.out,
    `wrote ${outLabel(o.out)}: ${plural(count, 'element')} in the both view (${plural(model.hosts.length, 'host')}, ${plural(vms, 'VM')}, seed ${o.seed})`,
  );
  return EXIT.ok;
}

// --- import -----------------------------------------------------------------------------------------------

export interface ImportCliOptions {
  files: readonly string[];
  out: string;
  /** Cluster name → what it is (`--operator`, `--tenant`). */
  clusters: ReadonlyMap<string, 'operator' | 'tenant'>;
}

/**
 * Builds a model from openstack and kubectl JSON output. The report (what was read, matched and not) goes to
 * stdout, or to stderr when the model itself goes to stdout (`--out -`). Exit 1 when nothing could be imported
 * (then nothing is written).
 */
export async function importFiles(o: ImportCliOptions, io: CliIo): Promise<number> {
  const { importCloud, importedAnything, KIND_COMMAND } = await import('../import');
  const files: { name: string; text: string }[] = [];
  for (const file of o.files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (err) {
      throw new InputError(`cannot read ${file === '-' ? 'standard input' : quote(file)}: ${fsMessage(err)}`);
    }
    files.push({ name: file === '-' ? 'stdin.json' : file, text });
  }
  const { model, report, view } = importCloud(files, { clusters: Object.fromEntries(o.clusters) });
  const print = o.out === '-' ? io.stderr : io.stdout;
  const lines: string[] = [`Read ${plural(report.files.length, 'file')}:`];
  for (const f of report.files) {
    const what =
      f.kind === 'unknown'
        ? `not imported: ${f.note ?? 'not recognised'}`
        : `${KIND_COMMAND[f.kind]} (${plural(f.entries, 'entry', 'entries')})`;
    lines.push(`  ${f.name}: ${what}`);
  }
  if (report.matched.length) lines.push('Matched:', ...report.matched.map((m) => `  ${m}`));
  if (report.unmatched.length)
    lines.push(
      `Could not match or place (${report.unmatched.length}):`,
      ...report.unmatched.map((m) => `  - ${m}`),
    );
  print(`${lines.map(safeText).join('\n')}\n`);
  if (!importedAnything(report)) {
    io.stderr('stacklayers: nothing could be imported from these files; no model written\n');
    return EXIT.invalid;
  }
  const text = `${JSON.stringify({ $schema: schemaRef(o.out), ...model }, null, 2)}\n`;
  await writeOutput(o.out, text, io);
  const c = report.counts;
  const clusters = `${plural(c.clusters, 'Kubernetes cluster')}`;
  const svg = o.out === '-' ? 'cloud.svg' : `${o.out.replace(/\.json$/i, '')}.svg`;
  print(
    `${safeText(`wrote ${outLabel(o.out)}: ${plural(c.hosts, 'host')}, ${plural(c.vms, 'VM')}, ${plural(c.processes, 'service process', 'service processes')}, ${clusters}; the view that fits is ${view}`)}\n` +
      (o.out === '-'
        ? ''
        : `  draw it: stacklayers render ${safeText(o.out)} --topology ${view} --out ${safeText(svg)}\n`),
  );
  return EXIT.ok;
}

/**
 * The JSON Schema next to this code: `dist/schema/` of the built CLI (`dist/lib/`, the npm package), else
 * this checkout's `public/schema/` (the CLI run from source).
 */
const SCHEMA_FILES = ['../schema/model.v1.json', '../../public/schema/model.v1.json'];

/** `$schema` for a model written to `out`: the published JSON Schema, relative to the file. */
function schemaRef(out: string): string {
  const files = SCHEMA_FILES.map((f) => fileURLToPath(new URL(f, import.meta.url)));
  const schema = files.find((f) => existsSync(f)) ?? (files[0] as string);
  const from = out === '-' ? process.cwd() : dirname(resolve(out));
  const ref = relative(from, schema).split(sep).join('/');
  return ref.startsWith('.') ? ref : `./${ref}`;
}

// --- shared -----------------------------------------------------------------------------------------------

/** Writes the output: `-` to standard output, a file atomically (through io.writeFile). */
async function writeOutput(out: string, data: string | Uint8Array, io: CliIo): Promise<void> {
  if (out === '-') {
    if (typeof data === 'string') io.stdout(data);
    else if (io.stdoutBytes) io.stdoutBytes(data);
    else throw new InputError('cannot write binary output to standard output here');
    return;
  }
  try {
    await io.writeFile(out, data);
  } catch (err) {
    throw new InputError(`cannot write ${quote(out)}: ${fsMessage(err, true)}`);
  }
}

/** A one-line summary: on stdout, or on stderr when stdout carries the output itself. */
function summary(io: CliIo, out: string, line: string): void {
  (out === '-' ? io.stderr : io.stdout)(`${line}\n`);
}

const label = (file: string) => (file === '-' ? '<stdin>' : safeText(file));
const outLabel = (file: string) => (file === '-' ? 'standard output' : safeText(file));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
