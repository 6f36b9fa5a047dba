import { describe, expect, it } from 'vitest';
import { type OptionSpec, parseArgs, UsageError } from './args';
import { type CliIo, run } from './main';

const SPEC: OptionSpec = { out: 'string', seed: 'string', collapsed: 'boolean' };

const parse = (args: string[]) => {
  const { positionals, strings, flags, help } = parseArgs(args, SPEC, 'render');
  return { positionals, strings: Object.fromEntries(strings), flags: [...flags], help };
};

/** The usage error `args` give: its message and the command its hint names. */
function refusal(args: string[]): { message: string; command: string | undefined } {
  try {
    parseArgs(args, SPEC, 'render');
  } catch (err) {
    if (err instanceof UsageError) return { message: err.message, command: err.command };
    throw err;
  }
  throw new Error(`${JSON.stringify(args)} parsed`);
}

describe('parseArgs', () => {
  it('reads --name value, --name=value, flags and positionals in any order', () => {
    expect(parse(['m.json', '--out', 'x.svg', '--collapsed', '--seed=7'])).toEqual({
      positionals: ['m.json'],
      strings: { out: 'x.svg', seed: '7' },
      flags: ['collapsed'],
      help: false,
    });
    expect(parse([])).toEqual({ positionals: [], strings: {}, flags: [], help: false });
  });

  it('takes - and a negative number as values, and any text after =', () => {
    expect(parse(['--out', '-', '--seed', '-5']).strings).toEqual({ out: '-', seed: '-5' });
    expect(parse(['--out=--odd', '--seed=-x']).strings).toEqual({ out: '--odd', seed: '-x' });
    expect(parse(['--out=a=b']).strings).toEqual({ out: 'a=b' });
  });

  it('reads - as a positional (standard input) and everything after -- as positionals', () => {
    expect(parse(['-', '--', '--out', '-h', 'x']).positionals).toEqual(['-', '--out', '-h', 'x']);
    expect(parse(['--', '--collapsed'])).toMatchObject({ flags: [], positionals: ['--collapsed'] });
  });

  it('sees -h and --help anywhere, more than once, and still refuses what is wrong around them', () => {
    expect(parse(['m.json', '-h']).help).toBe(true);
    expect(parse(['--help', '--out', 'x', '--help', '-h'])).toMatchObject({
      help: true,
      strings: { out: 'x' },
    });
    expect(refusal(['--help', '--frob']).message).toBe('unknown option "--frob"');
  });

  it.each([
    [['--frob'], 'unknown option "--frob"'],
    [['--frob=1'], 'unknown option "--frob"'],
    [['--Out', 'x'], 'unknown option "--Out"'],
    [['-t'], 'unknown option "-t"'],
    [['-ht'], 'unknown option "-ht"'],
    [['-5'], 'unknown option "-5"'],
    [['---out', 'x'], 'unknown option "---out"'],
    // Names an object has of its own are no options.
    [['--constructor', 'x'], 'unknown option "--constructor"'],
    [['--__proto__=x'], 'unknown option "--__proto__"'],
    [['--out', 'a', '--out', 'b'], '--out is given more than once'],
    [['--out=a', '--out=a'], '--out is given more than once'],
    [['--collapsed', '--collapsed'], '--collapsed is given more than once'],
    [['--collapsed', '--collapsed=1'], '--collapsed is given more than once'],
    [['--collapsed=yes'], '--collapsed takes no value'],
    [['--collapsed='], '--collapsed takes no value'],
    [['--out'], '--out needs a value'],
    [['--out='], '--out needs a value'],
    [['--out', '--collapsed'], '--out needs a value'],
    [['--out', '--'], '--out needs a value'],
    [['--out', '-x'], '--out needs a value'],
    [['--seed', '--out', 'x'], '--seed needs a value'],
  ])('%j: %s', (args, message) => {
    expect(refusal(args)).toEqual({ message, command: 'render' });
  });

  it('reports the first mistake in the order given', () => {
    expect(refusal(['--collapsed=1', '--frob']).message).toBe('--collapsed takes no value');
    expect(refusal(['--frob', '--collapsed=1']).message).toBe('unknown option "--frob"');
  });

  it('keeps control characters of an option out of the message', () => {
    expect(refusal(['--\u001b[2J']).message).toBe('unknown option "--\\u001b[2J"');
  });
});

/** Runs the command line in memory: nothing to read, nothing written. */
async function runCli(argv: string[], io: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (path) => {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    writeFile: async () => {},
    ...io,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('what each mistake prints', () => {
  it.each([
    [['render', 'm.json', '-t'], 'stacklayers render: unknown option "-t"'],
    [['generate', '--elements', '10', '--frob=1'], 'stacklayers generate: unknown option "--frob"'],
    [['render', 'm.json', '--topology'], 'stacklayers render: --topology needs a value'],
    [
      ['whatif', 'm.json', '--fail', 'a', '--fail', 'b'],
      'stacklayers whatif: --fail is given more than once',
    ],
    [['render', 'm.json', '--expanded=1'], 'stacklayers render: --expanded takes no value'],
    [['import', 'a.json', '--out', '--tenant', 'x'], 'stacklayers import: --out needs a value'],
    [['validate'], 'stacklayers validate: <model.json> is required (or - for standard input)'],
  ])('%j', async (argv, line) => {
    const command = argv[0] as string;
    const r = await runCli(argv);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `${line}\nRun 'stacklayers ${command} --help' for usage.\n`,
    });
  });

  it('reads an argument after -- as a file name, not an option', async () => {
    const r = await runCli(['validate', '--', '--out']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'stacklayers: cannot read "--out": no such file\n' });
  });

  it('refuses an option before the command, without a command in the hint', async () => {
    expect(await runCli(['--out', 'x', 'render'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `stacklayers: unknown option "--out" (the command comes first)\nRun 'stacklayers --help' for usage.\n`,
    });
  });

  it('reports an error it did not expect in one line, exit 1', async () => {
    const r = await runCli(['generate', '--elements', '5', '--out', '-'], {
      stdout: () => {
        throw new Error('the terminal went away\n    at somewhere');
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('stacklayers: unexpected error: the terminal went away\n');
  });

  it('reports invalid input (an InputError) as it is, exit 1', async () => {
    const r = await runCli(['validate', 'nowhere.json']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'stacklayers: cannot read "nowhere.json": no such file\n',
    });
  });
});
