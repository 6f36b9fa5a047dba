import { generateModel } from '../src/model/generate';
import { expect, expectView, type Locator, type Page, switches, tabTo, test, waitReady } from './fixtures';

/** The focused element draws a visible ring: an outline or a box-shadow, not neither. */
async function expectFocusVisible(page: Page, what: string) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', outline: 'none', width: '0px', shadow: 'none' };
    const s = getComputedStyle(el);
    return { tag: el.tagName, outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  expect(ring.tag, `${what}: something has the focus`).not.toBe('body');
  const visible = (ring.outline !== 'none' && ring.width !== '0px') || ring.shadow !== 'none';
  expect(visible, `${what}: focus ring ${JSON.stringify(ring)}`).toBe(true);
}

const activeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('.sl-el')?.getAttribute('data-id') ?? null);

/** Presses Tab until the focus is on a diagram element (the diagram is one Tab stop). */
async function tabIntoDiagram(page: Page, max = 60): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await activeId(page);
    if (id) return id;
  }
  throw new Error(`the diagram was not reached within ${max} presses of Tab`);
}

/** Presses a key until the focus is on a diagram element whose id matches. */
async function arrowToElement(page: Page, match: RegExp, key = 'ArrowDown', max = 200): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const id = await activeId(page);
    if (id && match.test(id)) return id;
  }
  throw new Error(`no diagram element matching ${match} within ${max} presses of ${key}`);
}

/** Records, in the page, the id of every diagram element that gets the focus. */
const recordFocus = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { focused: string[] };
    w.focused = [];
    document.addEventListener('focusin', (e) => {
      const id = (e.target as Element).closest?.('.sl-el')?.getAttribute('data-id');
      if (id) w.focused.push(id);
    });
  });
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { focused: string[] }).focused);

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

test('keyboard only: switch the view, read an element and its stack, search, share', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?topology=traditional');
  await waitReady(page, 'traditional');

  // The view switch, changed with Space.
  const sw = switches(page).controlPlaneOnK8s;
  await tabTo(page, sw, 'Tab', 30);
  await expectFocusVisible(page, 'view switch');
  await page.keyboard.press('Space');
  await expectView(page, 'control-plane-on-k8s');
  expect(await isFocused(sw)).toBe(true);

  // On into the diagram (one Tab stop), and with the arrow keys to a service instance (a pod on an operator
  // node in this view).
  const first = await tabIntoDiagram(page);
  await expectFocusVisible(page, `diagram element ${first}`);
  const id = await arrowToElement(page, /@/);
  await expectFocusVisible(page, `diagram element ${id}`);
  // The focused element's stack lights up, as on hover.
  await expect(page.locator(`.sl-el[data-id="${id}"]`)).toHaveClass(/sl-lit/);

  // Enter opens its details; the focus moves into the card.
  const label = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
  await page.keyboard.press('Enter');
  const details = page.getByTestId('details');
  const heading = details.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(label.split(',')[0] ?? label);
  await expect.poll(() => isFocused(heading)).toBe(true);
  await expectFocusVisible(page, 'details heading');

  // Follow the runs-on chain: the first link is what it runs on.
  const chainLink = details.getByTestId('details-chain').getByRole('button').first();
  const next = (await chainLink.textContent()) ?? '';
  await tabTo(page, chainLink, 'Tab', 20);
  await expectFocusVisible(page, 'runs-on link');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(next);
  // The focus stays in the card, not lost to the page.
  await expect.poll(() => details.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await expectFocusVisible(page, 'after following the chain');

  // Esc closes it, and the focus returns to the element it was opened from.
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect.poll(() => activeId(page)).toBe(id);
  await expectFocusVisible(page, 'back on the element');

  // Search: find the scheduler and open it.
  const search = page.getByRole('combobox', { name: 'Search elements' });
  await tabTo(page, search, 'Shift+Tab', 80);
  await expectFocusVisible(page, 'search box');
  await page.keyboard.type('sched');
  await expect(page.getByRole('option').first()).toContainText(/sched/);
  await page.keyboard.press('Enter');
  await expect(heading).toContainText('sched');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect.poll(() => isFocused(search)).toBe(true);

  // Share: open the dialog, the focus inside it; Esc closes it and the focus returns to the button.
  const share = page.getByRole('button', { name: 'Share…' });
  await tabTo(page, share, 'Shift+Tab', 40);
  await expectFocusVisible(page, 'share button');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share and export' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Tab');
  await expectFocusVisible(page, 'in the share dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => isFocused(share)).toBe(true);
  await expectFocusVisible(page, 'share button after the dialog');
});

test('every control in the header shows a focus ring', async ({ page }) => {
  await page.goto('/?topology=both');
  await waitReady(page, 'both');
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inHeader = await page.evaluate(() => document.activeElement?.closest('header') !== null);
    if (!inHeader) break;
    const name = await page.evaluate(
      () =>
        document.activeElement?.getAttribute('aria-label') ??
        document.activeElement?.textContent?.trim() ??
        '',
    );
    seen.push(name);
    await expectFocusVisible(page, `header control "${name}"`);
  }
  expect(seen.length).toBeGreaterThan(10);
});

test('the diagram is one Tab stop: Tab enters it, the next Tab leaves it, Shift+Tab comes back', async ({
  page,
}) => {
  await page.goto('/?topology=both');
  await waitReady(page, 'both');
  const first = await tabIntoDiagram(page);
  // The first element of the outline: the first host.
  expect(first).toBe('ctl1');
  // Every element but this one is out of the Tab order, and so is everything React Flow draws over the diagram.
  const tabbable = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="diagram"] *')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
      .map((el) => el.getAttribute('data-id') ?? el.getAttribute('aria-label') ?? el.tagName),
  );
  expect(tabbable).toEqual(['ctl1']);
  // React Flow's attribution stays visible (its licence page asks to keep it), as a link out of the Tab order.
  await expect(page.getByRole('link', { name: 'React Flow attribution' })).toBeVisible();
  // With the zoom buttons out of the Tab order, the keys are shown while a box has the keyboard focus.
  const hint = page.locator('.sl-keys-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('zoom');
  await page.keyboard.press('ArrowDown');
  const second = await activeId(page);
  expect(second).not.toBe(first);
  await page.keyboard.press('Tab');
  expect(await activeId(page)).toBeNull();
  await expect(hint).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.closest('.react-flow') ?? null)).toBeNull();
  // Back in: the element last focused, not the first.
  await page.keyboard.press('Shift+Tab');
  expect(await activeId(page)).toBe(second);
  await expectFocusVisible(page, 'back in the diagram');
});

test('the arrow keys go through the elements in the order of the outline', async ({ page }) => {
  // Every element of the view, one key press each (each lights its stack).
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?topology=both');
  await waitReady(page, 'both');
  await page.getByRole('button', { name: 'Explain' }).click();
  await page.getByRole('tab', { name: 'Outline' }).click();
  const outline = page.getByRole('navigation', { name: 'Outline of the diagram' });
  const listed = await outline
    .locator('button[data-id]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-id') ?? ''))]);
  expect(listed.length).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Close the explain panel' }).click();

  const first = await tabIntoDiagram(page);
  expect(first).toBe(listed[0]);
  await recordFocus(page);
  for (let i = 1; i < listed.length; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await recorded(page)).length).toBe(listed.length - 1);
  expect([first, ...(await recorded(page))]).toEqual(listed);
  // The last element: Down goes nowhere; Home and End go to either end; Up goes back.
  await page.keyboard.press('ArrowDown');
  expect(await activeId(page)).toBe(listed.at(-1));
  await page.keyboard.press('Home');
  expect(await activeId(page)).toBe(listed[0]);
  await page.keyboard.press('End');
  expect(await activeId(page)).toBe(listed.at(-1));
  await page.keyboard.press('ArrowUp');
  expect(await activeId(page)).toBe(listed.at(-2));
});

test('Right goes into what is listed under an element, Left back out; the focused element is brought into view', async ({
  page,
}) => {
  await page.goto('/?topology=both');
  await waitReady(page, 'both');
  expect(await tabIntoDiagram(page)).toBe('ctl1');
  // ctl1 → its operator node → the first pod on it.
  await page.keyboard.press('ArrowRight');
  expect(await activeId(page)).toBe('undercloud/ctl1');
  await page.keyboard.press('ArrowRight');
  const pod = await activeId(page);
  expect(pod).toMatch(/@ctl1$/);
  // A pod holds nothing: Right stays.
  await page.keyboard.press('ArrowRight');
  expect(await activeId(page)).toBe(pod);
  await page.keyboard.press('ArrowLeft');
  expect(await activeId(page)).toBe('undercloud/ctl1');
  await page.keyboard.press('ArrowLeft');
  expect(await activeId(page)).toBe('ctl1');
  // A top-level element has nothing to go out to.
  await page.keyboard.press('ArrowLeft');
  expect(await activeId(page)).toBe('ctl1');

  // Zoomed in on one corner, moving to an element out of view pans the diagram to it.
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  // The zooms glide; once they are at rest, the move below must bring its element into view (a move pressed
  // while a zoom still glides: the test below).
  const viewport = page.locator('[data-testid="diagram"] .react-flow__viewport');
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [250] },
    )
    .toBe(true);
  await page.keyboard.press('End');
  const last = await activeId(page);
  expect(last).not.toBeNull();
  const box = page.locator(`.sl-el[data-id="${last}"]`);
  const pane = page.locator('[data-testid="diagram"] .react-flow');
  await expect
    .poll(async () => {
      const [b, p] = await Promise.all([box.boundingBox(), pane.boundingBox()]);
      if (!b || !p) return false;
      return b.x >= p.x && b.y >= p.y && b.x + b.width <= p.x + p.width && b.y + b.height <= p.y + p.height;
    })
    .toBe(true);
});

test('the tour keeps its arrow keys outside the diagram; inside, they move between elements', async ({
  page,
}) => {
  await page.goto('/?tour=openstack-and-kubernetes&step=2');
  await waitReady(page);
  const tour = page.getByTestId('tour');
  await expect(tour).toBeVisible();
  const step = () => tour.textContent();
  const before = await step();
  const first = await tabIntoDiagram(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  expect(await activeId(page)).not.toBe(first);
  expect(await step()).toBe(before);
  // Out of the diagram (the search box is above it), the tour's keys work as before.
  await page.getByRole('button', { name: 'Share…' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(step).not.toBe(before);
});

test('a big cloud seen from far (one canvas, no element in the page): the pane is the Tab stop and zooms in to the element', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const model = generateModel(2000, 3);
  await page.route('**/big-cloud.json', (route) => route.fulfill({ json: model }));
  await page.goto('/?model=/big-cloud.json&topology=both');
  await waitReady(page, 'both');
  await page.getByRole('button', { name: 'Unfold all' }).click();
  await waitReady(page, 'both');
  const diagram = page.getByTestId('diagram');
  await expect(diagram).toHaveAttribute('data-far', 'true');
  const first = model.hosts[0]?.id ?? '';
  await expect(page.locator(`.sl-el[data-id="${first}"]`)).toHaveCount(0);
  // The pane takes the Tab stop, and hands the focus on to the first host, drawn once the view is close.
  const pane = diagram.locator('.react-flow');
  await expect(pane).toHaveAttribute('tabindex', '0');
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('[data-testid="diagram"]') != null)) break;
  }
  await expect.poll(() => activeId(page), { timeout: 15_000 }).toBe(first);
  await expect(diagram).not.toHaveAttribute('data-far', 'true');
  await expectFocusVisible(page, 'the first host, after zooming in');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => activeId(page)).not.toBe(first);
  // Now an element is the Tab stop, not the pane.
  await expect(pane).not.toHaveAttribute('tabindex', '0');
});

test('a move pressed while a zoom still glides brings its element into view, and the glide’s end keeps it there', async ({
  page,
}) => {
  await page.goto('/?topology=both');
  await waitReady(page, 'both');
  await tabIntoDiagram(page);
  // No pause between the keys: each one lands while the zooms before it still glide.
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('End');
  const last = await activeId(page);
  expect(last).not.toBeNull();
  const box = page.locator(`.sl-el[data-id="${last}"]`);
  const pane = page.locator('[data-testid="diagram"] .react-flow');
  const inView = async () => {
    const [b, p] = await Promise.all([box.boundingBox(), pane.boundingBox()]);
    if (!b || !p) return false;
    return b.x >= p.x && b.y >= p.y && b.x + b.width <= p.x + p.width && b.y + b.height <= p.y + p.height;
  };
  await expect.poll(inView).toBe(true);
  // Every glide is over by now (a zoom and a pan are 200 ms each): the last one did not move it out again.
  await page.waitForTimeout(1000);
  expect(await inView()).toBe(true);
});
