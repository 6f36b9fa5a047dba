import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateModelText } from '../model/validate';
import { type CliIo, run } from './main';
import { nodeIo } from './nodeIo';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A real temporary directory holding copies of a fixture's files (as a user's shell would pass them). */
function workdir(fixture?: string): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'stacklayers-import-'));
  dirs.push(dir);
  if (!fixture) return { dir, files: [] };
  const from = join(FIXTURES, fixture);
  const files = readdirSync(from)
    .filter((f) => f !== 'README.md')
    .sort()
    .map((f) => {
      copyFileSync(join(from, f), join(dir, f));
      return join(dir, f);
    });
  return { dir, files };
}

/** The real file system, with the terminal captured. */
function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const real = nodeIo();
  const io: CliIo = {
    ...real,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (path) => {
      reads.push(path);
      return real.readFile(path);
    },
  };
  return { io, reads, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('stacklayers import', () => {
  it('goes from raw openstack and kubectl output to a valid model, and on to an SVG of the view that fits', async () => {
    const { dir, files } = workdir('helm-cloud');
    const model = join(dir, 'cloud.json');
    const t = terminal();
    expect(await run(['import', ...files, '--out', model], t.io)).toBe(0);
    expect(t.stderr()).toBe('');

    const text = readFileSync(model, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "hosts": [\n');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed).slice(0, 2)).toEqual(['$schema', 'version']);
    expect(existsSync(join(dir, parsed.$schema))).toBe(true);
    const checked = validateModelText(text);
    expect(checked.ok ? [] : checked.issues).toEqual([]);

    const report = t.stdout();
    expect(report).toMatch(/^Read 11 files:\n/);
    expect(report).toContain('undercloud-pods.json: kubectl get pods -A -o json (46 entries)\n');
    expect(report).toContain('\nMatched:\n');
    expect(report).toContain(
      '  Cluster prod-k8s is a tenant cluster in project acme-platform: 3 nodes matched to VMs (2 by providerID and 1 by name).\n',
    );
    expect(report).not.toContain('Could not match');
    expect(report).toContain(
      `wrote ${model}: 5 hosts, 7 VMs, 21 service processes, 2 Kubernetes clusters; the view that fits is both\n`,
    );
    expect(report).toContain(
      `  draw it: stacklayers render ${model} --topology both --out ${join(dir, 'cloud.svg')}\n`,
    );

    const svg = join(dir, 'cloud.svg');
    const r = terminal();
    expect(await run(['render', model, '--topology', 'both', '--out', svg], r.io)).toBe(0);
    const drawn = readFileSync(svg, 'utf8');
    expect(drawn).toMatch(/^<\?xml[^>]*>\s*<svg /);
    for (const label of [
      'ctl1',
      'cmp2',
      'undercloud',
      'prod-k8s',
      'prod-k8s-md-1',
      'nova-compute',
      'mariadb',
    ])
      expect(drawn).toContain(`>${label}<`);
  });

  it('imports the messy fixture with exit 0, listing what it could not match or place', async () => {
    const { dir, files } = workdir('messy');
    const t = terminal();
    expect(await run(['import', ...files, `--out=${join(dir, 'm.json')}`], t.io)).toBe(0);
    const out = t.stdout();
    expect(out).toMatch(/broken\.txt: not imported: not JSON/);
    expect(out).toContain('flavors.json: not imported: a flavor list (openstack flavor list): not read\n');
    expect(out).toContain('Could not match or place (14):\n');
    expect(out).toContain(
      '  - Node worker-7 of cluster k8s matches no VM (no providerID, no VM of that name).\n',
    );
    expect(out).toContain('the view that fits is k8s-in-tenant');
    expect(validateModelText(readFileSync(join(dir, 'm.json'), 'utf8')).ok).toBe(true);
  });

  it('exits 1 and writes nothing when nothing could be imported', async () => {
    const { dir } = workdir();
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": "world"}');
    const out = join(dir, 'out.json');
    const t = terminal();
    expect(await run(['import', junk, '--out', out], t.io)).toBe(1);
    expect(t.stdout()).toContain('not imported: a JSON object, but not a Kubernetes List of nodes or pods');
    expect(t.stderr()).toBe('stacklayers: nothing could be imported from these files; no model written\n');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 for a file it cannot read', async () => {
    const { dir } = workdir();
    const t = terminal();
    expect(await run(['import', join(dir, 'missing.json'), '--out', join(dir, 'o.json')], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^stacklayers: cannot read ".*missing\.json": no such file\n$/);
  });

  it('writes the model to standard output with --out -, the report then on stderr', async () => {
    const { files } = workdir('partial/servers-only');
    const t = terminal();
    expect(await run(['import', ...files, '--out', '-'], t.io)).toBe(0);
    const model = JSON.parse(t.stdout());
    expect(model.$schema).toMatch(/public\/schema\/model\.v1\.json$/);
    expect(model.hosts.map((h: { id: string }) => h.id)).toEqual(['node-a', 'node-b']);
    expect(t.stderr()).toContain('Read 1 file:');
    expect(t.stderr()).toContain('the view that fits is traditional');
  });

  it('takes --operator and --tenant for clusters the pods do not tell apart', async () => {
    const { dir, files } = workdir('helm-cloud');
    const t = terminal();
    const out = join(dir, 't.json');
    expect(await run(['import', ...files, '--tenant', 'undercloud', '--out', out], t.io)).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.operatorCluster).toBeUndefined();
    expect(t.stdout()).toContain('the view that fits is k8s-in-tenant');
  });

  it.each([
    [['import', '--out', 'm.json']],
    [['import', 'a.json']],
    [['import', 'a.json', '--out']],
    [['import', 'a.json', '--out', 'm.json', '--topology', 'both']],
    [['import', '-', '-', '--out', 'm.json']],
    [['import', 'a.json', '--operator', 'x', '--tenant', 'x', '--out', 'm.json']],
    [['import', 'a.json', '--operator', 'x,y', '--out', 'm.json']],
  ])('%j is a usage error: exit 2, nothing read', async (argv) => {
    const t = terminal();
    expect(await run(argv, t.io)).toBe(2);
    const lines = t.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^stacklayers import: /);
    expect(lines[1]).toBe("Run 'stacklayers import --help' for usage.");
    expect(t.reads).toEqual([]);
  });

  it('has help, listed in the usage', async () => {
    const t = terminal();
    expect(await run(['import', '--help'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^Usage: stacklayers import <file>\.\.\./);
    for (const command of ['openstack hypervisor list --long -f json', 'kubectl get pods -A -o json'])
      expect(t.stdout()).toContain(command);
    const u = terminal();
    expect(await run(['--help'], u.io)).toBe(0);
    expect(u.stdout()).toContain('stacklayers import <file>...');
  });
});
