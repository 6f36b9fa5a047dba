import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { serveHosts } from './hosts';

// A theme change recolours the diagram and nothing else: no refit, no glide, not one frame drawn at another
// place or size (a docs page that measures the embed then would take a wrong size).

/** Records the viewport's transform on every animation frame until `stop()`; returns the distinct values. */
async function watchTransform(viewport: Locator) {
  await viewport.evaluate((el) => {
    const seen: string[] = [];
    const w = window as unknown as { __seen: string[]; __stop: boolean };
    w.__seen = seen;
    w.__stop = false;
    const tick = () => {
      const t = getComputedStyle(el).transform;
      if (seen.at(-1) !== t) seen.push(t);
      if (!w.__stop) requestAnimationFrame(tick);
    };
    tick();
  });
  return async () =>
    viewport.evaluate(() => {
      const w = window as unknown as { __seen: string[]; __stop: boolean };
      w.__stop = true;
      return w.__seen;
    });
}

test('the web component keeps its viewport when the page toggles its theme', async ({ page }) => {
  await serveHosts(page);
  await page.goto('/__hosts/component.html?gen=material');
  const wc = page.locator('#wc');
  await expect(wc.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  const root = wc.locator('.sl-embed');
  await expect(root).toHaveAttribute('data-theme', 'light');
  // Settled first: the placement is done before the toggle.
  await page.waitForTimeout(600);
  const viewport = wc.locator('.react-flow__viewport');
  const stop = await watchTransform(viewport);
  await page.click('#toggle');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(1000);
  await page.click('#toggle');
  await expect(root).toHaveAttribute('data-theme', 'light');
  await page.waitForTimeout(1000);
  const seen = await stop();
  expect(seen, 'every transform the viewport had, frame by frame').toHaveLength(1);
});

test('the iframe embed keeps its viewport when the page toggles its theme', async ({ page }) => {
  await serveHosts(page);
  await page.goto('/__hosts/iframe.html?gen=docusaurus');
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.waitForTimeout(600);
  const viewport = frame.locator('.react-flow__viewport');
  const stop = await watchTransform(viewport);
  const height = await page.locator('#frame').evaluate((el) => el.getBoundingClientRect().height);
  await page.click('#toggle');
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(1000);
  const seen = await stop();
  expect(seen, 'every transform the viewport had, frame by frame').toHaveLength(1);
  expect(await page.locator('#frame').evaluate((el) => el.getBoundingClientRect().height)).toBe(height);
});

test('the app keeps its viewport when its theme changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  await page.waitForTimeout(600);
  const viewport = page.locator('[data-testid="diagram"] .react-flow__viewport');
  const stop = await watchTransform(viewport);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const before = await theme();
  // Auto, Light, Dark: two clicks reach the theme the page does not show.
  await page.getByTestId('theme-control').click();
  await page.getByTestId('theme-control').click();
  await expect.poll(theme).not.toBe(before);
  await page.waitForTimeout(1000);
  expect(await stop(), 'every transform the viewport had, frame by frame').toHaveLength(1);
});
