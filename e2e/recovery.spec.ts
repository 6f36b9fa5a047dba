import { expect, node, type Page, setEditorText, test, waitReady } from './fixtures';

/**
 * When something fails, the user keeps a working diagram and their draft: a crash inside the diagram is
 * caught with a way out, and a `?model=` that cannot be loaded leaves the diagram as it was.
 */

const mini = (name: string) =>
  JSON.stringify(
    {
      version: 1,
      name,
      hosts: [
        { id: 'ctl1', roles: ['controller'] },
        { id: 'cmp1', roles: ['compute'] },
      ],
      services: [{ id: 'keystone', processes: [{ id: 'keystone-api', role: 'controller' }] }],
      projects: [{ id: 'demo', vms: [{ id: 'web', flavor: 'm1.small' }] }],
    },
    null,
    2,
  );

const modelName = (page: Page) => page.getByTestId('model-status');

/** Makes `text` the edited draft, through the editor, and waits until it is saved in this browser. */
async function editDraft(page: Page, text: string, name: string) {
  await page.getByRole('button', { name: 'Edit JSON' }).click();
  await setEditorText(page, text);
  await expect(modelName(page)).toContainText(name);
  await expect(modelName(page)).toContainText('edited');
  await page.waitForFunction((n) => localStorage.getItem('stacklayers:draft:v1')?.includes(n), name);
  await page.getByRole('button', { name: 'Edit JSON' }).click();
}

/** Opens an earlier draft from Examples › Earlier drafts. */
async function openEarlierDraft(page: Page, name: string) {
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await expect(dialog.getByRole('heading', { name: 'Earlier drafts' })).toBeVisible();
  await dialog.getByRole('button', { name: new RegExp(name) }).click();
  await expect(modelName(page)).toContainText(name);
}

test.describe('a crash inside the diagram', () => {
  const MESSAGE = 'ResizeObserver failed: the browser could not watch the diagram size';

  test.beforeEach(async ({ page, guard }) => {
    // A browser API the diagram needs fails while the test says so: React Flow creates a ResizeObserver
    // when a diagram mounts, so the error is thrown inside the diagram's error boundary, as a real one would.
    await page.addInitScript((message) => {
      const w = window as unknown as { __breakResize: boolean; ResizeObserver: typeof ResizeObserver };
      w.__breakResize = false;
      const Real = w.ResizeObserver;
      w.ResizeObserver = class extends Real {
        constructor(callback: ResizeObserverCallback) {
          if (w.__breakResize) throw new Error(message);
          super(callback);
        }
      };
    }, MESSAGE);
    // React reports the caught error on the console; it must not reach the page as an uncaught one.
    guard.allow(MESSAGE);
  });

  const breakDiagram = (page: Page, on: boolean) =>
    page.evaluate((v) => {
      (window as unknown as { __breakResize: boolean }).__breakResize = v;
    }, on);

  /** Mounts new diagrams (compare) while the API fails, and returns the boundary's message. */
  async function crash(page: Page) {
    await breakDiagram(page, true);
    await page.getByRole('button', { name: 'Compare' }).click();
    const fallback = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
    await expect(fallback).toBeVisible();
    await breakDiagram(page, false);
    return fallback;
  }

  test('says what went wrong in plain words; "Reset view" brings the diagram back with the draft', async ({
    page,
  }) => {
    await page.goto('/?topology=traditional');
    await waitReady(page, 'traditional');
    await editDraft(page, mini('Crash-tested cloud'), 'Crash-tested cloud');

    const fallback = await crash(page);
    await expect(fallback.getByRole('heading')).toHaveText('Something went wrong in the diagram.');
    await expect(fallback).toContainText(MESSAGE);
    await expect(fallback).toContainText('Your draft is safe');
    // The rest of the app still works: the header, the toolbar, the explain panel.
    await expect(modelName(page)).toContainText('Crash-tested cloud');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Numbers' })).toBeVisible();

    await fallback.getByRole('button', { name: 'Reset view' }).click();
    await expect(fallback).toHaveCount(0);
    // Compare showed the current view on the right; that view stays, alone, and the URL says so.
    await waitReady(page, 'both');
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    expect(new URL(page.url()).searchParams.get('topology')).toBe('both');
    await expect(node(page, 'web')).toBeVisible();
    await expect(modelName(page)).toContainText('Crash-tested cloud');
    await expect(modelName(page)).toContainText('edited');
    // Compare was what broke; it was turned off, and it works again now.
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByTestId('compare-a')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('compare-b')).toHaveAttribute('data-ready', 'true');
  });

  test('"Reset to example" loads the example; the edited draft stays under Earlier drafts', async ({
    page,
  }) => {
    await page.goto('/?topology=both');
    await waitReady(page, 'both');
    await editDraft(page, mini('Draft before the crash'), 'Draft before the crash');

    const fallback = await crash(page);
    await fallback.getByRole('button', { name: 'Reset to example' }).click();
    await expect(fallback).toHaveCount(0);
    await expect(modelName(page)).toContainText('Small cloud');
    await waitReady(page);
    await expect(node(page, 'kvm1')).toBeVisible();

    await openEarlierDraft(page, 'Draft before the crash');
    await waitReady(page);
    await expect(node(page, 'web')).toBeVisible();
  });
});

test.describe('a ?model= that cannot be loaded keeps the diagram you had', () => {
  const cases = [
    {
      what: 'a 404',
      route: { status: 404, contentType: 'text/plain', body: 'Not found' },
      says: 'the server answered HTTP 404',
    },
    {
      what: 'a web page instead of JSON',
      route: {
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Docs</title><p>Hello</p>',
      },
      says: 'the server answered with a web page (HTML), not a model file',
    },
    {
      what: 'text that is not JSON',
      route: { status: 200, contentType: 'application/json', body: '{ "version": 1, "hosts": [ ' },
      says: 'it is not a valid model (line 1',
    },
    {
      what: 'JSON that is not a valid model',
      route: {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ version: 1, hosts: [{ id: 'h1', roles: ['mainframe'] }], services: [] }),
      },
      says: '$.hosts[0].roles[0]',
    },
  ];

  for (const c of cases) {
    test(`${c.what}: says why, and the edited draft stays on screen`, async ({ page, guard }) => {
      guard.allow('status of 404');
      await page.route('**/__models/broken.json', (route) => route.fulfill(c.route));
      await page.goto('/?topology=traditional');
      await waitReady(page, 'traditional');
      await editDraft(page, mini('The cloud I had'), 'The cloud I had');

      await page.goto('/?model=/__models/broken.json&topology=traditional');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Could not load http://');
      await expect(alert).toContainText(c.says);
      await waitReady(page, 'traditional');
      await expect(modelName(page)).toContainText('The cloud I had');
      await expect(modelName(page)).toContainText('edited');
      await expect(node(page, 'web')).toBeVisible();
      // Nothing broken was put into the editor, and the draft in this browser is still the edited one.
      expect(await page.evaluate(() => localStorage.getItem('stacklayers:draft:v1'))).toContain(
        'The cloud I had',
      );
    });
  }

  test('a ?model= that loads keeps the edited draft it replaced under Earlier drafts', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await editDraft(page, mini('Replaced by a link'), 'Replaced by a link');
    await page.goto('/?model=/models/nested.json&topology=both');
    await waitReady(page, 'both');
    await expect(modelName(page)).not.toContainText('Replaced by a link');
    await openEarlierDraft(page, 'Replaced by a link');
  });
});
