import type { Frame } from '@playwright/test';
import { expect, type Locator, type Page, test } from './fixtures';
import { DEFAULT_HOSTS, serveHosts } from './hosts';

type HostRecord = {
  messages: { type: string; height?: number; view?: string }[];
  ready: { view: string; height: number }[];
  violations: string[];
};
const record = (page: Page) => page.evaluate(() => (window as unknown as { __host: HostRecord }).__host);

/** Every host of the default model is drawn inside `bounds` (the embed's visible box, in the same frame). */
async function allHostsInside(
  scope: Page | Frame | Locator,
  bounds: { x: number; y: number; width: number; height: number },
) {
  for (const id of DEFAULT_HOSTS) {
    const box = await scope.locator(`.sl-el[data-id="${id}"]`).first().boundingBox();
    expect(box, id).not.toBeNull();
    if (!box) continue;
    expect(box.x, `${id} left`).toBeGreaterThanOrEqual(bounds.x - 0.5);
    expect(box.x + box.width, `${id} right`).toBeLessThanOrEqual(bounds.x + bounds.width + 0.5);
    expect(box.y, `${id} top`).toBeGreaterThanOrEqual(bounds.y - 0.5);
    expect(box.y + box.height, `${id} bottom`).toBeLessThanOrEqual(bounds.y + bounds.height + 0.5);
  }
}

test.describe('an iframe in a 620 px docs column, with the helper script, under a strict CSP', () => {
  test('fits the whole diagram to the column, at the height it posts', async ({ page }) => {
    await serveHosts(page);
    await page.goto('/__hosts/iframe.html?gen=docusaurus');
    const frame = page.frameLocator('#frame');
    await expect(frame.locator('[data-testid="diagram"][data-ready="true"][data-view="both"]')).toBeVisible();
    await expect
      .poll(async () => (await record(page)).messages.some((m) => m.type === 'stacklayers:ready'))
      .toBe(true);
    await page.screenshot({ path: 'test-results/shots/iframe-620-light.png', fullPage: true });
    await page.click('#toggle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/shots/iframe-620-dark.png', fullPage: true });
  });
});

test.describe('the web component in a 620 px docs column, under a strict CSP', () => {
  test('fits, auto height', async ({ page }) => {
    await serveHosts(page);
    await page.goto('/__hosts/component.html?gen=material');
    const wc = page.locator('#wc');
    await expect(wc.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/shots/wc-620-light.png', fullPage: true });
    await page.click('#toggle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/shots/wc-620-dark.png', fullPage: true });
  });
});
