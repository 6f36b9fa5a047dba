import { readdirSync, readFileSync } from 'node:fs';
import { CSP_META, cspHeader } from '../scripts/securityHeaders';
import { expect, node, type Page, test, waitReady } from './fixtures';
import { recordViolations, serveWithHeaders, violations } from './security';

/**
 * The Content-Security-Policy of the build: the app, the embed and the web-component example run a whole
 * session without one violation, with the policy from the `<meta>` tag and with the headers of
 * `public/_headers` served for real.
 */

const defaultText = readFileSync(new URL('../public/models/default.json', import.meta.url), 'utf8');
const helmCloud = (() => {
  const base = new URL('../fixtures/import/helm-cloud/', import.meta.url);
  return readdirSync(base)
    .filter((f) => f !== 'README.md')
    .map((name) => ({ name, text: readFileSync(new URL(name, base), 'utf8') }));
})();

/** A whole session in the app: everything that loads code, styles, images or data. */
async function useTheWholeApp(page: Page) {
  await page.route('**/__routed/cloud.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: defaultText.replace('"Small cloud"', '"Routed cloud"'),
    }),
  );
  await page.goto('/?model=/__routed/cloud.json&topology=traditional');
  await waitReady(page, 'traditional');
  await expect(page.getByTestId('model-status')).toContainText('Routed cloud');

  // View switches, details, the explain panel.
  await page.getByRole('switch', { name: 'OpenStack control plane on Kubernetes' }).click();
  await waitReady(page, 'control-plane-on-k8s');
  await page.getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
  await waitReady(page, 'both');
  await node(page, 'kvm1').click();
  await expect(page.getByTestId('details')).toContainText('kvm1');
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  for (const tab of ['Numbers', 'What if', 'Outline']) await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('button', { name: 'Explain', exact: true }).click();

  // The editor (a lazy chunk; CodeMirror writes its styles at run time): type, complete.
  await page.getByRole('button', { name: 'Edit JSON' }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n');
  await page.keyboard.press('Control+Space');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Edit JSON' }).click();

  // Share: snippets, SVG and PNG export (blob URLs, an image, a canvas).
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and export' });
  const svg = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download SVG' }).click();
  await svg;
  const png = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download PNG (2x)' }).click();
  await png;
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A tour, two steps.
  await page.getByRole('button', { name: 'Tour' }).click();
  await expect(page.getByTestId('tour')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');

  // Import (a lazy chunk): drop the openstack and kubectl output of a cloud.
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, helmCloud);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('model-status')).toContainText('Imported cloud');
  await waitReady(page);
}

test.describe('Content-Security-Policy from the <meta> tag', () => {
  test.beforeEach(async ({ page }) => recordViolations(page));

  test('the app: a whole session without a violation', async ({ page }) => {
    test.slow(); // a long session: every lazy chunk, exports, a tour and an import
    await useTheWholeApp(page);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      CSP_META.app,
    );
    expect(await violations(page)).toEqual([]);
  });

  test('the policy is in force: an inline script and a style attribute are refused and reported', async ({
    page,
    guard,
  }) => {
    guard.allow('Content Security Policy');
    await page.goto('/');
    await waitReady(page);
    expect(await violations(page)).toEqual([]);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      document.body.setAttribute('style', 'outline: 5px solid red');
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    await expect(page.locator('body')).not.toHaveCSS('outline-style', 'solid');
    await expect
      .poll(async () => (await violations(page)).map((v) => v.directive).sort())
      .toEqual(['script-src-elem', 'style-src-attr']);
  });

  test('the embed: switches and details without a violation', async ({ page }) => {
    await page.goto('/embed.html?topology=traditional');
    await waitReady(page, 'traditional');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      CSP_META.embed,
    );
    await page.getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    await waitReady(page, 'k8s-in-tenant');
    await node(page, 'kvm1').click();
    await expect(page.getByTestId('details')).toContainText('kvm1');
    expect(await violations(page)).toEqual([]);
  });

  test('the web-component example page, under the same policy', async ({ page }) => {
    await page.goto('/examples/web-component.html');
    const wcs = page.locator('stacklayers-diagram');
    await expect(wcs).toHaveCount(2);
    for (const wc of await wcs.all())
      await expect(wc.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      CSP_META.embed,
    );
    // Its styles apply in the shadow root (adopted, not a <style> element the policy would refuse).
    await expect(wcs.first().locator('.sl-el[data-id="kvm1"]')).toBeVisible();
    await wcs.first().getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    await expect(
      wcs.first().locator('[data-testid="diagram"][data-ready="true"][data-view="control-plane-on-k8s"]'),
    ).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('Content-Security-Policy and the other headers, as a host sends them', () => {
  test.beforeEach(async ({ page, baseURL }) => {
    await recordViolations(page);
    await serveWithHeaders(page, baseURL);
  });

  test('the app: the same session, with the header policy too', async ({ page }) => {
    test.slow();
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(cspHeader('app'));
    expect(headers['x-content-type-options']).toBe('nosniff');
    await useTheWholeApp(page);
    expect(await violations(page)).toEqual([]);
  });

  test("another site may frame the embed, not the app; the app's own site may frame it", async ({
    page,
    baseURL,
    guard,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    guard.allow('http://docs.example.test');
    guard.allow("frame-ancestors 'self'");
    await page.route('http://docs.example.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body>
          <iframe id="embed" title="embed" src="${origin}/embed.html?topology=both" style="width:800px;height:300px"></iframe>
          <iframe id="app" title="app" src="${origin}/?topology=both" style="width:800px;height:300px"></iframe>
        </body>`,
      }),
    );
    await page.goto('http://docs.example.test/page.html');
    await expect(
      page.frameLocator('#embed').locator('[data-testid="diagram"][data-ready="true"][data-view="both"]'),
    ).toBeVisible();
    // The app's frame is refused: the browser shows its error page instead of the app.
    await expect
      .poll(
        () => page.frames().find((f) => f.name() === '' && f.url().startsWith('chrome-error:')) !== undefined,
      )
      .toBe(true);
    await expect(page.frameLocator('#app').locator('[data-testid="diagram"]')).toHaveCount(0);

    // On its own site the app may be framed.
    await page.route('**/__same-site.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><body><iframe id="app" title="app" src="/?topology=traditional" style="width:1000px;height:500px"></iframe></body>',
      }),
    );
    await page.goto('/__same-site.html');
    await expect(
      page
        .frameLocator('#app')
        .locator('[data-testid="diagram"][data-ready="true"][data-view="traditional"]'),
    ).toBeVisible();
    expect((await violations(page)).filter((v) => v.directive !== 'frame-ancestors')).toEqual([]);
  });
});
