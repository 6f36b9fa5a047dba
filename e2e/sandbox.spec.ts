import type { Frame } from '@playwright/test';
import { expect, node, type Page, postToEmbed, test, waitReady } from './fixtures';
import { serveWithHeaders } from './security';

/**
 * Where the browser refuses storage (a sandboxed iframe, a locked-down profile) the diagram still works, and
 * the embed obeys only its parent window from the trusted origin.
 */

/** The first frame whose URL contains `part`, once it exists. */
async function frameWith(page: Page, part: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(part))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes(part));
  if (!frame) throw new Error(`no frame with ${part}`);
  return frame;
}

const diagramIn = (frame: Frame, view: string) =>
  frame.locator(`[data-testid="diagram"][data-ready="true"][data-view="${view}"]`);

/** Starts recording, inside a frame, the origins of the messages it receives. */
const recordMessages = (frame: Frame) =>
  frame.evaluate(() => {
    const w = window as unknown as { __got: string[] };
    w.__got = [];
    window.addEventListener('message', (e) => {
      if ((e.data as { type?: string } | null)?.type === 'stacklayers:set') w.__got.push(e.origin);
    });
  });
const received = (frame: Frame) => frame.evaluate(() => (window as unknown as { __got: string[] }).__got);

test.describe('without storage', () => {
  test('the app: storage and service worker access throw, and the diagram, switches and editor work', async ({
    page,
  }) => {
    test.slow(); // the editor's lazy chunk and several redraws
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      for (const name of ['localStorage', 'sessionStorage', 'indexedDB'])
        Object.defineProperty(window, name, { get: refuse, configurable: true });
      Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: refuse, configurable: true });
    });
    await page.goto('/?topology=traditional');
    await waitReady(page, 'traditional');
    expect(
      await page.evaluate(() => {
        try {
          return String(window.localStorage);
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe('SecurityError');
    await page.getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    await waitReady(page, 'k8s-in-tenant');
    await page.getByRole('switch', { name: 'OpenStack control plane on Kubernetes' }).click();
    await waitReady(page, 'both');
    await node(page, 'kvm1').click();
    await expect(page.getByTestId('details')).toContainText('kvm1');
    // An untouched example needs no saving: nothing is said yet.
    await expect(page.getByRole('alert')).toHaveCount(0);

    // An edit cannot be kept: the app says so, and how to keep it.
    await page.getByRole('button', { name: 'Edit JSON' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n');
    await expect(page.getByRole('alert')).toContainText('download');
    await page.getByRole('button', { name: 'Examples' }).click();
    await expect(page.getByRole('dialog', { name: 'Examples' })).toBeVisible();
  });

  test('the embed in <iframe sandbox="allow-scripts">: no storage at all, and it still works', async ({
    page,
    baseURL,
  }) => {
    // Sandboxed without allow-same-origin, the embed's origin is "null": its scripts, fonts and model are
    // cross-origin reads, which the headers of public/_headers allow.
    await serveWithHeaders(page, baseURL);
    await page.route('**/__sandboxed.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body>
          <iframe id="f" sandbox="allow-scripts" src="/embed.html?topology=traditional" title="diagram"
            width="900" height="420"></iframe>
          <script>
            window.heights = [];
            addEventListener('message', (e) => { if (e.data && e.data.type === 'stacklayers:resize') window.heights.push(e.origin); });
          </script></body>`,
      }),
    );
    await page.goto('/__sandboxed.html');
    const frame = await frameWith(page, '/embed.html');
    await expect(diagramIn(frame, 'traditional')).toBeVisible();
    expect(
      await frame.evaluate(() => {
        try {
          return String(window.localStorage);
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe('SecurityError');
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    await frame.getByRole('switch', { name: 'Kubernetes in a tenant project' }).click();
    await expect(diagramIn(frame, 'k8s-in-tenant')).toBeVisible();
    await frame.locator('.sl-el[data-id="kvm1"]').click();
    await expect(frame.getByTestId('details')).toContainText('kvm1');
    // It still tells its parent its height.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heights: string[] }).heights))
      .toContain('null');
  });
});

/** Serves `path` as a page holding one iframe (`attrs`, e.g. its src and sandbox). */
const frameHost = (page: Page, path: string, attrs: string) =>
  page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body><iframe ${attrs} width="950" height="460"></iframe></body>`,
    }),
  );

test.describe('who may steer an embed', () => {
  test('a sandboxed parent (origin "null") is refused', async ({ page, baseURL }) => {
    await serveWithHeaders(page, baseURL);
    // The parent page is served into <iframe sandbox="allow-scripts">: its origin is "null".
    await frameHost(
      page,
      '/__sandboxed-parent.html',
      'id="f" src="/embed.html?topology=traditional" title="diagram"',
    );
    await frameHost(
      page,
      '/__top.html',
      'sandbox="allow-scripts" src="/__sandboxed-parent.html" title="sandboxed parent"',
    );
    await page.goto('/__top.html');
    const embed = await frameWith(page, '/embed.html');
    await expect(diagramIn(embed, 'traditional')).toBeVisible();
    await recordMessages(embed);
    const parent = embed.parentFrame();
    if (!parent) throw new Error('the embed has no parent frame');
    await postToEmbed(parent, { type: 'stacklayers:set', topology: 'both' });
    // The message arrived, from "null", and changed nothing.
    await expect.poll(() => received(embed)).toEqual(['null']);
    await page.waitForTimeout(500);
    await expect(embed.locator('[data-testid="diagram"]')).toHaveAttribute('data-view', 'traditional');
  });

  test('a window other than the parent is refused, even from the trusted origin; the parent is obeyed', async ({
    page,
  }) => {
    // The top page holds a page that holds the embed: all three on one origin, the embed's parent is the middle one.
    await frameHost(page, '/__middle.html', 'id="f" src="/embed.html?topology=traditional" title="diagram"');
    await frameHost(page, '/__top.html', 'id="middle" src="/__middle.html" title="middle"');
    await page.goto('/__top.html');
    const embed = await frameWith(page, '/embed.html');
    await expect(diagramIn(embed, 'traditional')).toBeVisible();
    await recordMessages(embed);
    const set = { type: 'stacklayers:set', topology: 'both' };
    // From the top page: same origin, but not the parent window.
    await page.evaluate((msg) => window.frames[0]?.frames[0]?.postMessage(msg, '*'), set);
    await expect.poll(() => received(embed)).toHaveLength(1);
    await page.waitForTimeout(500);
    await expect(embed.locator('[data-testid="diagram"]')).toHaveAttribute('data-view', 'traditional');
    // From the parent: obeyed.
    const middle = embed.parentFrame();
    if (!middle) throw new Error('the embed has no parent frame');
    await postToEmbed(middle, set);
    await expect(diagramIn(embed, 'both')).toBeVisible();
  });
});
