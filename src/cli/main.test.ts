import { execFileSync, spawnSync } from 'node:child_process';
import {
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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_MODEL_TEXT } from '../model/limits';
import { validateModelText } from '../model/validate';
import { defaultJsonCopy } from '../testing/fixtures';
import { WHATIF_CONTRACT_KEYS } from '../topology/failures/report';
import { VIEWS } from '../topology/views';
import { VIEW_NAMES } from './args';
import { type CliIo, run } from './main';
import { MAX_FILE_BYTES, nodeIo, writeFileAtomic } from './nodeIo';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_MODEL = join(ROOT, 'public/models/default.json');
const DEFAULT_TEXT = readFileSync(DEFAULT_MODEL, 'utf8');

/** An in-memory file system and terminal. Missing files reject like Node (code ENOENT). */
function memoryIo(files: Record<string, string> = {}, env: Record<string, string | undefined> = {}) {
  const fs = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (path) => {
      reads.push(path);
      const text = fs.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, data) => {
      fs.set(path, typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
    },
    env,
  };
  return {
    io,
    fs,
    reads,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function locate(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Checks that `xml` is well-formed enough for a browser and an XML parser: one root element, every start tag
 * closed in order, quoted attributes without `<`, and `&` only in entities. Returns the element names seen.
 */
function checkWellFormed(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let rootClosed = false;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/?[^>]*>|[^<]+/g;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  for (const [t] of xml.matchAll(token)) {
    if (t.startsWith('<!--') || t.startsWith('<?') || t.startsWith('<!')) continue;
    if (!t.startsWith('<')) {
      if (stack.length === 0 && t.trim() !== '') throw new Error(`text outside the root: ${t.slice(0, 40)}`);
      if (t.replace(entity, '').includes('&')) throw new Error(`bare & in text: ${t.slice(0, 60)}`);
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.:-]*)\s*>$/.exec(t);
    if (close) {
      const open = stack.pop();
      if (open !== close[1]) throw new Error(`</${close[1]}> closes <${open}>`);
      if (stack.length === 0) rootClosed = true;
      continue;
    }
    const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(
      t,
    );
    if (!m) throw new Error(`malformed tag: ${t.slice(0, 80)}`);
    const [, name = '', attrs = '', selfClosing] = m;
    if (rootClosed || (stack.length === 0 && names.length > 0)) throw new Error(`second root <${name}>`);
    if (attrs.replace(entity, '').includes('&')) throw new Error(`bare & in attributes of <${name}>`);
    const attrNames = [...attrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=/g)].map((a) => a[1]);
    if (new Set(attrNames).size !== attrNames.length) throw new Error(`repeated attribute in <${name}>`);
    names.push(name);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('> <')}>`);
  if (!rootClosed) throw new Error('no root element');
  return names;
}

/** The labels drawn on the diagram: each `<text>` element's text, and each of its `<tspan>` parts. */
function labels(svg: string): Set<string> {
  const out = new Set<string>();
  for (const [, inner = ''] of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    out.add(inner.replace(/<[^>]*>/g, ''));
    for (const [, part = ''] of inner.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)) out.add(part);
  }
  return out;
}

const tmpDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stacklayers-cli-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

describe('stacklayers validate', () => {
  it('accepts the default model with a one-line summary', async () => {
    const t = memoryIo({ 'default.json': DEFAULT_TEXT });
    expect(await run(['validate', 'default.json'], t.io)).toBe(0);
    expect(t.stdout()).toBe(
      'default.json: OK, valid model "Small cloud": 10 hosts, 11 VMs, 2 Kubernetes clusters (1 operator, 1 tenant)\n',
    );
    expect(t.stderr()).toBe('');
  });

  it('reads the real file through the Node io', async () => {
    const t = memoryIo();
    const io = { ...nodeIo(), stdout: t.io.stdout, stderr: t.io.stderr };
    expect(await run(['validate', DEFAULT_MODEL], io)).toBe(0);
    expect(t.stdout()).toMatch(/: OK, valid model/);
  });

  it('names the JSON path, line and column of an unknown key', async () => {
    const json = defaultJsonCopy();
    json.hosts[2].rolse = ['compute'];
    const text = JSON.stringify(json, null, 2);
    const t = memoryIo({ 'bad.json': text });
    expect(await run(['validate', 'bad.json'], t.io)).toBe(1);
    const { line, column } = locate(text, '"rolse"');
    const lines = t.stderr().trimEnd().split('\n');
    expect(lines).toEqual([
      `bad.json:${line}:${column} $.hosts[2] unknown key "rolse" (check the spelling)`,
      'bad.json: not a valid model (1 problem)',
    ]);
    expect(t.stdout()).toBe('');
  });

  it('names the JSON path, line and column of a VM on an unknown host', async () => {
    const json = defaultJsonCopy();
    json.projects[0].vms[1].host = 'kvm9';
    const text = JSON.stringify(json, null, 2);
    const t = memoryIo({ 'bad.json': text });
    expect(await run(['validate', 'bad.json'], t.io)).toBe(1);
    const { line, column } = locate(text, '"kvm9"');
    const vm = json.projects[0].vms[1].id as string;
    expect(t.stderr()).toContain(
      `bad.json:${line}:${column} $.projects[0].vms[1].host VM '${vm}' runs on host 'kvm9', which is not in hosts\n`,
    );
  });

  it('lists every problem, one a line', async () => {
    const json = defaultJsonCopy();
    json.projects[0].vms[0].host = 'nowhere';
    json.projects[1].vms[0].host = 'nowhere-else';
    const t = memoryIo({ 'bad.json': JSON.stringify(json, null, 2) });
    expect(await run(['validate', 'bad.json'], t.io)).toBe(1);
    const issues = t
      .stderr()
      .split('\n')
      .filter((l) => /^bad\.json:\d+:\d+ \$/.test(l));
    expect(issues.map((l) => l.split(' ')[1])).toEqual([
      '$.projects[0].vms[0].host',
      '$.projects[1].vms[0].host',
    ]);
  });

  it('points at the syntax error of text that is not JSON', async () => {
    const t = memoryIo({ 'bad.json': '{\n  "version": 1,\n  "hosts": [\n}\n' });
    expect(await run(['validate', 'bad.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^bad\.json:4:1 \$ not valid JSON: /);
  });

  it('says so for an empty file', async () => {
    const t = memoryIo({ 'empty.json': ' \n' });
    expect(await run(['validate', 'empty.json'], t.io)).toBe(1);
    expect(t.stderr()).toBe('empty.json:1:1 $ the file is empty (expected a JSON model)\n');
  });

  it('refuses a model that is JSON but not an object', async () => {
    const t = memoryIo({ 'list.json': '[1, 2]' });
    expect(await run(['validate', 'list.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^list\.json:1:1 \$ a model is a JSON object/);
  });

  it('exits 1 with a clear message for a missing file or a directory', async () => {
    const t = memoryIo();
    expect(await run(['validate', 'nope.json'], t.io)).toBe(1);
    expect(t.stderr()).toBe('stacklayers: cannot read "nope.json": no such file\n');

    const dir = tempDir();
    const d = memoryIo();
    const io = { ...nodeIo(), stdout: d.io.stdout, stderr: d.io.stderr };
    expect(await run(['validate', dir], io)).toBe(1);
    expect(d.stderr()).toMatch(/^stacklayers: cannot read ".*": it is a directory, not a file\n$/);
    expect(await run(['validate', join(dir, 'missing.json')], io)).toBe(1);
    expect(d.stderr()).toMatch(/no such file\n$/);
  });

  it('never lets text from a model control the terminal', async () => {
    const json = defaultJsonCopy();
    json['\u001b[2J\u202e'] = 1;
    const t = memoryIo({ 'bad.json': JSON.stringify(json) });
    expect(await run(['validate', 'bad.json'], t.io)).toBe(1);
    expect(t.stderr()).toContain('unknown key "\\u001b[2J\\u202e"');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none are printed.
    expect(t.stderr()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it('strips a byte-order mark', async () => {
    const t = memoryIo({ 'bom.json': `\ufeff${DEFAULT_TEXT}` });
    expect(await run(['validate', 'bom.json'], t.io)).toBe(0);
  });

  it('refuses oversized files before reading them', async () => {
    expect(MAX_FILE_BYTES).toBe(3 * MAX_MODEL_TEXT);
    const dir = tempDir();
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const t = memoryIo();
    expect(await run(['validate', big], { ...nodeIo(), stdout: t.io.stdout, stderr: t.io.stderr })).toBe(1);
    expect(t.stderr()).toMatch(/models are limited to 16 MB/);
  });
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['--frobnicate']],
    [['validate']],
    [['validate', 'a.json', 'b.json']],
    [['validate', 'a.json', '--topology', 'both']],
    [['render', 'm.json', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', 'sideways', '--out', 'x.svg']],
    [['render', 'm.json', '--topology=Both', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', 'both', '--theme', 'blue', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', 'both', '--format', 'gif', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', 'both', '--theme', 'auto', '--out', 'x.png']],
    [['render', 'm.json', '--topology', 'both', '--theme', 'auto', '--format', 'png', '--out', 'x']],
    [['render', 'm.json', '--topology', 'both']],
    [['render', 'm.json', 'extra.json', '--topology', 'both', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', 'both', '--topology', 'traditional', '--out', 'x.svg']],
    [['render', 'm.json', '--topology', 'both', '--out', 'x.svg', '--collapsed', '--expanded']],
    [['render', 'm.json', '--topology', 'both', '--out', 'x.svg', '--collapsed=yes']],
    [['render', 'm.json', '--topology', 'both', '--out', 'x.svg', '-t']],
    [['generate', '--out', 'g.json']],
    [['generate', '--elements', 'many', '--out', 'g.json']],
    [['generate', '--elements', '0', '--out', 'g.json']],
    [['generate', '--elements', '1000001', '--out', 'g.json']],
    [['generate', '--elements', '120001', '--out', 'g.json']],
    [['generate', '--elements', '10', '--regions', '3', '--zones', '2', '--out', 'g.json']],
    [['generate', '--elements', '10', '--zones', '4', '--cells', '3', '--out', 'g.json']],
    [['generate', '--elements', '10', '--cells', 'many', '--out', 'g.json']],
    [['generate', '--elements', '10', '--seed', '1.5', '--out', 'g.json']],
    [['generate', '--elements', '10']],
    [['generate', 'x', '--elements', '10', '--out', 'g.json']],
    [['help', 'frobnicate']],
    [['whatif', 'm.json', '--fail', 'ctl1']],
    [['whatif', 'm.json', '--topology', 'both']],
    [['whatif', 'm.json', '--topology', 'both', '--fail', ',']],
    [['whatif', 'm.json', '--topology', 'both', '--fail', 'ctl1', '--format', 'yaml']],
    [['whatif', '--topology', 'both', '--fail', 'ctl1']],
  ])('%j exits 2 with one line and a hint to --help', async (argv) => {
    const t = memoryIo({ 'm.json': DEFAULT_TEXT, 'a.json': DEFAULT_TEXT });
    expect(await run(argv, t.io)).toBe(2);
    if (argv.length === 0) {
      expect(t.stderr()).toMatch(/^Stacklayers/);
      return;
    }
    const lines = t.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^stacklayers( \w+)?: /);
    expect(lines[1]).toMatch(/^Run 'stacklayers( \w+)? --help' for usage\.$/);
    expect(t.stdout()).toBe('');
    expect(t.reads).toEqual([]);
    expect(t.fs.size).toBe(2);
  });

  it('suggests the command meant', async () => {
    const t = memoryIo();
    expect(await run(['rendr'], t.io)).toBe(2);
    expect(t.stderr()).toContain("did you mean 'render'?");
  });

  it.each([
    [['--help']],
    [['-h']],
    [['help']],
    [['help', 'render']],
    [['render', '--help']],
    [['validate', '-h']],
    [['generate', '--help']],
    [['render', 'm.json', '--topology', 'sideways', '--help']],
  ])('%j prints usage and exits 0', async (argv) => {
    const t = memoryIo();
    expect(await run(argv, t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^(Stacklayers|Usage: stacklayers)/);
    expect(t.stderr()).toBe('');
  });

  it('names every view in the help, the same list as the app', async () => {
    expect(VIEW_NAMES).toEqual(VIEWS);
    const t = memoryIo();
    await run(['render', '--help'], t.io);
    for (const view of VIEWS) expect(t.stdout()).toContain(view);
  });

  it('prints its version', async () => {
    const t = memoryIo();
    expect(await run(['--version'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^stacklayers \d+\.\d+\.\d+\n$/);
  });
});

describe('stacklayers render', () => {
  const expectations: Record<string, { undercloud: boolean; tenant: boolean }> = {
    traditional: { undercloud: false, tenant: false },
    'control-plane-on-k8s': { undercloud: true, tenant: false },
    'k8s-in-tenant': { undercloud: false, tenant: true },
    both: { undercloud: true, tenant: true },
  };

  it.each(VIEWS)('draws the %s view as well-formed, script-free SVG', async (view) => {
    const t = memoryIo({ 'default.json': DEFAULT_TEXT });
    expect(await run(['render', 'default.json', '--topology', view, '--out', 'out.svg'], t.io)).toBe(0);
    const svg = t.fs.get('out.svg') ?? '';
    const names = checkWellFormed(svg);
    expect(names[0]).toBe('svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son\w+\s*=/i);
    expect(svg).not.toMatch(/<foreignObject|javascript:/i);

    const text = labels(svg);
    expect(text).toContain('keystone-api');
    expect(text).toContain('kvm1');
    // The operator cluster (undercloud) only where the control plane runs on Kubernetes; the tenant cluster
    // (prod-k8s; its VMs are called prod-k8s-… in every view) only where Kubernetes runs in the tenant.
    expect(text.has('undercloud')).toBe(expectations[view]?.undercloud);
    expect(svg.includes('undercloud')).toBe(expectations[view]?.undercloud);
    expect(text.has('prod-k8s')).toBe(expectations[view]?.tenant);
    expect(text).toContain('prod-k8s-cp-0');

    expect(t.stdout()).toMatch(
      new RegExp(`^wrote out\\.svg: SVG of the ${view} view, \\d+×\\d+ px, \\d+ elements\\n$`),
    );
    expect(t.stderr()).toBe('');
  });

  it('accepts --name=value, a dark theme, and writes to standard output with --out -', async () => {
    const t = memoryIo({ 'default.json': DEFAULT_TEXT });
    expect(await run(['render', 'default.json', '--topology=both', '--theme=dark', '--out=-'], t.io)).toBe(0);
    const svg = t.stdout();
    checkWellFormed(svg);
    expect(svg).toContain('data-theme="dark"');
    expect(svg).toContain('data-view="both"');
    expect(t.stderr()).toMatch(/^wrote standard output: SVG of the both view/);
    expect(t.fs.size).toBe(1);
  });

  it('--theme auto writes one SVG with both palettes, chosen by prefers-color-scheme', async () => {
    const t = memoryIo({ 'default.json': DEFAULT_TEXT });
    expect(
      await run(['render', 'default.json', '--topology', 'both', '--theme', 'auto', '--out', 'a.svg'], t.io),
    ).toBe(0);
    const svg = t.fs.get('a.svg') ?? '';
    checkWellFormed(svg);
    expect(svg).toContain('data-theme="auto"');
    expect(svg).toMatch(/<style>[^<]*@media \(prefers-color-scheme: dark\)[^<]*<\/style>/);
  });

  it('folds big models like the app, and on request', async () => {
    const big = memoryIo();
    await run(['generate', '--elements', '2000', '--seed', '3', '--out', 'big.json'], big.io);
    const t = memoryIo({ 'big.json': big.fs.get('big.json') ?? '', 'default.json': DEFAULT_TEXT });
    const code = await run(['render', 'big.json', '--topology', 'both', '--out', 'a.svg'], t.io);
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    expect(t.stdout()).toMatch(/boxes folded\n$/);
    expect(
      await run(['render', 'big.json', '--topology', 'both', '--expanded', '--out', 'b.svg'], t.io),
    ).toBe(0);
    expect((t.fs.get('b.svg') ?? '').length).toBeGreaterThan((t.fs.get('a.svg') ?? '').length);
    expect(await run(['render', 'default.json', '--topology', 'both', '--out', 'c.svg'], t.io)).toBe(0);
    expect(
      await run(['render', 'default.json', '--topology', 'both', '--collapsed', '--out', 'd.svg'], t.io),
    ).toBe(0);
    expect(t.fs.get('d.svg')).toContain('folded');
    expect(t.fs.get('c.svg')).not.toContain('folded');
  });

  it('exits 1 with the issue lines on an invalid model, and writes nothing', async () => {
    const json = defaultJsonCopy();
    json.projects[0].vms[1].host = 'kvm9';
    const t = memoryIo({ 'bad.json': JSON.stringify(json, null, 2) });
    expect(await run(['render', 'bad.json', '--topology', 'both', '--out', 'out.svg'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^bad\.json:\d+:\d+ \$\.projects\[0\]\.vms\[1\]\.host VM /);
    expect(t.fs.has('out.svg')).toBe(false);
  });

  it('keeps an existing output when it cannot render', async () => {
    const dir = tempDir();
    const out = join(dir, 'keep.svg');
    writeFileSync(out, 'old');
    writeFileSync(join(dir, 'bad.json'), '{');
    const t = memoryIo();
    const io = { ...nodeIo(), stdout: t.io.stdout, stderr: t.io.stderr };
    expect(await run(['render', join(dir, 'bad.json'), '--topology', 'both', '--out', out], io)).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(await run(['render', DEFAULT_MODEL, '--topology', 'both', '--out', out], io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml/);
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'keep.svg']);
  });

  it('exits 1 when the output cannot be written', async () => {
    const dir = tempDir();
    const t = memoryIo();
    const io = { ...nodeIo(), stdout: t.io.stdout, stderr: t.io.stderr };
    const out = join(dir, 'no-such-dir', 'x.svg');
    expect(await run(['render', DEFAULT_MODEL, '--topology', 'both', '--out', out], io)).toBe(1);
    expect(t.stderr()).toMatch(/^stacklayers: cannot write ".*x\.svg": its directory does not exist\n$/);
    mkdirSync(join(dir, 'a-dir.svg'));
    expect(
      await run(['render', DEFAULT_MODEL, '--topology', 'both', '--out', join(dir, 'a-dir.svg')], io),
    ).toBe(1);
    expect(t.stderr()).toMatch(/it is a directory, not a file\n$/);
    expect(readdirSync(dir).sort()).toEqual(['a-dir.svg']);
  });

  it('says to use SVG or install chromium when there is no Chromium for PNG', async () => {
    const t = memoryIo({ 'default.json': DEFAULT_TEXT }, { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(await run(['render', 'default.json', '--topology', 'both', '--out', 'x.png'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^stacklayers: PNG export needs Chromium, .*--format svg.*install chromium/);
    expect(t.fs.has('x.png')).toBe(false);
  });
  it('refuses a PNG too large to draw, before starting a browser', async () => {
    const large = readFileSync(join(ROOT, 'public/models/large.json'), 'utf8');
    const t = memoryIo({ 'large.json': large }, { CHROMIUM_PATH: '/nonexistent/chromium' });
    const argv = [
      'render',
      'large.json',
      '--topology',
      'both',
      '--expanded',
      '--format',
      'png',
      '--out',
      'x.png',
    ];
    expect(await run(argv, t.io)).toBe(1);
    expect(t.stderr()).toMatch(
      /^stacklayers: the PNG would be \d+×\d+ px \(\d+ megapixels; the limit is 50\)/,
    );
    expect(t.fs.has('x.png')).toBe(false);
  });
});

describe('stacklayers whatif', () => {
  const whatif = async (args: string[], files: Record<string, string> = { 'm.json': DEFAULT_TEXT }) => {
    const t = memoryIo(files);
    const code = await run(['whatif', 'm.json', ...args], t.io);
    return { code, out: t.stdout(), err: t.stderr() };
  };

  it('prints the documented JSON contract', async () => {
    const { code, out, err } = await whatif([
      '--topology',
      'traditional',
      '--fail',
      'ctl1,ctl2',
      '--format',
      'json',
    ]);
    expect([code, err]).toEqual([0, '']);
    const j = JSON.parse(out);
    expect(j.failed).toEqual(['ctl1', 'ctl2']);
    expect(j.controlPlane).toBe('down');
    expect(j.northSouth).toBe('up');
    expect(j.services.mariadb).toBe('down');
    expect(j.majorities.find((m: { group: string }) => m.group === 'mariadb')).toEqual({
      group: 'mariadb',
      kind: 'process',
      label: 'MariaDB Galera (mariadb)',
      members: ['mariadb@ctl1', 'mariadb@ctl2', 'mariadb@ctl3'],
      up: 1,
      needed: 2,
      held: false,
    });
    expect(j.vms['web-1']).toEqual({ running: true, network: 'up', manageable: false });
    expect(j.clusters).toEqual({});
    for (const n of j.notes) {
      expect(typeof n.text).toBe('string');
      expect(n.source === null || /^https:\/\//.test(n.source)).toBe(true);
    }
    for (const key of WHATIF_CONTRACT_KEYS) expect(j).toHaveProperty(key);
  });

  it("adds each cell and region: a cell's lost database takes out that cell's instances only", async () => {
    const cells = { 'm.json': readFileSync(join(ROOT, 'public/models/cells.json'), 'utf8') };
    const fail = ['mariadb.cell2@cell2-ctl1', 'mariadb.cell2@cell2-ctl2'].join(',');
    const { code, out } = await whatif(
      ['--topology', 'traditional', '--fail', fail, '--format', 'json'],
      cells,
    );
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.controlPlane).toBe('degraded');
    for (const key of WHATIF_CONTRACT_KEYS) expect(j).toHaveProperty(key);
    expect(Object.keys(j.cells)).toEqual(['cell1', 'cell2', 'cell3', 'cell4']);
    expect(j.cells.cell2).toMatchObject({ region: 'RegionOne', status: 'down', lost: ['mariadb.cell2'] });
    expect(j.cells.cell2.unmanageable).toBe(j.cells.cell2.instances);
    expect(j.cells.cell2.starved).toEqual(['nova-conductor.cell2']);
    for (const id of ['cell1', 'cell3', 'cell4'])
      expect(j.cells[id], id).toMatchObject({ status: 'up', lost: [], unmanageable: 0 });
    expect(Object.keys(j.regions)).toEqual(['RegionOne', 'RegionTwo']);
    expect(j.regions.RegionOne.status).toBe('up');
    const db = j.majorities.find((m: { group: string }) => m.group === 'mariadb.cell2');
    expect(db).toMatchObject({
      scope: 'cell:cell2',
      label: "Cell cell2's mariadb",
      held: false,
    });
    const unmanaged = Object.values(j.vms as Record<string, { manageable: boolean }>).filter(
      (v) => !v.manageable,
    );
    expect(unmanaged).toHaveLength(j.cells.cell2.instances);
    // The default model has no cells and one region.
    const plain = JSON.parse(
      (await whatif(['--topology', 'traditional', '--fail', 'ctl1', '--format', 'json'])).out,
    );
    expect([plain.cells, plain.regions]).toEqual([{}, {}]);
  });

  it('fails a cluster id as its control plane and a service instance alone', async () => {
    const cluster = JSON.parse(
      (await whatif(['--topology', 'both', '--fail', 'undercloud', '--format=json'])).out,
    );
    expect(cluster.controlPlane).toBe('up');
    expect(cluster.clusters.undercloud).toEqual({
      kind: 'operator',
      api: 'down',
      workloadsRunning: true,
      canHeal: false,
    });
    expect(cluster.clusters['prod-k8s'].api).toBe('up');
    const ovs = JSON.parse(
      (await whatif(['--topology', 'traditional', '--fail', 'openvswitch@kvm1', '--format', 'json'])).out,
    );
    expect(ovs.vms['web-1']).toEqual({ running: true, network: 'down', manageable: true });
    expect(ovs.vms['web-2'].network).toBe('up');
  });

  it('tells the story as text by default, with a why line per source', async () => {
    const { code, out } = await whatif(['--topology', 'both', '--fail', 'kvm3']);
    expect(code).toBe(0);
    expect(out).toMatch(/^What if, in the both view of Small cloud:\n/);
    expect(out).toContain('nova evacuate');
    expect(out).toMatch(/\n {4}why: https:\/\/docs\.openstack\.org\/nova\/latest\/admin\/evacuate\.html\n/);
  });

  it('exits 1 naming each id that is unknown, not in the view, or cannot fail', async () => {
    const { code, out, err } = await whatif([
      '--topology',
      'traditional',
      '--fail',
      'nope,undercloud,acme-web,ctl1',
    ]);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('unknown id "nope"');
    expect(lines[1]).toContain('"undercloud" is not in the traditional view');
    expect(lines[2]).toContain('"acme-web" is a project and cannot fail');
  });

  it('exits 1 with the problem lines on an invalid model', async () => {
    const { code, err } = await whatif(['--topology', 'both', '--fail', 'ctl1'], {
      'm.json': '{"version": 2}',
    });
    expect(code).toBe(1);
    expect(err).toContain('not a valid model');
  });

  it('never lets text from a model control the terminal', async () => {
    const json = defaultJsonCopy();
    json.name = 'evil\u001b[2J';
    const { out } = await whatif(['--topology', 'traditional', '--fail', 'ctl1'], {
      'm.json': JSON.stringify(json),
    });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('evil\\u001b[2J');
  });
});

describe('atomic writes', () => {
  it('replace the file whole and leave no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'f.txt');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, new Uint8Array([104, 105]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['f.txt']);
  });
});

describe('limits on the command line', () => {
  it('validate refuses a model over the element limit with one line at $', async () => {
    const model = JSON.parse(DEFAULT_TEXT);
    for (let i = 0; i < 16; i++)
      model.tenantClusters[0].workloads.push({ id: `w${i}`, kind: 'Deployment', replicas: 10_000 });
    const t = memoryIo({ 'pods.json': JSON.stringify(model) });
    expect(await run(['validate', 'pods.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(
      /^pods\.json:1:1 \$ the model has [\d,]+ elements \([\d,]+ of them pods \(workload replicas\)\); the limit is 150,000\npods\.json: not a valid model \(1 problem\)\n$/,
    );
  });

  it('accepts a BOM, and says what is wrong with binary and deeply nested files', async () => {
    const t = memoryIo({
      'bom.json': `\ufeff${DEFAULT_TEXT}`,
      'img.json': '\u0089PNG\r\n',
      'deep.json': '['.repeat(100_000),
    });
    expect(await run(['validate', 'bom.json'], t.io)).toBe(0);
    expect(await run(['validate', 'img.json'], t.io)).toBe(1);
    expect(t.stderr()).toContain(
      'img.json:1:1 $ this is a PNG image, not a model: a model is a JSON text file\n',
    );
    expect(await run(['validate', 'deep.json'], t.io)).toBe(1);
    expect(t.stderr()).toContain('deep.json:1:65 $ the JSON is nested more than 64 levels deep here');
  });
});

describe('stacklayers generate', () => {
  it('writes a model that validates, with $schema, and prints the element count', async () => {
    const t = memoryIo();
    expect(await run(['generate', '--elements', '500', '--seed', '42', '--out', 'gen.json'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(
      /^wrote gen\.json: \d+ elements in the both view \(\d+ hosts, \d+ VMs, seed 42\)\n$/,
    );
    const count = Number(/(\d+) elements/.exec(t.stdout())?.[1]);
    expect(count).toBeGreaterThan(300);
    expect(count).toBeLessThan(800);
    const text = t.fs.get('gen.json') ?? '';
    const json = JSON.parse(text);
    expect(json.$schema).toMatch(/public\/schema\/model\.v1\.json$/);
    expect(Object.keys(json).slice(0, 2)).toEqual(['$schema', 'version']);
    expect(text).toContain('\n  "version": 1,');
    expect(validateModelText(text).ok).toBe(true);
    expect(await run(['validate', 'gen.json'], t.io)).toBe(0);

    const again = memoryIo();
    await run(['generate', '--elements=500', '--seed=42', '--out=gen.json'], again.io);
    expect(again.fs.get('gen.json')).toBe(text);
  });

  it('points $schema at the checkout schema, relative to the file', async () => {
    const dir = tempDir();
    const out = join(dir, 'gen.json');
    const t = memoryIo();
    expect(
      await run(['generate', '--elements', '20', '--out', out], { ...nodeIo(), stdout: t.io.stdout }),
    ).toBe(0);
    const ref = JSON.parse(readFileSync(out, 'utf8')).$schema as string;
    expect(existsSync(join(dir, ref))).toBe(true);
  });

  it('writes to standard output with --out -, the count on stderr', async () => {
    const t = memoryIo();
    expect(await run(['generate', '--elements', '50', '--out', '-'], t.io)).toBe(0);
    expect(validateModelText(t.stdout()).ok).toBe(true);
    expect(t.stderr()).toMatch(/^wrote standard output: \d+ elements/);
  });
});

describe('the stacklayers binary', () => {
  const bin = join(ROOT, 'bin/stacklayers.mjs');

  it('validates the default model end to end', () => {
    const out = execFileSync('node', ['bin/stacklayers.mjs', 'validate', 'public/models/default.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^public\/models\/default\.json: OK, valid model/);
  }, 30_000);

  it('exits 1 on an invalid model and 2 on a usage error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"version": 2}');
    const bad = spawnSync('node', [bin, 'validate', join(dir, 'bad.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json:1:13 \$\.version unsupported model version 2/);
    const usage = spawnSync('node', [bin, 'render'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Run 'stacklayers render --help' for usage.");
  }, 30_000);

  it('is executable', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).toBe(0o111);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin).toEqual({
      stacklayers: 'bin/stacklayers.mjs',
    });
  });
});

/** The Chromium the CLI would launch: $CHROMIUM_PATH, /usr/bin/chromium, else Playwright's own if installed. */
async function findChromium(): Promise<boolean> {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH);
  if (existsSync('/usr/bin/chromium')) return true;
  try {
    const { chromium } = await import('playwright-core');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

describe('PNG', () => {
  it('renders at twice the SVG size, or says to install chromium when there is none', async () => {
    const dir = tempDir();
    const png = join(dir, 'both.png');
    const t = memoryIo();
    const io = { ...nodeIo(), stdout: t.io.stdout, stderr: t.io.stderr };
    const code = await run(
      ['render', DEFAULT_MODEL, '--topology', 'both', '--format', 'png', '--out', png],
      io,
    );
    if (!(await findChromium())) {
      expect(code).toBe(1);
      expect(t.stderr()).toMatch(/install chromium/);
      expect(existsSync(png)).toBe(false);
      return;
    }
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    const bytes = readFileSync(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = memoryIo({ 'm.json': DEFAULT_TEXT });
    await run(['render', 'm.json', '--topology', 'both', '--out', '-'], svg.io);
    const svgWidth = Number(/<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg.stdout())?.[1]);
    const svgHeight = Number(/<svg\b[^>]*\sheight="([\d.]+)"/.exec(svg.stdout())?.[1]);
    expect(bytes.readUInt32BE(16)).toBe(2 * Math.ceil(svgWidth));
    expect(bytes.readUInt32BE(20)).toBe(2 * Math.ceil(svgHeight));
    expect(readdirSync(dir)).toEqual(['both.png']);
  }, 90_000);
});
