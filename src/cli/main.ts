import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_GENERATE_ELEMENTS } from '../model/limits';
import {
  closest,
  EXIT,
  InputError,
  type OptionSpec,
  type ParsedArgs,
  parseArgs,
  quote,
  safeText,
  UsageError,
  VIEW_NAMES,
  type ViewName,
} from './args';
import { COMMAND_HELP, USAGE } from './help';
import { type CliIo, nodeIo } from './nodeIo';

export type { CliIo } from './nodeIo';

/** What the commands do: loaded only once the arguments are known to be right. */
const commands = () => import('./commands');

interface Command {
  options: OptionSpec;
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    options: {},
    run: async (args, io) => {
      const file = onePositional(args, 'validate');
      return (await commands()).validate(file, io);
    },
  },
  render: {
    options: {
      topology: 'string',
      theme: 'string',
      format: 'string',
      out: 'string',
      collapsed: 'boolean',
      expanded: 'boolean',
    },
    run: async (args, io) => {
      const file = onePositional(args, 'render');
      const topology = view(args, 'render');
      const theme = oneOf(args, 'render', 'theme', ['light', 'dark', 'auto'] as const) ?? 'light';
      const out = required(args, 'render', 'out', '<file>');
      const format =
        oneOf(args, 'render', 'format', ['svg', 'png'] as const) ?? (/\.png$/i.test(out) ? 'png' : 'svg');
      if (theme === 'auto' && format === 'png')
        throw new UsageError(
          '--theme auto needs SVG (its colours follow the viewer); a PNG is light or dark',
          'render',
        );
      if (args.flags.has('collapsed') && args.flags.has('expanded'))
        throw new UsageError('--collapsed and --expanded cannot be used together', 'render');
      const fold = args.flags.has('collapsed') ? 'all' : args.flags.has('expanded') ? 'none' : 'auto';
      return (await commands()).render({ file, view: topology, theme, format, out, fold }, io);
    },
  },
  handout: {
    options: { tour: 'string', tours: 'string', out: 'string' },
    run: async (args, io) => {
      const file = onePositional(args, 'handout');
      const tour = required(args, 'handout', 'tour', '<id>');
      const out = required(args, 'handout', 'out', '<file.html>');
      return (await commands()).handout({ file, tour, out, tours: args.strings.get('tours') }, io);
    },
  },
  whatif: {
    options: { topology: 'string', fail: 'string', format: 'string' },
    run: async (args, io) => {
      const file = onePositional(args, 'whatif');
      const topology = view(args, 'whatif');
      const failText = required(args, 'whatif', 'fail', '<id>[,<id>...]');
      const fail = [...new Set(failText.split(',').map((id) => id.trim()))].filter((id) => id !== '');
      if (fail.length === 0) throw new UsageError('--fail needs at least one element id', 'whatif');
      const format = oneOf(args, 'whatif', 'format', ['text', 'json'] as const) ?? 'text';
      return (await commands()).whatif({ file, view: topology, fail, format }, io);
    },
  },
  generate: {
    options: {
      elements: 'string',
      seed: 'string',
      out: 'string',
      regions: 'string',
      zones: 'string',
      cells: 'string',
    },
    run: async (args, io) => {
      const [extra] = args.positionals;
      if (extra !== undefined) throw new UsageError(`unexpected argument ${quote(extra)}`, 'generate');
      const elementsText = required(args, 'generate', 'elements', '<n>');
      const elements = /^\d{1,6}$/.test(elementsText) ? Number(elementsText) : Number.NaN;
      if (!(elements >= 1 && elements <= MAX_GENERATE_ELEMENTS))
        throw new UsageError(
          `--elements must be a whole number from 1 to ${MAX_GENERATE_ELEMENTS}, not ${quote(elementsText)}`,
          'generate',
        );
      const seedText = args.strings.get('seed') ?? '1';
      const seed = /^-?\d{1,15}$/.test(seedText) ? Number(seedText) : Number.NaN;
      if (!Number.isSafeInteger(seed))
        throw new UsageError(`--seed must be an integer, not ${quote(seedText)}`, 'generate');
      const out = required(args, 'generate', 'out', '<file>');
      const shape: { regions?: number; zones?: number; cells?: number } = {};
      for (const key of ['regions', 'zones', 'cells'] as const) {
        const text = args.strings.get(key);
        if (text === undefined) continue;
        const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
        if (!(n >= 1 && n <= 100))
          throw new UsageError(
            `--${key} must be a whole number from 1 to 100, not ${quote(text)}`,
            'generate',
          );
        shape[key] = n;
      }
      if ((shape.zones ?? 0) > 0 && (shape.regions ?? 1) > (shape.zones ?? 0))
        throw new UsageError('--zones must be at least --regions (every region has a zone)', 'generate');
      if ((shape.cells ?? 0) > 0 && Math.max(shape.zones ?? 0, shape.regions ?? 0) > (shape.cells ?? 0))
        throw new UsageError(
          '--cells must be at least --zones and --regions (every zone has a cell)',
          'generate',
        );
      return (await commands()).generate({ elements, seed, out, shape }, io);
    },
  },
  import: {
    options: { out: 'string', operator: 'string', tenant: 'string' },
    run: async (args, io) => {
      const files = args.positionals;
      if (files.length === 0)
        throw new UsageError(
          'give one or more files of openstack … -f json or kubectl … -o json output',
          'import',
        );
      if (files.filter((f) => f === '-').length > 1)
        throw new UsageError('standard input (-) can be read only once', 'import');
      const out = required(args, 'import', 'out', '<model.json>');
      const clusters = new Map<string, 'operator' | 'tenant'>();
      for (const role of ['operator', 'tenant'] as const)
        for (const name of (args.strings.get(role) ?? '').split(',').map((n) => n.trim())) {
          if (name === '') continue;
          if (clusters.has(name) && clusters.get(name) !== role)
            throw new UsageError(`cluster ${quote(name)} cannot be both --operator and --tenant`, 'import');
          clusters.set(name, role);
        }
      if (args.strings.get('operator')?.includes(','))
        throw new UsageError('--operator names one cluster: a model has one operator cluster', 'import');
      return (await commands()).importFiles({ files, out, clusters }, io);
    },
  },
};

/**
 * Runs the command line: `argv` without the node and script names. Everything goes through `io`, so tests
 * run it in memory. Returns the exit code (0 success, 1 invalid input, 2 usage error); never throws.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr(USAGE);
      return EXIT.usage;
    }
    if (name === '-h' || name === '--help' || name === 'help') return help(rest, io);
    if (name === '--version') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    if (name.startsWith('-')) throw new UsageError(`unknown option ${quote(name)} (the command comes first)`);
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      const guess = closest(name, Object.keys(COMMANDS));
      throw new UsageError(`unknown command ${quote(name)}${guess ? `; did you mean '${guess}'?` : ''}`);
    }
    const args = parseArgs(rest, command.options, name);
    if (args.help) {
      io.stdout(COMMAND_HELP[name] ?? USAGE);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      const where = err.command ? `stacklayers ${err.command}` : 'stacklayers';
      io.stderr(`${where}: ${err.message}\nRun '${where} --help' for usage.\n`);
      return EXIT.usage;
    }
    // An unreadable file or unwritable output, no Chromium or no PNG (png.ts's errors extend InputError).
    if (err instanceof InputError) io.stderr(`stacklayers: ${err.message}\n`);
    else {
      const message = err instanceof Error ? err.message : String(err);
      io.stderr(`stacklayers: unexpected error: ${safeText(message.split('\n')[0] ?? '')}\n`);
    }
    return EXIT.invalid;
  }
}

function help(rest: readonly string[], io: CliIo): number {
  const topic = rest.find((a) => !a.startsWith('-'));
  if (topic === undefined) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const text = Object.hasOwn(COMMAND_HELP, topic) ? COMMAND_HELP[topic] : undefined;
  if (text === undefined) throw new UsageError(`no help for ${quote(topic)}: it is not a command`);
  io.stdout(text);
  return EXIT.ok;
}

function onePositional(args: ParsedArgs, command: string): string {
  const [first, extra] = args.positionals;
  if (first === undefined)
    throw new UsageError('<model.json> is required (or - for standard input)', command);
  if (extra !== undefined) throw new UsageError(`unexpected argument ${quote(extra)}`, command);
  return first;
}

function required(args: ParsedArgs, command: string, name: string, placeholder: string): string {
  const value = args.strings.get(name);
  if (value === undefined) throw new UsageError(`--${name} ${placeholder} is required`, command);
  return value;
}

function oneOf<T extends string>(
  args: ParsedArgs,
  command: string,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = args.strings.get(name);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${name} must be ${allowed.join(' or ')}, not ${quote(value)}`, command);
}

function view(args: ParsedArgs, command: string): ViewName {
  const value = args.strings.get('topology');
  if (value === undefined) throw new UsageError('--topology <view> is required', command);
  if ((VIEW_NAMES as readonly string[]).includes(value)) return value as ViewName;
  throw new UsageError(`unknown view ${quote(value)}; the views are ${VIEW_NAMES.join(', ')}`, command);
}

/** This package's version, from package.json. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return `stacklayers ${pkg.version ?? 'unknown'}`;
}

/** The real entry: process arguments and streams in, `process.exitCode` out. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv, nodeIo());
}

// `tsx src/cli/main.ts …` runs it directly; bin/stacklayers.mjs imports this module and calls main().
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
