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

/** Presses Tab until the focus is on a diagram element whose id matches. */
async function tabToElement(page: Page, match: RegExp, max = 60): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await activeId(page);
    if (id && match.test(id)) return id;
  }
  throw new Error(`no diagram element matching ${match} within ${max} presses of Tab`);
}

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

  // On into the diagram, to a service instance (a pod on an operator node in this view).
  const first = await tabToElement(page, /./);
  await expectFocusVisible(page, `diagram element ${first}`);
  const id = await tabToElement(page, /@/);
  await expectFocusVisible(page, `diagram element ${id}`);

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
