import { parseArgs as parseNodeArgs } from 'node:util';

/**
 * The views, the same list as `VIEWS` of `topology/views` (a test keeps them equal). Repeated
 * here so that help and usage errors answer without loading the model layer (zod takes most of the start-up).
 */
export const VIEW_NAMES = ['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** Exit codes (docs/cli.md): success, invalid input, usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A mistake in how the command was called: exit code 2, one line, and a hint to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help the hint points to, if known. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/**
 * Invalid input that is not a model problem: an unreadable file, an unwritable output, no Chromium for PNG.
 * Exit code 1 and its message on one line. (A model with problems is not thrown: its problem lines are
 * printed where they are found.)
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** The options a command takes: a string value (`--out x`, `--out=x`) or a flag (`--collapsed`). */
export type OptionSpec = Readonly<Record<string, 'string' | 'boolean'>>;

export interface ParsedArgs {
  positionals: string[];
  strings: Map<string, string>;
  flags: Set<string>;
  help: boolean;
}

/**
 * Parses a command's arguments: `--name value`, `--name=value`, flags, `-h`/`--help`, `--` (the rest are
 * positionals) and `-` (a positional: standard input or output). Unknown options, repeated options and
 * missing values are usage errors.
 *
 * Node's `util.parseArgs` reads the arguments into tokens (`--name=value`, a string option taking the next
 * argument, `--`, `-`, `-h`). The checks on those tokens are ours (`strict: false`): its strict mode refuses
 * `--seed -5` as ambiguous (`allowNegative`, Node 22+, is for flags), lets a repeated option's last value
 * win, and reports a missing value and a flag given one under the same error code, naming the option only
 * in its English message; ours are the messages docs/cli.md and the tests hold to.
 */
export function parseArgs(args: readonly string[], spec: OptionSpec, command: string): ParsedArgs {
  const out: ParsedArgs = { positionals: [], strings: new Map(), flags: new Set(), help: false };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, type] of Object.entries(spec)) options[name] = { type };
  const { tokens } = parseNodeArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') out.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    // Short options: only `-h`, alone (`-ht` is one unknown option, as typed).
    if (!token.rawName.startsWith('--')) {
      const arg = args[token.index] as string;
      if (arg !== '-h') throw new UsageError(`unknown option ${quote(arg)}`, command);
      out.help = true;
      continue;
    }
    const { name } = token;
    const kind = name === 'help' ? 'boolean' : Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) throw new UsageError(`unknown option ${quote(token.rawName)}`, command);
    if (out.strings.has(name) || out.flags.has(name))
      throw new UsageError(`--${name} is given more than once`, command);
    if (kind === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${name} takes no value`, command);
      if (name === 'help') out.help = true;
      else out.flags.add(name);
      continue;
    }
    // `--out -` (standard output) and `--seed -5` are values; `--out --theme` is a missing value.
    const { value } = token;
    const optionLike = !token.inlineValue && value !== '-' && /^-(?!\d)/.test(value ?? '');
    if (value === undefined || value === '' || optionLike)
      throw new UsageError(`--${name} needs a value`, command);
    out.strings.set(name, value);
  }
  return out;
}

/** An argument quoted for a message: JSON string syntax, so control characters never reach the terminal. */
export function quote(s: string): string {
  return safeText(JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s));
}

/**
 * Text from a model or a command line, made safe for a terminal: control characters (ANSI escapes, carriage
 * returns) and bidirectional overrides become visible `\u` escapes.
 */
export function safeText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The closest of `names` to a mistyped `word` (edit distance at most 2), for "did you mean". */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const d = editDistance(word.toLowerCase(), name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length] as number;
}
