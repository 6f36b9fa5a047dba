import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { interLoaded, type StaticSite, serveSite } from './staticSite';

// The build works from any path, not only a domain root: dist/ served under /docs/stacklayers/ (as a docs
// site hosts it), the app and embed.html load with no 404, their fonts load, the model check runs in its
// worker (not the silent main-thread fallback), and the service worker installs with that path as its scope
// (it precaches every file of the build: one wrong URL and it never installs).

const BASE = '/docs/stacklayers/';
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let site: StaticSite;

test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  site = await serveSite({ [BASE]: dist });
});
test.afterAll(async () => {
  await site.close();
});

/** The check worker of the page: started from the build's file, its script run (its message handler set). */
async function expectCheckWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.workers().map((w) => new URL(w.url()).pathname))
    .toContainEqual(expect.stringMatching(new RegExp(`^${BASE}assets/checkWorker-[\\w-]+\\.js$`)));
  const worker = page.workers().find((w) => w.url().includes('/checkWorker-'));
  expect(await worker?.evaluate(() => typeof self.onmessage)).toBe('function');
  expect(site.log).toContainEqual(expect.stringMatching(/^200 .*\/assets\/checkWorker-/));
}

const notFound = () => site.log.filter((l) => !l.startsWith('200 '));

for (const page of ['', 'embed.html'] as const)
  test(`${page || 'the app'} under ${BASE}: every file found, fonts, the check worker${page ? '' : ', the service worker'}`, async ({
    page: tab,
    guard,
  }) => {
    guard.allow(site.url);
    site.log.length = 0;
    await tab.goto(`${site.url}${BASE}${page}?model=models/nested.json&topology=both`);
    await expect(tab.locator('[data-testid="diagram"][data-ready="true"][data-view="both"]')).toBeVisible();
    // The model named by a relative ?model= came from under the sub-path, checked in the worker.
    await expect(tab.locator('.sl-el[data-id="ctl3"]')).toBeVisible();
    expect(site.log).toContain(`200 ${BASE}models/nested.json`);
    await expectCheckWorker(tab);
    await expect.poll(() => tab.evaluate(interLoaded)).toBe(true);
    expect(site.log).toContainEqual(expect.stringMatching(/^200 .*inter-latin-wght-normal-[\w-]+\.woff2$/));
    if (page === '') {
      // The app's service worker registers once the diagram is drawn; `ready` resolves once it has precached
      // the build. (embed.html registers none.)
      const scope = await tab.evaluate(() =>
        navigator.serviceWorker.ready.then((registration) => registration.scope),
      );
      expect(scope).toBe(`${site.url}${BASE}`);
    }
    expect(notFound()).toEqual([]);
    expect(site.log.every((l) => l.split(' ')[1]?.startsWith(BASE))).toBe(true);
  });
