import { readFileSync } from 'node:fs';
import { expect, type Page, postToEmbed, test } from './fixtures';

const defaultText = readFileSync(new URL('../public/models/default.json', import.meta.url), 'utf8');

async function embedReady(page: Page, view?: string) {
  await expect(
    page.locator(`[data-testid="diagram"][data-ready="true"]${view ? `[data-view="${view}"]` : ''}`),
  ).toBeVisible();
}

test.describe('embed.html', () => {
  test('shows the diagram alone, with the URL parameters', async ({ page }) => {
    await page.goto('/embed.html?topology=both&theme=dark&persona=tenant&select=prod-k8s');
    await embedReady(page, 'both');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Legend' })).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('.sl-el[data-id="prod-k8s"]')).toHaveClass(/sl-owned/);
    await expect(page.getByTestId('details')).toContainText('prod-k8s');
    await expect(page.getByRole('switch', { name: 'Kubernetes in a tenant project' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await page.getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    await embedReady(page, 'control-plane-on-k8s');
  });

  test('controls=0 hides the switches; interactive=0 turns pan, zoom and selection off', async ({ page }) => {
    await page.goto('/embed.html?topology=k8s-in-tenant&controls=0&interactive=0');
    await embedReady(page, 'k8s-in-tenant');
    await expect(page.getByRole('switch')).toHaveCount(0);
    await expect(page.locator('.react-flow__controls')).toHaveCount(0);
    const before = await page.locator('.react-flow__viewport').getAttribute('style');
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, -400);
    await page.locator('.sl-el[data-id="kvm1"]').click();
    await expect(page.getByTestId('details')).toHaveCount(0);
    expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(before);
  });

  test('takes the model from ?model= and from #model=', async ({ page }) => {
    await page.goto('/embed.html?model=/models/nested.json&topology=both');
    await embedReady(page, 'both');
    await expect(page.locator('.sl-el[data-id="retail"]')).toBeVisible();
    await expect(page.locator('.sl-el[data-id="acme-web"]')).toHaveCount(0);
    const mini = { version: 1, name: 'Tiny', hosts: [{ id: 'h1', roles: ['compute'] }], services: [] };
    const encoded = await page.evaluate(async (text) => {
      const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }, JSON.stringify(mini));
    await page.goto(`/embed.html?topology=traditional#model=${encoded}`);
    await embedReady(page, 'traditional');
    await expect(page.locator('.sl-el[data-id="h1"]')).toBeVisible();
  });

  test('tells its parent its height, and obeys only the parent page', async ({ page }) => {
    await page.route('**/__host.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body style="margin:0">
          <iframe id="f" src="/embed.html?topology=traditional" style="width:900px;height:300px;border:0"></iframe>
          <script>
            window.heights = [];
            addEventListener('message', (e) => { if (e.data && e.data.type === 'stacklayers:resize') window.heights.push(e.data.height); });
          </script></body>`,
      }),
    );
    await page.goto('/__host.html');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length))
      .toBeGreaterThan(0);
    const height = await page.evaluate(
      () => (window as unknown as { heights: number[] }).heights.at(-1) ?? 0,
    );
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(2000);
    const frame = page.frameLocator('#f');
    await expect(
      frame.locator('[data-testid="diagram"][data-ready="true"][data-view="traditional"]'),
    ).toBeVisible();
    // The parent (same origin as the embed's referrer) may switch the view.
    await postToEmbed(page, { type: 'stacklayers:set', topology: 'both' });
    await expect(frame.locator('[data-testid="diagram"][data-view="both"]')).toBeVisible();
  });

  test('ignores messages from any other origin than the one it expects', async ({ page }) => {
    // The embed is told to trust only https://docs.example: messages from this test page are refused.
    await page.route('**/__other.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body><iframe id="f" src="/embed.html?topology=traditional&origin=https://docs.example" style="width:800px;height:300px"></iframe></body>`,
      }),
    );
    await page.goto('/__other.html');
    const frame = page.frameLocator('#f');
    await expect(
      frame.locator('[data-testid="diagram"][data-ready="true"][data-view="traditional"]'),
    ).toBeVisible();
    await postToEmbed(page, { type: 'stacklayers:set', topology: 'both' });
    await page.waitForTimeout(800);
    await expect(frame.locator('[data-testid="diagram"]')).toHaveAttribute('data-view', 'traditional');
  });
});

test.describe('the web component', () => {
  test('renders in a plain page whose CSS tries to restyle everything, and does not leak', async ({
    page,
  }) => {
    await page.route('**/__wc.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head>
          <style>
            div, p, span, svg, button, section, ul, li { all: unset !important; color: red !important; font: 40px serif !important; }
            .react-flow__node, [data-testid] { display: none !important; }
            * { box-sizing: content-box !important; }
          </style></head><body>
          <p id="own">Host text</p>
          <stacklayers-diagram id="wc" topology="both" persona="operator" style="display:block;height:520px"></stacklayers-diagram>
          <script type="module" src="/stacklayers-diagram.js"></script>
        </body></html>`,
      }),
    );
    await page.goto('/__wc.html');
    const wc = page.locator('#wc');
    await expect(wc.locator('[data-testid="diagram"][data-ready="true"][data-view="both"]')).toBeVisible();
    await expect(wc.locator('.sl-el[data-id="undercloud"]')).toBeVisible();
    await expect(wc.locator('.sl-el[data-id="undercloud"]')).toHaveClass(/sl-owned/);
    const chipColor = await wc
      .locator('.sl-el[data-id="keystone-api@ctl1"] .sl-chip__text')
      .evaluate((el) => getComputedStyle(el).color);
    expect(chipColor).not.toBe('rgb(255, 0, 0)');
    // The page keeps its own look: nothing of the component's CSS leaks out.
    await expect(page.locator('#own')).toHaveCSS('font-size', '40px');
    await expect(page.locator('#own')).toHaveCSS('margin-top', '0px');
  });

  test('draws in the diagram’s colours and font, light and dark, and leaves the page’s <html> alone', async ({
    page,
  }) => {
    await page.route('**/__wc-theme.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body style="font-family: serif">
          <stacklayers-diagram id="light" topology="traditional" theme="light" style="display:block;height:420px"></stacklayers-diagram>
          <stacklayers-diagram id="dark" topology="traditional" theme="dark" style="display:block;height:420px"></stacklayers-diagram>
          <script type="module" src="/stacklayers-diagram.js"></script>
        </body></html>`,
      }),
    );
    await page.goto('/__wc-theme.html');
    const box = (id: string) => page.locator(`#${id} .sl-el[data-id="ctl1"]`);
    await expect(box('light')).toBeVisible();
    await expect(box('dark')).toBeVisible();
    // The CSS custom properties of diagram.css reach into the shadow roots: each theme's box colour and text.
    const look = (id: string) =>
      box(id).evaluate((el) => {
        const cs = getComputedStyle(el);
        return { box: cs.getPropertyValue('--sl-box').trim(), font: cs.fontFamily, color: cs.color };
      });
    const light = await look('light');
    const dark = await look('dark');
    expect(light.box).toBe('#fff');
    expect(dark.box).toBe('#111827');
    expect(light.color).not.toBe(dark.color);
    for (const l of [light, dark]) expect(l.font).toMatch(/^"Inter Variable"/);
    // A guest in the page: its theme is set on its own root, not on the page's <html>.
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  test('takes an inline model from a child script', async ({ page }) => {
    const mini = JSON.stringify({
      version: 1,
      name: 'Inline',
      hosts: [{ id: 'inline-host', roles: ['compute'] }],
      services: [],
    });
    await page.route('**/__wc-inline.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body><stacklayers-diagram id="wc" topology="traditional" controls="0"><script type="application/json">${mini}</script></stacklayers-diagram><script type="module" src="/stacklayers-diagram.js"></script></body>`,
      }),
    );
    await page.goto('/__wc-inline.html');
    await expect(page.locator('#wc .sl-el[data-id="inline-host"]')).toBeVisible();
    await expect(page.locator('#wc').getByRole('switch')).toHaveCount(0);
  });
});

test('the share dialog snippets work when pasted into a fresh page', async ({ page, context }) => {
  await page.goto('/?topology=k8s-in-tenant&persona=tenant');
  await expect(page.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and export' });
  const iframe = await dialog.getByTestId('snippet-iframe').inputValue();
  const wc = await dialog.getByTestId('snippet-wc').inputValue();
  expect(iframe).toContain('topology=k8s-in-tenant');
  expect(iframe).toContain('persona=tenant');
  expect(wc).toContain('topology="k8s-in-tenant"');

  const fresh = await context.newPage();
  await fresh.route('**/__pasted.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><body>${iframe}</body>` }),
  );
  await fresh.goto('/__pasted.html');
  const frame = fresh.frameLocator('iframe');
  await expect(
    frame.locator('[data-testid="diagram"][data-ready="true"][data-view="k8s-in-tenant"]'),
  ).toBeVisible();
  await expect(frame.locator('.sl-el[data-id="prod-k8s"]')).toHaveClass(/sl-owned/);
  // The iframe sizes itself from the embed's message.
  await expect
    .poll(() => fresh.locator('iframe').evaluate((f) => f.getBoundingClientRect().height))
    .not.toBe(520);

  const name = /model-src="([^"]+)"/.exec(wc)?.[1] ?? 'x.json';
  await fresh.route(`**/${name}`, (route) =>
    route.fulfill({ contentType: 'application/json', body: defaultText }),
  );
  await fresh.route('**/__pasted-wc.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><body>${wc}</body>` }),
  );
  await fresh.goto('/__pasted-wc.html');
  await expect(
    fresh.locator(
      'stacklayers-diagram [data-testid="diagram"][data-ready="true"][data-view="k8s-in-tenant"]',
    ),
  ).toBeVisible();

  // SVG and PNG downloads.
  const svg = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download SVG' }).click();
  const svgFile = readFileSync(await (await svg).path(), 'utf8');
  expect(svgFile).toMatch(/^<svg|^<\?xml/);
  expect(svgFile).toContain('prod-k8s');
  expect(svgFile).not.toMatch(/<script|\son[a-z]+=/i);
  const png = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download PNG (2x)' }).click();
  const pngFile = readFileSync(await (await png).path());
  expect(pngFile.subarray(1, 4).toString()).toBe('PNG');
});
