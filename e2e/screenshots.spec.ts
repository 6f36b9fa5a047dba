import type { Page, TestInfo } from '@playwright/test';
import { expect, fontsReady, gotoView, test, VIEWS } from './fixtures';

/** Screenshots for people to look at in the HTML report (not compared against baselines). */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await fontsReady(page);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`screenshots, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    for (const view of VIEWS) {
      test(`${view} at 1280x720`, async ({ page }, testInfo) => {
        await gotoView(page, view);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await shoot(page, testInfo, `${view}-${scheme}-1280x720`);
      });
    }

    test.describe('narrow', () => {
      test.use({ viewport: { width: 390, height: 844 } });

      test('traditional at 390x844', async ({ page }, testInfo) => {
        await gotoView(page, 'traditional');
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        // The switches stay reachable on a phone-sized screen.
        await expect(
          page.getByRole('switch', { name: 'OpenStack control plane on Kubernetes' }),
        ).toBeInViewport();
        await expect(page.getByRole('switch', { name: 'Kubernetes in a tenant project' })).toBeInViewport();
        await shoot(page, testInfo, `traditional-${scheme}-390x844`);
      });
    });
  });
}
