import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SVG_PALETTES } from '../src/render/svg';
import { expect, test } from './fixtures';
import { interLoaded, type StaticSite, serveSite } from './staticSite';

// The npm package as a user gets it: `npm pack` of this build, installed into an empty folder. The command
// runs from there (built JavaScript, no dependencies installed with it), the API imports, its types check,
// and the one-file web component copied out of it draws in a plain static page under a sub-path, fetching
// nothing but the model the page names. Needs the build (`npm run build`, which `npm test` runs first).

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
let dir: string;
let packed: string[];
let site: StaticSite;

// Each test runs commands (npm, node, tsc, Chromium for PNG): minutes on a busy machine, not a page's seconds.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'stacklayers-pack-'));
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: root,
  });
  const [result] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  if (!result) throw new Error('npm pack wrote nothing');
  packed = result.files.map((f) => f.path);
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "docs-site", "private": true, "type": "module" }\n');
  await run('npm', ['install', '--no-audit', '--no-fund', join(dir, result.filename)], { cwd: app });
});

test.afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const app = () => join(dir, 'app');
const cli = (...args: string[]) => run(join(app(), 'node_modules/.bin/stacklayers'), args, { cwd: app() });

test('the tarball holds the build, the licence and the command, not the sources', () => {
  for (const file of [
    'package.json',
    'LICENSE',
    'README.md',
    'bin/stacklayers.mjs',
    'dist/lib/cli.js',
    'dist/lib/index.js',
    'dist/lib/index.d.ts',
    'dist/stacklayers-diagram.js',
    'dist/embed.html',
    'dist/index.html',
    'dist/schema/model.v1.json',
  ])
    expect(packed).toContain(file);
  expect(packed.filter((f) => /^(src|e2e|bench|scripts|node_modules|test-results)\//.test(f))).toEqual([]);
  // Every file `exports` names is in it (a build step that has not run here leaves none out unnoticed).
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const targets = Object.values(pkg.exports).flatMap((t) =>
    typeof t === 'string' ? [t] : Object.values(t as object),
  );
  for (const target of targets as string[])
    if (!target.includes('*') && existsSync(join(root, target))) expect(packed).toContain(target.slice(2));
});

test('installs alone: no dependency comes with it, and no TypeScript runs', () => {
  const installed = readdirSync(join(app(), 'node_modules')).filter((n) => !n.startsWith('.'));
  expect(installed).toEqual(['stacklayers']);
  expect(existsSync(join(app(), 'node_modules/stacklayers/src'))).toBe(false);
});

test('the stacklayers command validates and renders from the installed package', async () => {
  const model = join(app(), 'cloud.json');
  copyFileSync(join(root, 'public/models/default.json'), model);
  const help = await cli('render', '--help');
  expect(help.stdout).toContain('--theme light|dark|auto');
  expect((await cli('validate', 'cloud.json')).stdout).toMatch(/^cloud\.json: OK, valid model "Small cloud"/);
  const rendered = await cli('render', 'cloud.json', '--topology', 'both', '--out', 'both.svg');
  expect(rendered.stdout).toMatch(/^wrote both\.svg: SVG of the both view/);
  const svg = readFileSync(join(app(), 'both.svg'), 'utf8');
  expect(svg).toContain('data-view="both"');
  expect(svg).toContain('data-id="ctl1"');
  // An invalid model: exit 1 and the problem, as from a checkout.
  writeFileSync(join(app(), 'bad.json'), '{ "version": 1, "hosts": [] ');
  const bad = await cli('validate', 'bad.json').catch((err: { code: number; stderr: string }) => err);
  expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/^bad\.json:1:\d+ /) });
});

test('PNG: without Playwright it says what to install; with playwright-core added, it draws', async () => {
  const png = () => cli('render', 'cloud.json', '--topology', 'traditional', '--out', 'cloud.png');
  const refused = await png().catch((err: { code: number; stderr: string }) => err);
  expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('npm install playwright-core') });
  // The optional peer dependency, as a user adds it (here the checkout's own copy, so no download).
  await run('npm', ['install', '--no-audit', '--no-fund', join(root, 'node_modules/playwright-core')], {
    cwd: app(),
  });
  expect((await png()).stdout).toMatch(/^wrote cloud\.png: PNG of the traditional view/);
  const bytes = readFileSync(join(app(), 'cloud.png'));
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});

test('the API imports from the package, and its types check', async () => {
  const script = [
    "import { renderSvg, validateModel, VIEWS, StacklayersModelError } from 'stacklayers';",
    "import { readFileSync } from 'node:fs';",
    "const text = readFileSync('cloud.json', 'utf8');",
    'let error;',
    "try { renderSvg('{}'); } catch (err) { error = err; }",
    'console.log(JSON.stringify({ views: VIEWS, valid: validateModel(text),',
    "  svg: renderSvg(text, { topology: 'both', theme: 'auto' }).slice(0, 400),",
    '  error: error instanceof StacklayersModelError && error.issues.length > 0,',
    "  diagram: import.meta.resolve('stacklayers/stacklayers-diagram.js') }));",
  ].join('\n');
  const out = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app() });
  const got = JSON.parse(out.stdout) as Record<string, unknown>;
  expect(got.views).toEqual(['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both']);
  expect(got.valid).toEqual({ ok: true });
  expect(got.svg).toContain('data-theme="auto"');
  expect(got.error).toBe(true);
  expect(got.diagram).toBe(`file://${join(app(), 'node_modules/stacklayers/dist/stacklayers-diagram.js')}`);
  // A consumer's TypeScript finds the types through `exports`.
  writeFileSync(
    join(app(), 'check.ts'),
    "import { renderSvg, type View } from 'stacklayers';\nconst view: View = 'both';\n" +
      "export const svg: string = renderSvg('{}', { topology: view, theme: 'auto', expanded: true });\n" +
      "// @ts-expect-error: not a view\nrenderSvg('{}', { topology: 'sideways' });\n",
  );
  const tsc = join(root, 'node_modules/.bin/tsc');
  await run(
    tsc,
    ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'check.ts'],
    {
      cwd: app(),
    },
  );
});

test('render --theme auto: one SVG, light or dark as the viewer prefers', async ({ page, guard }) => {
  await cli('render', 'cloud.json', '--topology', 'traditional', '--theme', 'auto', '--out', 'auto.svg');
  site = await serveSite({ '/docs/guide/auto.svg': join(app(), 'auto.svg') });
  guard.allow(site.url);
  const rgb = (hex: string) =>
    `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${site.url}/docs/guide/auto.svg`);
    const fills = await page.evaluate(() => {
      const fill = (el: Element | null) => (el ? getComputedStyle(el).fill : null);
      return {
        canvas: fill(document.querySelector('svg > rect')),
        host: fill(document.querySelector('g[data-id="ctl1"] > svg > rect:nth-of-type(2)')),
      };
    });
    expect(fills.canvas).toBe(rgb(SVG_PALETTES[scheme].canvas));
    expect(fills.host).toBe(rgb(SVG_PALETTES[scheme].hostBg));
  }
  await site.close();
});

/** A docs page under a sub-path, with the script copied out of the package into its static folder. */
const docsPage = (script: string, element: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Guide</title></head><body><h1>Our cloud</h1>${element}${script}</body></html>`;

test('the one-file web component, copied out of the package, draws in a static page as a module and as a classic script', async ({
  page,
  guard,
}) => {
  const own = {
    version: 1,
    name: 'Docs cloud',
    hosts: [
      { id: 'docs-ctl', roles: ['controller'] },
      { id: 'docs-cmp', roles: ['compute'] },
    ],
    services: [{ id: 'nova', processes: [{ id: 'nova-api', role: 'controller' }] }],
  };
  const pages = join(dir, 'site');
  mkdirSync(join(pages, 'docs/_static'), { recursive: true });
  mkdirSync(join(pages, 'docs/guide'), { recursive: true });
  // What a docs plugin does: resolve the file through the package's exports and copy it.
  const resolved = createRequire(join(app(), 'package.json')).resolve('stacklayers/stacklayers-diagram.js');
  copyFileSync(resolved, join(pages, 'docs/_static/stacklayers-diagram.js'));
  writeFileSync(join(pages, 'docs/_static/cloud.json'), JSON.stringify(own));
  writeFileSync(
    join(pages, 'docs/guide/module.html'),
    docsPage(
      '<script type="module" src="../_static/stacklayers-diagram.js"></script>',
      '<stacklayers-diagram id="wc" topology="traditional" model-src="../_static/cloud.json"></stacklayers-diagram>',
    ),
  );
  writeFileSync(
    join(pages, 'docs/guide/classic.html'),
    docsPage(
      '<script src="../_static/stacklayers-diagram.js"></script>',
      '<stacklayers-diagram id="wc" topology="both"></stacklayers-diagram>',
    ),
  );
  // A strict policy, as a careful docs host sends: no inline script or style, no eval, nothing but this origin.
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'";
  site = await serveSite({ '/docs/': `${join(pages, 'docs')}/` }, { 'content-security-policy': csp });
  guard.allow(site.url);
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });

  // As a module, with a model-src: the page, the script and the model, nothing else.
  await page.goto(`${site.url}/docs/guide/module.html`);
  const wc = page.locator('#wc');
  await expect(
    wc.locator('[data-testid="diagram"][data-ready="true"][data-view="traditional"]'),
  ).toBeVisible();
  await expect(wc.locator('.sl-el[data-id="docs-cmp"]')).toBeVisible();
  await expect.poll(() => page.evaluate(interLoaded)).toBe(true);
  await page.waitForTimeout(500);
  expect(site.log).toEqual([
    '200 /docs/guide/module.html',
    '200 /docs/_static/stacklayers-diagram.js',
    '200 /docs/_static/cloud.json',
  ]);

  // As a classic script (openstackdocstheme's text/javascript), with no model: the bundled default, no fetch.
  site.log.length = 0;
  await page.goto(`${site.url}/docs/guide/classic.html`);
  await expect(wc.locator('[data-testid="diagram"][data-ready="true"][data-view="both"]')).toBeVisible();
  await expect(wc.locator('.sl-el[data-id="ctl1"]')).toBeVisible();
  await page.waitForTimeout(500);
  expect(site.log).toEqual(['200 /docs/guide/classic.html', '200 /docs/_static/stacklayers-diagram.js']);
  expect(violations).toEqual([]);
  await site.close();
});
