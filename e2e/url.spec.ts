import { expect, expectView, switches, test, VIEWS, waitReady } from './fixtures';

test.describe('deep links', () => {
  for (const view of VIEWS) {
    test(`?topology=${view} opens that view`, async ({ page }) => {
      await page.goto(`/?topology=${view}`);
      await expectView(page, view);
    });
  }

  test('an unknown topology falls back to traditional and rewrites the URL, keeping the rest', async ({
    page,
  }) => {
    await page.goto('/?topology=nonsense&theme=dark#here');
    await expectView(page, 'traditional');
    const url = new URL(page.url());
    expect(url.searchParams.get('topology')).toBe('traditional');
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.hash).toBe('#here');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the URL is rewritten in place on load: no extra history entry', async ({ page }) => {
    await page.goto('/');
    await waitReady(page, 'traditional');
    const length = await page.evaluate(() => history.length);
    await switches(page).k8sInTenant.click();
    await expectView(page, 'k8s-in-tenant');
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    await page.goBack();
    await expectView(page, 'traditional');
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

test.describe('history', () => {
  test('back and forward restore the view and the switches', async ({ page }) => {
    await page.goto('/');
    await expectView(page, 'traditional');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'control-plane-on-k8s');
    await switches(page).k8sInTenant.click();
    await expectView(page, 'both');

    await page.goBack();
    await expectView(page, 'control-plane-on-k8s');
    await page.goBack();
    await expectView(page, 'traditional');

    await page.goForward();
    await expectView(page, 'control-plane-on-k8s');
    await page.goForward();
    await expectView(page, 'both');
  });

  test('a switch after going back replaces the forward history', async ({ page }) => {
    await page.goto('/?topology=k8s-in-tenant');
    await expectView(page, 'k8s-in-tenant');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'both');
    await page.goBack();
    await expectView(page, 'k8s-in-tenant');
    await switches(page).k8sInTenant.click();
    await expectView(page, 'traditional');
    await page.goBack();
    await expectView(page, 'k8s-in-tenant');
    await page.goForward();
    await expectView(page, 'traditional');
  });

  test('a reload keeps the view', async ({ page }) => {
    await page.goto('/');
    await waitReady(page, 'traditional');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'control-plane-on-k8s');
    await page.reload();
    await expectView(page, 'control-plane-on-k8s');
  });
});
