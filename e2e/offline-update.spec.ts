import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { cspHeader } from '../scripts/securityHeaders';
import { expect, test, waitReady } from './fixtures';
import { type StaticSite, serveSite } from './staticSite';

// The service worker's update flow, with two real builds served from a docs site's sub-path, the host's
// Content-Security-Policy on the pages and on sw.js itself (no eval, no inline script): the first build is
// precached and works offline; a second build whose tour file changed (same name, new content) and which no longer
// has a file is picked up by the worker: it downloads only the changed file, drops the removed one, and the page
// reloaded offline gets the new content. embed.html, too, opens offline (as itself, not as the app).

const BASE = '/docs/stacklayers/';
const root = fileURLToPath(new URL('..', import.meta.url));
const TOUR = 'tours/default.json';
const GONE = 'examples/web-component.css';
let work: string;
let served: string;
let v2: string;
let site: StaticSite;

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = mkdtempSync(join(tmpdir(), 'stacklayers-sw-'));
  // The second build: the same sources, a public folder whose tour changed and which lost a file.
  const publicDir = join(work, 'public');
  cpSync(join(root, 'public'), publicDir, { recursive: true });
  const tour = JSON.parse(readFileSync(join(publicDir, TOUR), 'utf8'));
  tour[0].title = `${tour[0].title} (second edition)`;
  writeFileSync(join(publicDir, TOUR), JSON.stringify(tour, null, 2));
  rmSync(join(publicDir, GONE));
  v2 = join(work, 'v2');
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    publicDir,
    logLevel: 'error',
    build: { outDir: v2, emptyOutDir: true },
  });
  // The site serves the first build (the one `npm run build` made) until the test deploys the second.
  served = join(work, 'site');
  cpSync(join(root, 'dist'), served, { recursive: true });
  const policy: Record<string, string> = { 'content-security-policy': cspHeader('app') };
  site = await serveSite({ [BASE]: `${served}/` }, (file) =>
    ['.html', '.js'].includes(extname(file)) ? policy : {},
  );
});
test.afterAll(async () => {
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The precache's URLs (without Workbox's revision parameter) and the tour's revision there. */
async function precached(page: Page): Promise<{ urls: string[]; tourRevision: string | null }> {
  return page.evaluate(
    async ([tour]) => {
      const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
      const keys = name ? await (await caches.open(name)).keys() : [];
      const urls = keys.map((r) => new URL(r.url));
      return {
        urls: urls.map((u) => u.pathname),
        tourRevision:
          urls.find((u) => u.pathname.endsWith(`/${tour}`))?.searchParams.get('__WB_REVISION__') ?? null,
      };
    },
    [TOUR],
  );
}

const tourTitle = (page: Page) =>
  page.evaluate(async (tour) => (await (await fetch(tour)).json())[0].title as string, TOUR);

test('a new build replaces the old precache: only what changed is downloaded, and it is what works offline', async ({
  page,
  context,
  guard,
}) => {
  guard.allow(site.url);
  await page.goto(`${site.url}${BASE}?topology=both`);
  await waitReady(page, 'both');
  // The first build: registered once the diagram is drawn, precached, in control of the page.
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  const first = await precached(page);
  expect(first.urls).toContain(`${BASE}${GONE}`);
  expect(first.urls).toContain(`${BASE}index.html`);
  expect(first.tourRevision).not.toBeNull();
  expect(await tourTitle(page)).not.toContain('second edition');

  // Deploy the second build and let the worker look for it (as a browser does on a later visit).
  rmSync(served, { recursive: true });
  cpSync(v2, served, { recursive: true });
  site.log.length = 0;
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
        void navigator.serviceWorker.getRegistration().then((r) => r?.update());
      }),
  );
  // Downloaded: the new worker and the one changed file, nothing else of the build.
  expect(site.log.map((l) => l.replace(/\?.*/, ''))).toEqual([`200 ${BASE}sw.js`, `200 ${BASE}${TOUR}`]);
  // The new worker takes control, then drops what the second build no longer has (the old tour, the gone file).
  await expect.poll(async () => (await precached(page)).urls.length).toBe(first.urls.length - 1);
  const second = await precached(page);
  expect(second.tourRevision).not.toBeNull();
  expect(second.tourRevision).not.toBe(first.tourRevision);
  expect(second.urls).not.toContain(`${BASE}${GONE}`);

  // Offline: the app reloads from the new precache, with the new tour; the embed page opens as itself.
  await context.setOffline(true);
  await page.reload();
  await waitReady(page, 'both');
  expect(await tourTitle(page)).toContain('second edition');
  await page.goto(`${site.url}${BASE}embed.html?topology=traditional`);
  await waitReady(page, 'traditional');
  expect(await page.locator('header').count()).toBe(0);
  await context.setOffline(false);
});
