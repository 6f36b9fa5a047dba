import { test as base, expect, type Frame, type Locator, type Page } from '@playwright/test';

/** The four views, as the URL, the CLI and the model name them (fixed in the product brief). */
export const VIEWS = ['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both'] as const;
export type View = (typeof VIEWS)[number];

const LAYERS = ['hardware', 'operator-k8s', 'openstack', 'tenant-vms', 'tenant-k8s'] as const;
type Layer = (typeof LAYERS)[number];

/** What the two switches say for each view. */
const FLAGS: Record<View, { controlPlaneOnK8s: boolean; k8sInTenant: boolean }> = {
  traditional: { controlPlaneOnK8s: false, k8sInTenant: false },
  'control-plane-on-k8s': { controlPlaneOnK8s: true, k8sInTenant: false },
  'k8s-in-tenant': { controlPlaneOnK8s: false, k8sInTenant: true },
  both: { controlPlaneOnK8s: true, k8sInTenant: true },
};

/** The bands each view shows (the tenant-vms layer may have one band per row of projects). */
function layersOf(view: View): Layer[] {
  const f = FLAGS[view];
  return LAYERS.filter(
    (l) => (l !== 'operator-k8s' || f.controlPlaneOnK8s) && (l !== 'tenant-k8s' || f.k8sInTenant),
  );
}

/** Everything a page did that a test must not see: console errors, uncaught errors, foreign requests. */
export interface Guard {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  /**
   * Lets a test expect a console error or a foreign request (e.g. a model loaded by URL from a routed
   * origin): entries matching `pattern` (a string matches as a substring) are not reported. Uncaught
   * errors are never allowed.
   */
  allow(pattern: RegExp | string): void;
}

/**
 * `test` with an automatic guard: every test fails if the page logged a console error, threw an
 * uncaught error or sent a request to any origin other than its own.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const allowed: (RegExp | string)[] = [];
      const guard: Guard = {
        consoleErrors: [],
        pageErrors: [],
        foreignRequests: [],
        allow: (pattern) => allowed.push(pattern),
      };
      page.on('console', (msg) => {
        if (msg.type() === 'error') guard.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => guard.pageErrors.push(err.stack || `${err.name}: ${err.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.origin !== origin) guard.foreignRequests.push(`${req.method()} ${req.url()}`);
      });
      await use(guard);
      const unexpected = (list: string[]) =>
        list.filter(
          (entry) => !allowed.some((p) => (typeof p === 'string' ? entry.includes(p) : p.test(entry))),
        );
      expect(
        {
          consoleErrors: unexpected(guard.consoleErrors),
          pageErrors: guard.pageErrors,
          foreignRequests: unexpected(guard.foreignRequests),
        },
        'no uncaught errors, console errors or requests to other origins',
      ).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] });
    },
    { auto: true },
  ],
});

export type { Locator, Page };
export { expect };

export const diagram = (page: Page): Locator => page.getByTestId('diagram');

export const switches = (page: Page) => ({
  controlPlaneOnK8s: page.getByRole('switch', { name: 'OpenStack control plane on Kubernetes' }),
  k8sInTenant: page.getByRole('switch', { name: 'Kubernetes in a tenant project' }),
});

/** The React Flow node of an element, by its element id. */
export const node = (page: Page, id: string): Locator =>
  page.locator(`.sl-el[data-id="${id.replaceAll('"', '\\"')}"]`);

/** A band of a layer. */
const band = (page: Page, layer: Layer): Locator => page.locator(`[data-band="${layer}"]`);

/** Waits until the diagram is laid out and painted (for `view`, if given). */
export async function waitReady(page: Page, view?: View): Promise<void> {
  const selector = `[data-testid="diagram"][data-ready="true"]${view ? `[data-view="${view}"]` : ''}`;
  await expect(page.locator(selector)).toBeVisible();
}

/** Opens the app at a view (by deep link) and waits until it is ready. */
export async function gotoView(page: Page, view: View): Promise<void> {
  await page.goto(`/?topology=${view}`);
  await waitReady(page, view);
}

/**
 * Moves the keyboard focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user would;
 * fails if it is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached with ${max} presses of ${key}`);
}

/** Waits for web fonts, so screenshots and text measurements use the app's font. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The `topology` the address bar names. */
export const topologyOf = (page: Page): string | null => new URL(page.url()).searchParams.get('topology');

/**
 * Asserts that the page shows `view` everywhere: the diagram, the URL, both switches and the bands.
 * Waits for the diagram to be ready first.
 */
export async function expectView(page: Page, view: View): Promise<void> {
  await waitReady(page, view);
  await expect.poll(() => topologyOf(page), 'topology in the URL').toBe(view);
  const s = switches(page);
  await expect(s.controlPlaneOnK8s).toHaveAttribute('aria-checked', String(FLAGS[view].controlPlaneOnK8s));
  await expect(s.k8sInTenant).toHaveAttribute('aria-checked', String(FLAGS[view].k8sInTenant));
  const shown = layersOf(view);
  for (const layer of LAYERS) {
    if (shown.includes(layer)) await expect(band(page, layer).first(), `${layer} band`).toBeVisible();
    else await expect(band(page, layer), `${layer} band`).toHaveCount(0);
  }
}

/** Replaces the editor's whole text, as a user would (select all, type/paste). */
export async function setEditorText(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.locator('.cm-content').evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Posts `msg` from `where` (a page or a frame) to the window of its `<iframe id="f">`, as an embedding page does. */
export const postToEmbed = (where: Page | Frame, msg: unknown) =>
  where.evaluate(
    (m) => (document.getElementById('f') as HTMLIFrameElement).contentWindow?.postMessage(m, '*'),
    msg,
  );
