import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page, TestInfo } from '@playwright/test';
import { copyComponent } from '../integrations/core/stacklayers.mjs';
import { expect, test } from './fixtures';
import { recordViolations, violations } from './security';

/**
 * Real docs sites (e2e/sites/*), built by the real generators with the Stacklayers fence or directive, then
 * read in Chromium as a reader would: the static SVG without JavaScript, the component fitted in the
 * content column, the site's own light/dark toggle, print, and no console error or CSP violation.
 *
 * The sites are served from `http://sites.test/<name>/` by routing (no server, no port), with a strict
 * Content-Security-Policy: scripts only from the site itself plus the hashes of the generator's own inline
 * scripts (Stacklayers adds none).
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SITES = join(ROOT, 'e2e', 'sites');
const ORIGIN = 'http://sites.test';

/** The model written in the pages' second fence: its name carries markup and a Vue interpolation. */
const TINY_NAME = 'Tiny {{ 6 * 7 }} <b>cloud</b>';

export interface Site {
  name: string;
  /** The built site, served at `/<name>/`. */
  out: string;
  /** The page with the diagrams, under `/<name>/`, as the site links to it. */
  page: string;
  /** A viewport width at which the site's content column is about 620 px wide. */
  width: number;
  /** Builds the site (the generator's own command). */
  build(): void;
  /** The site's own light/dark toggle: clicks it until the site is dark. Absent: the site has none. */
  toDark?(page: Page): Promise<void>;
  /** The element of the site's content column (its paragraphs are as wide as the column). */
  column: string;
  /** The model is in a `model` attribute (React's JSX) rather than a `<template>`. */
  modelAttribute?: boolean;
  /**
   * The theme's own inline event handlers (attribute values), allowed one by one by their hash
   * (`script-src-attr 'unsafe-hashes' 'sha256-…'`): the policy such a theme needs. Stacklayers writes none.
   */
  themeHandlers?: string[];
}

function run(command: string, args: string[], cwd: string) {
  execFileSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PYTHONPATH: join(ROOT, 'integrations', 'python') },
  });
}

/** Debian's Python, where the generators are installed (`apt-get install mkdocs python3-sphinx ...`). */
const PYTHON = process.env.DOCS_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

const bin = (name: string) => join(SITES, 'node_modules', '.bin', name);

/** Clicks a toggle until `isDark` holds (three-way toggles pass through "system"). */
async function clickUntilDark(toggle: Locator, isDark: () => Promise<boolean>) {
  for (let i = 0; i < 3 && !(await isDark()); i++) await toggle.click();
  expect(await isDark(), 'the site turned dark').toBe(true);
}

const SITE_LIST: Site[] = [
  {
    name: 'mkdocs',
    out: join(SITES, 'mkdocs', 'site'),
    page: 'index.html',
    width: 960,
    column: 'article.md-content__inner',
    build() {
      const dir = join(SITES, 'mkdocs');
      copyComponent(join(dir, 'docs', 'javascripts'));
      run(PYTHON, ['-m', 'mkdocs', 'build', '--strict', '--quiet'], dir);
    },
    async toDark(page) {
      await clickUntilDark(
        page.locator('label[title="Switch to dark mode"]:visible'),
        async () => (await page.locator('body').getAttribute('data-md-color-scheme')) === 'slate',
      );
    },
  },
  ...(['alabaster', 'openstackdocstheme'] as const).map(
    (theme): Site => ({
      name: `sphinx-${theme}`,
      out: join(SITES, `sphinx-${theme}`, '_build', 'html'),
      page: 'index.html',
      width: theme === 'alabaster' ? 1000 : 1024,
      column: theme === 'alabaster' ? 'div.body' : 'div.docs-body',
      // openstackdocstheme's "Docs Home" button: <button onclick="location.href='/'">.
      themeHandlers: theme === 'openstackdocstheme' ? ["location.href='/'"] : undefined,
      build() {
        const dir = join(SITES, `sphinx-${theme}`);
        run(PYTHON, ['-m', 'sphinx', '-W', '-q', '-E', '-b', 'html', '.', '_build/html'], dir);
      },
    }),
  ),
  {
    name: 'vitepress',
    out: join(SITES, 'vitepress', '.vitepress', 'dist'),
    page: 'index.html',
    width: 1280,
    column: '.vp-doc',
    build() {
      run(bin('vitepress'), ['build', 'vitepress'], SITES);
    },
    async toDark(page) {
      const isDark = async () =>
        (await page.locator('html').getAttribute('class'))?.includes('dark') ?? false;
      const inBar = page.locator('.VPNavBarAppearance .VPSwitchAppearance');
      if (await inBar.isVisible()) return clickUntilDark(inBar, isDark);
      await page.locator('.VPNavBarExtra button').first().click();
      await clickUntilDark(
        page.locator('.VPMenu .VPSwitchAppearance, .VPNavBarExtra .VPSwitchAppearance'),
        isDark,
      );
    },
  },
  {
    name: 'docusaurus',
    out: join(SITES, 'docusaurus', 'build'),
    // Docusaurus's client router knows the page as `/docusaurus/`: at `/docusaurus/index.html` it would route
    // to "not found" and replace the server's HTML (React's hydration error #418), diagrams or not.
    page: '',
    // The doc column is 75 % of the main area beside the 300 px sidebar (kept for a table of contents).
    width: 1170,
    column: 'article .markdown',
    modelAttribute: true,
    build() {
      copyComponent(join(SITES, 'docusaurus', 'static', 'stacklayers'));
      run(bin('docusaurus'), ['build', 'docusaurus'], SITES);
    },
    async toDark(page) {
      await clickUntilDark(
        page.getByRole('button', { name: /dark and light mode/ }),
        async () => (await page.locator('html').getAttribute('data-theme')) === 'dark',
      );
    },
  },
];

const site = (name: string): Site => {
  const found = SITE_LIST.find((s) => s.name === name);
  if (!found) throw new Error(`no site ${name}`);
  return found;
};

/** Builds the site; DOCS_SITES_REUSE=1 keeps an existing build (for a quick local rerun, never in CI). */
function buildSite(s: Site) {
  if (process.env.DOCS_SITES_REUSE === '1' && existsSync(join(s.out, s.page))) return;
  s.build();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The hashes of a page's inline scripts (the generator's own), for its script-src. */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs = '', body = ''] = m;
    if (/\ssrc=/i.test(attrs) || /type=["']?application\/(ld\+)?json/i.test(attrs)) continue;
    hashes.push(sha256(body));
  }
  return hashes;
}

/**
 * The policy a careful docs host sends: nothing inline but the generator's own hashed scripts, and the
 * theme's own event handlers where it has any (each by its hash).
 */
function cspFor(html: string, themeHandlers: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(' ')}`.trim(),
    ...(themeHandlers.length
      ? [`script-src-attr 'unsafe-hashes' ${themeHandlers.map(sha256).join(' ')}`]
      : []),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Serves the built site at `http://sites.test/<name>/` in this context, with the strict CSP on pages. */
async function serveSite(context: BrowserContext, s: Site) {
  const base = `/${s.name}/`;
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (!path.startsWith(base)) return route.fulfill({ status: 404, body: 'not found' });
    let file = normalize(join(s.out, path.slice(base.length)));
    if (!file.startsWith(resolve(s.out))) return route.fulfill({ status: 403, body: 'forbidden' });
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    if (type.startsWith('text/html'))
      headers['content-security-policy'] = cspFor(body.toString('utf8'), s.themeHandlers);
    return route.fulfill({ status: 200, body, headers });
  });
}

const pageUrl = (s: Site) => `${ORIGIN}/${s.name}/${s.page}`;

const diagrams = (page: Page) => page.locator('stacklayers-diagram');

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The boxes the component drew in its shadow root (every element of the model carries `data-id`: React
 * Flow's nodes, or the groups of a static SVG it may print), its own box and its theme. Empty `boxes` when it
 * has not drawn (yet).
 */
async function drawnBoxes(el: Locator): Promise<{ host: Rect; boxes: Rect[]; theme: string | null }> {
  return el.evaluate((host) => {
    const r = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    };
    const root = host.shadowRoot;
    const boxes = root ? [...root.querySelectorAll('[data-id]')].map(r).filter((b) => b.width > 0) : [];
    return {
      host: r(host),
      boxes,
      theme: root?.querySelector('[data-theme]')?.getAttribute('data-theme') ?? null,
    };
  });
}

/** The ids of the hosts the component drew (React Flow's host nodes in its shadow root), sorted. */
const drawnHosts = (el: Locator): Promise<string[]> =>
  el.evaluate((host) =>
    [...(host.shadowRoot?.querySelectorAll('.react-flow__node-host') ?? [])]
      .map((n) => n.getAttribute('data-id') ?? '')
      .sort(),
  );

/** Every drawn box inside the element's box (1 px of rounding allowed), and at least `min` of them. */
async function expectFitted(el: Locator, min = 5) {
  await expect
    .poll(async () => (await drawnBoxes(el)).boxes.length, { message: 'the diagram is drawn' })
    .toBeGreaterThanOrEqual(min);
  const { host, boxes } = await drawnBoxes(el);
  const outside = boxes.filter(
    (b) =>
      b.x < host.x - 1 ||
      b.y < host.y - 1 ||
      b.x + b.width > host.x + host.width + 1 ||
      b.y + b.height > host.y + host.height + 1,
  );
  expect(outside, `no box outside the element's box ${JSON.stringify(host)}`).toEqual([]);
  return host;
}

/** The inline model as the element carries it: the `<template>`'s text, or the `model` attribute. */
async function inlineModel(el: Locator, attribute: boolean): Promise<unknown> {
  const text = await el.evaluate(
    (host, attr) =>
      attr ? host.getAttribute('model') : (host.querySelector('template')?.content.textContent ?? null),
    attribute,
  );
  return JSON.parse(text ?? 'null');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Without JavaScript: the static SVG and the inline model are in the page, as written. */
async function staticPage(s: Site, browser: Browser) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: s.width, height: 900 },
  });
  await serveSite(context, s);
  const page = await context.newPage();
  await page.goto(pageUrl(s));
  const els = diagrams(page);
  await expect(els).toHaveCount(2);
  // The static picture: an inline SVG (an image of it in MDX), named by its title and description.
  const pictures = page.locator(
    'stacklayers-diagram > .stacklayers-static > svg, stacklayers-diagram > img.stacklayers-static',
  );
  await expect(pictures).toHaveCount(2);
  await expect(pictures.first()).toHaveAccessibleName(/^Small cloud: both view\.? Layered diagram/);
  await expect(pictures.nth(1)).toHaveAccessibleName(
    new RegExp(`^${escapeRegExp(TINY_NAME)}: traditional view`),
  );
  // Model text stayed text: no element made of it, no interpolation run.
  await expect(page.locator('stacklayers-diagram b')).toHaveCount(0);
  // The static picture fits the column.
  const column = await page.locator(`${s.column} p`).first().boundingBox();
  const picture = await pictures.first().boundingBox();
  expect(
    picture && column && picture.width > 200 && picture.x + picture.width <= column.x + column.width + 1,
  ).toBe(true);
  // The inline models survived server rendering exactly.
  const tiny = (await inlineModel(els.nth(1), s.modelAttribute ?? false)) as { name?: string };
  expect(tiny.name).toBe(TINY_NAME);
  const small = (await inlineModel(els.first(), s.modelAttribute ?? false)) as {
    name?: string;
    hosts?: unknown[];
  };
  expect(small.name).toBe('Small cloud');
  expect(small.hosts?.length).toBe(10);
  // Stacklayers wrote no inline script.
  const html = await page.content();
  for (const m of html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi))
    expect(m[1] ?? '').not.toContain('stacklayers');
  // Nor any event handler: the page's inline handlers are the theme's own, which its policy names.
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.value),
    ),
  );
  expect(handlers).toEqual(s.themeHandlers ?? []);
  await context.close();
}

/** The component draws each diagram fitted in the content column, with no CSP violation. */
async function drawnInColumn(s: Site, page: Page, info: TestInfo) {
  await page.goto(pageUrl(s));
  const column = await page.locator(`${s.column} p`).first().boundingBox();
  expect(column?.width ?? 0).toBeGreaterThan(580);
  expect(column?.width ?? 0).toBeLessThan(720);
  for (const i of [0, 1]) {
    const el = diagrams(page).nth(i);
    await el.scrollIntoViewIfNeeded();
    const host = await expectFitted(el, i === 0 ? 20 : 2);
    expect(host.width).toBeLessThanOrEqual((column?.width ?? 0) + 1);
    // Height follows the fitted diagram: the small model is not drawn in a tall box.
    expect(host.height).toBeGreaterThan(80);
    // The component replaced the static picture.
    expect(await el.locator('.stacklayers-static').boundingBox()).toBeNull();
  }
  // Each draws its own inline model (not the bundled default): the hosts it names, and only those.
  expect(await drawnHosts(diagrams(page).first())).toHaveLength(10);
  expect(await drawnHosts(diagrams(page).nth(1))).toEqual(['ctl1', 'kvm1']);
  await page.screenshot({ path: info.outputPath(`${s.name}-light.png`), fullPage: true });
  expect(await violations(page)).toEqual([]);
}

/** The diagram follows the site's light/dark toggle (or the reader's colour scheme). */
async function followsTheme(s: Site, page: Page, info: TestInfo) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(pageUrl(s));
  const el = diagrams(page).first();
  await expectFitted(el);
  await expect.poll(async () => (await drawnBoxes(el)).theme).toBe('light');
  if (s.toDark) await s.toDark(page);
  else await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await drawnBoxes(el)).theme).toBe('dark');
  await expectFitted(el);
  await page.screenshot({ path: info.outputPath(`${s.name}-dark.png`), fullPage: true });
  expect(await violations(page)).toEqual([]);
}

/** Printed: the whole diagram, a small model at its size on screen. */
async function printsWhole(s: Site, page: Page, info: TestInfo) {
  await page.goto(pageUrl(s));
  await expectFitted(diagrams(page).first());
  const tiny = diagrams(page).nth(1);
  await expectFitted(tiny, 2);
  // The tallest drawn box of host kvm1 (React Flow's node, or the printed picture's group).
  const hostBox = () =>
    tiny.evaluate((el) =>
      Math.max(
        0,
        ...[...(el.shadowRoot?.querySelectorAll('[data-id="kvm1"]') ?? [])].map(
          (n) => n.getBoundingClientRect().height,
        ),
      ),
    );
  const onScreen = await hostBox();
  await page.emulateMedia({ media: 'print' });
  for (const i of [0, 1]) await expectFitted(diagrams(page).nth(i), 2);
  // A small model prints at its size on screen, not blown up to the page's width.
  expect(onScreen).toBeGreaterThan(10);
  expect(await hostBox()).toBeLessThanOrEqual(onScreen * 1.5);
  const host = (await drawnBoxes(diagrams(page).first())).host;
  expect(host.x).toBeGreaterThanOrEqual(0);
  expect(host.x + host.width).toBeLessThanOrEqual(s.width);
  await page.screenshot({ path: info.outputPath(`${s.name}-print.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
}

/** The tests every site gets. */
export function describeSite(name: string) {
  const s = site(name);
  test.describe(`docs site: ${name}`, () => {
    test.describe.configure({ mode: 'default' });
    test.use({ baseURL: ORIGIN, viewport: { width: s.width, height: 900 } });

    test.beforeAll(() => {
      test.setTimeout(600_000);
      buildSite(s);
    });

    test.beforeEach(async ({ context, page }) => {
      // A docs page with two diagrams, screenshots and a PDF: more than the default 30 s on a busy machine.
      test.setTimeout(120_000);
      await serveSite(context, s);
      await recordViolations(page);
    });

    test('the page holds the static SVG and the inline model, as written (no JavaScript needed)', ({
      browser,
    }) => staticPage(s, browser));
    test('the component draws each diagram fitted in the ~620 px column, with no CSP violation', ({
      page,
    }, info) => drawnInColumn(s, page, info));
    test(
      s.toDark ? "follows the site's light/dark toggle" : 'follows the reader’s colour scheme',
      ({ page }, info) => followsTheme(s, page, info),
    );
    test('prints the whole diagram', ({ page }, info) => printsWhole(s, page, info));
  });
}
