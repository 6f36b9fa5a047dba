import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Frame, FrameLocator } from '@playwright/test';
import { expect, type Locator, type Page, test } from './fixtures';
import { DEFAULT_HOSTS, serveHosts } from './hosts';

// Embeds as a docs author uses them: in a 620 px content column of a docs page (e2e/hosts/) served with a
// Content-Security-Policy without 'unsafe-inline', whose theme toggle sets the marker of one generator or
// another (?gen=).

type HostRecord = {
  messages: { type: string; height?: number; view?: string }[];
  ready: { view: string; height: number }[];
  violations: string[];
};
const record = (page: Page) => page.evaluate(() => (window as unknown as { __host: HostRecord }).__host);
type Box = { x: number; y: number; width: number; height: number };

/** Every host of the default model is drawn inside `bounds` (page coordinates), and together they span it. */
async function allHostsInside(scope: Page | Frame | Locator | FrameLocator, bounds: Box) {
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const id of DEFAULT_HOSTS) {
    const box = await scope.locator(`.sl-el[data-id="${id}"]`).first().boundingBox();
    expect(box, id).not.toBeNull();
    if (!box) continue;
    expect(box.x, `${id} left`).toBeGreaterThanOrEqual(bounds.x - 0.5);
    expect(box.x + box.width, `${id} right`).toBeLessThanOrEqual(bounds.x + bounds.width + 0.5);
    expect(box.y, `${id} top`).toBeGreaterThanOrEqual(bounds.y - 0.5);
    expect(box.y + box.height, `${id} bottom`).toBeLessThanOrEqual(bounds.y + bounds.height + 0.5);
    left = Math.min(left, box.x);
    right = Math.max(right, box.x + box.width);
  }
  // Fitted to the width, not a small picture in the middle: the hosts' row spans most of it.
  expect(right - left).toBeGreaterThan(bounds.width * 0.85);
}

const lastResize = async (page: Page) =>
  (await record(page)).messages.filter((m) => m.type === 'stacklayers:resize').at(-1)?.height ?? 0;

test.describe('an iframe in a docs column, with the helper script', () => {
  test('fits the whole diagram to the column at the height it posts, follows the page theme, and is ready', async ({
    page,
  }) => {
    // One reader's visit, step by step: longer than most tests.
    test.setTimeout(90_000);
    await serveHosts(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/__hosts/iframe.html?gen=docusaurus');
    const frame = page.frameLocator('#frame');
    const diagram = frame.locator('[data-testid="diagram"][data-ready="true"][data-view="both"]');
    await expect(diagram).toBeVisible();
    await expect
      .poll(async () => (await record(page)).messages.find((m) => m.type === 'stacklayers:ready'))
      .toMatchObject({ type: 'stacklayers:ready', view: 'both' });
    // The helper sized the iframe to the height the embed posted: the fitted diagram at 620 px, plus its bar.
    const iframe = page.locator('#frame');
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBe(await lastResize(page));
    const box = await iframe.boundingBox();
    if (!box) throw new Error('no iframe');
    expect(box.width).toBe(620);
    await allHostsInside(frame, box);
    // The canvas shows the diagram whole, with no more than its padding above and below.
    const canvas = await frame.locator('[data-testid="diagram"]').boundingBox();
    const drawn = await frame.locator('.react-flow__viewport').evaluate((el) => {
      const nodes = [...el.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
      return { top: Math.min(...nodes.map((r) => r.top)), bottom: Math.max(...nodes.map((r) => r.bottom)) };
    });
    if (!canvas) throw new Error('no canvas');
    expect(drawn.top - (canvas.y - box.y)).toBeLessThan(canvas.height * 0.03);
    expect(canvas.y - box.y + canvas.height - drawn.bottom).toBeLessThan(canvas.height * 0.03);
    await expect(frame.locator('.react-flow__minimap')).toHaveCount(0);
    // The page says light (Docusaurus's data-theme) though the reader's system is dark: the embed is light,
    // then follows the toggle, live.
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.click('#toggle');
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.click('#toggle');
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
    // A wider column: the embed posts its new height, the helper applies it.
    const before = await lastResize(page);
    await page.evaluate(() => document.querySelector('main')?.classList.add('wide'));
    await expect.poll(() => lastResize(page)).not.toBe(before);
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBe(await lastResize(page));
    const wide = await iframe.boundingBox();
    if (!wide) throw new Error('no iframe');
    await allHostsInside(frame, wide);
    expect((await record(page)).violations).toEqual([]);
  });

  test('a zoom control to read details: labelled buttons that work from the keyboard', async ({ page }) => {
    await serveHosts(page);
    await page.goto('/__hosts/iframe.html?gen=material');
    const frame = page.frameLocator('#frame');
    await expect(frame.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
    const scale = () =>
      frame
        .locator('.react-flow__viewport')
        .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    const fit = await scale();
    const zoomIn = frame.getByRole('button', { name: 'Zoom in' });
    await zoomIn.focus();
    await page.keyboard.press('Enter');
    await expect.poll(scale).toBeGreaterThan(fit * 1.1);
    await frame.getByRole('button', { name: 'Zoom out' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(scale).toBeLessThan(fit);
    await frame.getByRole('button', { name: 'Fit the whole diagram' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(scale).toBeCloseTo(fit, 3);
    await expect(frame.getByRole('group', { name: 'Zoom' })).toBeVisible();
  });
});

test.describe('the web component in a docs column', () => {
  for (const gen of ['material', 'vitepress', 'docusaurus', 'furo', 'pydata', 'color-scheme']) {
    test(`follows the page's theme toggle (${gen}), live, over the reader's system preference`, async ({
      page,
    }) => {
      await serveHosts(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`/__hosts/component.html?gen=${gen}`);
      const wc = page.locator('#wc');
      await expect(wc.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
      const root = wc.locator('.sl-embed');
      await expect(root).toHaveAttribute('data-theme', 'light');
      await page.click('#toggle');
      await expect(root).toHaveAttribute('data-theme', 'dark');
      await page.click('#toggle');
      await expect(root).toHaveAttribute('data-theme', 'light');
      // theme="dark" forces; theme="page" follows again.
      await wc.evaluate((el) => el.setAttribute('theme', 'dark'));
      await expect(root).toHaveAttribute('data-theme', 'dark');
      await wc.evaluate((el) => el.setAttribute('theme', 'page'));
      await expect(root).toHaveAttribute('data-theme', 'light');
      expect((await record(page)).violations).toEqual([]);
    });
  }

  test('fits the column at its own height, is ready, and never remounts when an attribute changes', async ({
    page,
  }) => {
    // A reader's visit, step by step: longer than most tests.
    test.setTimeout(90_000);
    await serveHosts(page);
    await page.goto('/__hosts/component.html?gen=furo');
    const wc = page.locator('#wc');
    await expect(
      wc.locator('[data-testid="diagram"][data-ready="true"][data-view="k8s-in-tenant"]'),
    ).toBeVisible();
    await expect
      .poll(async () => (await record(page)).ready)
      .toEqual([{ view: 'k8s-in-tenant', height: expect.any(Number) }]);
    const box = await wc.boundingBox();
    if (!box) throw new Error('no element');
    expect(box.width).toBe(620);
    // Auto height: the bar and the diagram fitted to 620 px; not the old fixed 520 px.
    const { height: readyHeight } = (await record(page)).ready[0] ?? { height: 0 };
    expect(Math.abs(box.height - readyHeight)).toBeLessThanOrEqual(1);
    expect(box.height).toBeLessThan(500);
    await allHostsInside(wc, box);
    await expect(wc.locator('.react-flow__minimap')).toHaveCount(0);

    // An open details card stays open through every attribute change: the diagram is updated in place.
    await wc.locator('.sl-el[data-id="kvm1"]').first().click();
    await expect(wc.getByTestId('details')).toContainText('kvm1');
    await wc.locator('.sl-embed').evaluate((el) => {
      (el as HTMLElement & { mark?: boolean }).mark = true;
    });
    const changes: [string, string][] = [
      ['theme', 'dark'],
      ['persona', 'operator'],
      ['minimap', ''],
      ['height', '360px'],
      ['topology', 'both'],
      ['controls', '0'],
    ];
    for (const [name, value] of changes)
      await wc.evaluate((el, [n, v]) => el.setAttribute(n ?? '', v ?? ''), [name, value]);
    await expect(wc.locator('[data-testid="diagram"][data-view="both"]')).toBeVisible();
    await expect(wc.locator('.sl-embed')).toHaveAttribute('data-theme', 'dark');
    await expect(wc.getByRole('switch')).toHaveCount(0);
    await expect.poll(async () => (await wc.boundingBox())?.height).toBe(360);
    await expect(wc.getByTestId('details')).toContainText('kvm1');
    expect(
      await wc.locator('.sl-embed').evaluate((el) => (el as HTMLElement & { mark?: boolean }).mark),
    ).toBe(true);
    // With the switches hidden, the zoom control sits over the diagram; zoomed in, the minimap asked for shows.
    await expect(wc.locator('.react-flow__minimap')).toHaveCount(0);
    await wc.getByRole('button', { name: 'Zoom in' }).click();
    await expect(wc.locator('.react-flow__minimap')).toBeVisible();
    // Back to auto height.
    await wc.evaluate((el) => el.setAttribute('height', 'auto'));
    await expect.poll(async () => (await wc.boundingBox())?.height).not.toBe(360);
    expect((await record(page)).violations).toEqual([]);
  });
});

const tiny = { version: 1, name: 'Tiny', hosts: [{ id: 'solo', roles: ['compute'] }], services: [] };
const json = JSON.stringify(tiny);
const attr = json.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

test('inline models that survive server rendering, a small one not drawn huge, and errors worded for an embed', async ({
  page,
}) => {
  await serveHosts(page, {
    'inline.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inline</title>
      <link rel="stylesheet" href="/__hosts/host.css"><script src="/__hosts/host.js"></script>
      <script type="module" src="{{COMPONENT}}"></script></head><body><div class="layout"><main>
      <stacklayers-diagram id="template" controls="0"><template>${json}</template></stacklayers-diagram>
      <stacklayers-diagram id="attribute" controls="0" model="${attr}"></stacklayers-diagram>
      <stacklayers-diagram id="escaped" controls="0"><template>${attr}</template></stacklayers-diagram>
      <stacklayers-diagram id="script" controls="0"><script type="application/json">${json}</script></stacklayers-diagram>
      <stacklayers-diagram id="stripped" controls="0"><template></template></stacklayers-diagram>
      <stacklayers-diagram id="invalid" controls="0"><template>{"version":1,"hosts":[{"id":"a","roles":["nope"]}]}</template></stacklayers-diagram>
      </main></div></body></html>`,
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/__hosts/inline.html');
  for (const id of ['template', 'attribute', 'escaped', 'script']) {
    const wc = page.locator(`#${id}`);
    await expect(wc.locator('.sl-el[data-id="solo"]'), id).toBeVisible();
    // A one-host model in a 620 px column is drawn at its natural size, and the element is no taller than that.
    const zoom = await wc
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    expect(zoom, id).toBeLessThanOrEqual(1);
    expect((await wc.boundingBox())?.height, id).toBeLessThan(260);
  }
  await expect(page.locator('#stripped [data-testid="diagram"]')).toContainText(
    "This diagram's inline model is empty",
  );
  await expect(page.locator('#invalid [data-testid="diagram"]')).toContainText("This diagram's model has");
  for (const id of ['stripped', 'invalid']) {
    const message = page.locator(`#${id} [data-testid="diagram"]`);
    await expect(message, id).toContainText('stacklayers validate');
    await expect(message, id).not.toContainText('editor');
  }
  await expect(page.locator('#invalid [data-testid="diagram"]')).toContainText('roles');
  // No default model fetched for an element that has an inline one (even an empty one).
  expect(requests.filter((p) => p.endsWith('/models/default.json'))).toEqual([]);
});

test.describe('printing a docs page', () => {
  const pdfText = async (page: Page, name: string) => {
    mkdirSync('test-results/print', { recursive: true });
    const file = `test-results/print/${name}.pdf`;
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: false }));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };

  test('prints the whole diagram of the web component, without minimap or controls', async ({ page }) => {
    await serveHosts(page);
    await page.goto('/__hosts/component.html?gen=docusaurus');
    const wc = page.locator('#wc');
    await expect(wc.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
    // Zoomed in by the reader: print still shows all of it.
    await wc.getByRole('button', { name: 'Zoom in' }).click();
    await wc.getByRole('button', { name: 'Zoom in' }).click();
    // On screen the page carries no second copy of the diagram: the picture is made for printing.
    await expect(wc.locator('.sl-print > svg')).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    await expect(wc.locator('.sl-print > svg')).toBeVisible();
    await expect(wc.locator('.react-flow')).toBeHidden();
    await expect(wc.getByRole('button', { name: 'Zoom in' })).toBeHidden();
    const svg = await wc.locator('.sl-print > svg').boundingBox();
    const column = await page.locator('main').boundingBox();
    if (!svg || !column) throw new Error('not laid out');
    expect(svg.width).toBeLessThanOrEqual(column.width + 0.5);
    const text = await pdfText(page, 'component');
    for (const id of DEFAULT_HOSTS) expect(text, id).toContain(id);
  });

  test('prints the whole diagram of an iframe', async ({ page }) => {
    await serveHosts(page);
    await page.goto('/__hosts/iframe.html?gen=docusaurus');
    const frame = page.frameLocator('#frame');
    await expect(frame.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
    await frame.getByRole('button', { name: 'Zoom in' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(frame.locator('.sl-print > svg')).toBeVisible();
    await expect(frame.locator('.react-flow')).toBeHidden();
    const text = await pdfText(page, 'iframe');
    for (const id of DEFAULT_HOSTS) expect(text, id).toContain(id);
    expect(text).not.toContain('React Flow');
  });
});

test('the Share dialog’s HTML snippet works pasted into a docs page under a CSP without unsafe-inline', async ({
  page,
  context,
}) => {
  await page.goto('/?topology=k8s-in-tenant');
  await expect(page.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and export' });
  const html = await dialog.getByTestId('snippet-iframe').inputValue();
  expect(html).toContain('stacklayers-embed.js');
  // Each format has its snippet; MDX's and Markdown's helper goes in the site's configuration.
  await dialog.locator('label', { hasText: /^MDX$/ }).click();
  await expect(dialog.getByRole('radio', { name: 'MDX' })).toBeChecked();
  await expect(dialog.getByTestId('snippet-setup')).toHaveValue(/docusaurus\.config\.js/);
  // The format picker works from the keyboard (a radio group: arrows move the choice).
  await dialog.getByRole('radio', { name: 'MDX' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByTestId('snippet-iframe')).toHaveValue(/^\.\. raw:: html\n\n {3}<iframe/);

  const docs = await context.newPage();
  await serveHosts(docs, {
    'pasted.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title>
      <link rel="stylesheet" href="/__hosts/host.css"><script src="/__hosts/host.js"></script></head>
      <body><div class="layout"><main>${html}</main></div></body></html>`,
  });
  await docs.goto('/__hosts/pasted.html?gen=docusaurus');
  const frame = docs.frameLocator('iframe');
  await expect(
    frame.locator('[data-testid="diagram"][data-ready="true"][data-view="k8s-in-tenant"]'),
  ).toBeVisible();
  await expect.poll(() => lastResize(docs)).toBeGreaterThan(0);
  await expect
    .poll(async () => (await docs.locator('iframe').boundingBox())?.height)
    .toBe(await lastResize(docs));
  const box = await docs.locator('iframe').boundingBox();
  if (!box) throw new Error('no iframe');
  await allHostsInside(frame, box);
  expect((await record(docs)).violations).toEqual([]);
});

test('printing the app shows the whole diagram alone, however it was zoomed', async ({ page }) => {
  await page.goto('/?topology=both');
  await expect(page.locator('[data-testid="diagram"][data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sl-print > svg')).toBeVisible();
  for (const hidden of ['banner', 'toolbar'] as const)
    await expect(page.getByRole(hidden).first()).toBeHidden();
  await expect(page.locator('.react-flow')).toBeHidden();
  const text = await page.locator('.sl-print > svg').textContent();
  for (const id of DEFAULT_HOSTS) expect(text).toContain(id);
});
