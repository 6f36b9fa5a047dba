import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from './args';
import { COMMAND_HELP } from './help';
import { type CliIo, run } from './main';

/**
 * docs/cli.md is the command line's reference: it stays true to what the code parses. Every command has its
 * section, every option its help names is in that section, and every option the section names is one the
 * command accepts.
 */

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const doc = read('docs/cli.md');

/** The sections of the page, by heading: `## \`stacklayers render\`` → its text. */
const sections = new Map(
  doc
    .split(/^## /m)
    .slice(1)
    .map((s) => [s.slice(0, s.indexOf('\n')).trim(), s] as const),
);

/**
 * The options `text` names for `command`: not on lines of other commands (`openstack server list --long`, the
 * `stacklayers render` an import suggests next), and not `--help`.
 */
function options(text: string, command: string): string[] {
  const own = text
    .split('\n')
    .filter((line) => !/\b(openstack|kubectl) /.test(line))
    .filter((line) => [...line.matchAll(/stacklayers (\w+)/g)].every((m) => m[1] === command));
  const names = own.flatMap((line) =>
    [...line.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1] as string),
  );
  return [...new Set(names)].filter((o) => o !== 'help');
}

/** Runs the command line in memory; reading or writing a file fails the test (no option probe gets that far). */
async function probe(argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const io: CliIo = {
    stdout: () => {},
    stderr: (s) => err.push(s),
    readFile: async (path) => {
      throw new Error(`the probe read ${path}`);
    },
    writeFile: async (path) => {
      throw new Error(`the probe wrote ${path}`);
    },
  };
  const code = await run(argv, io);
  return { code, stderr: err.join('') };
}

describe('docs/cli.md', () => {
  const commands = Object.keys(COMMAND_HELP);

  it('documents every command, each in its own section', () => {
    expect(commands.sort()).toEqual(['generate', 'handout', 'import', 'render', 'validate', 'whatif']);
    for (const command of commands) expect([...sections.keys()]).toContain(`\`stacklayers ${command}\``);
  });

  it.each(commands)('lists every option of %s that its --help names', (command) => {
    const section = sections.get(`\`stacklayers ${command}\``) ?? '';
    for (const option of options(COMMAND_HELP[command] ?? '', command))
      expect(section).toContain(`--${option}`);
  });

  it.each(commands)('names only options that %s accepts', async (command) => {
    const section = sections.get(`\`stacklayers ${command}\``) ?? '';
    const named = options(section, command);
    expect(named.length).toBeGreaterThan(command === 'validate' ? -1 : 0);
    for (const option of named) {
      // `--name=x` alone: the command refuses it for a missing argument or value, never as an unknown option.
      const { code, stderr } = await probe([command, `--${option}=x`]);
      expect(code, `${command} --${option}`).toBe(EXIT.usage);
      expect(stderr, `${command} --${option}`).not.toMatch(/unknown option/i);
    }
    // The probe can tell: an option no command has is refused as unknown.
    expect((await probe([command, '--no-such-option=x'])).stderr).toMatch(/unknown option/i);
  });

  it('gives the exit codes the command line returns', () => {
    for (const code of Object.values(EXIT)) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('is linked from the README', () => {
    expect(read('README.md')).toContain('](docs/cli.md)');
  });
});
