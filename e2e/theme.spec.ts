import { expect, type Page, tabTo, test, waitReady } from './fixtures';

const KEY = 'stacklayers:theme';
const control = (page: Page) => page.getByTestId('theme-control');
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);

test('the theme control cycles Auto, Light, Dark; Auto follows the system live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?topology=traditional');
  await waitReady(page);
  const c = control(page);
  await expect(c).toBeVisible();
  await expect(c).toHaveAccessibleName('Theme: Auto (follows system)');
  await expect(c).toHaveAttribute('title', /^Theme: Auto \(follows system\)/);
  expect(await theme(page)).toBe('light');
  // Auto follows the system's preference as it changes, without a reload.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => theme(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toBe('light');

  await c.click();
  await expect(c).toHaveAccessibleName('Theme: Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  // A chosen theme no longer follows the system.
  await expect.poll(() => theme(page)).toBe('light');
  await c.click();
  await expect(c).toHaveAccessibleName('Theme: Dark');
  await expect.poll(() => theme(page)).toBe('dark');
  expect(await stored(page)).toBe('dark');
  await c.click();
  await expect(c).toHaveAccessibleName('Theme: Auto (follows system)');
  expect(await stored(page)).toBe('auto');
  await expect.poll(() => theme(page)).toBe('dark');
  // The diagram follows the page's theme too.
  await expect(page.locator('.react-flow.dark')).toBeVisible();
});

test('the choice is remembered across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?topology=traditional');
  await waitReady(page);
  await control(page).click();
  await control(page).click();
  await expect(control(page)).toHaveAccessibleName('Theme: Dark');
  await page.reload();
  await waitReady(page);
  await expect(control(page)).toHaveAccessibleName('Theme: Dark');
  expect(await theme(page)).toBe('dark');
});

test('?theme= in the URL wins over the remembered choice for that visit', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, 'dark');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?topology=traditional&theme=light');
  await waitReady(page);
  await expect(control(page)).toHaveAccessibleName('Theme: Light');
  expect(await theme(page)).toBe('light');
  // The URL did not overwrite what was remembered.
  expect(await stored(page)).toBe('dark');
  await page.goto('/?topology=traditional');
  await waitReady(page);
  await expect(control(page)).toHaveAccessibleName('Theme: Dark');
  // An explicit choice replaces the URL's (so a reload keeps what was chosen).
  await page.goto('/?topology=traditional&theme=light');
  await waitReady(page);
  await control(page).click();
  await expect(control(page)).toHaveAccessibleName('Theme: Dark');
  await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBeNull();
  expect(await stored(page)).toBe('dark');
});

test('a storage that throws only means the choice is not remembered', async ({ page }) => {
  await page.addInitScript((k) => {
    const get = Storage.prototype.getItem;
    const set = Storage.prototype.setItem;
    Storage.prototype.getItem = function (key: string) {
      if (key === k) throw new DOMException('The operation is insecure.', 'SecurityError');
      return get.call(this, key);
    };
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === k) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      set.call(this, key, value);
    };
  }, KEY);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?topology=traditional');
  await waitReady(page);
  await expect(control(page)).toHaveAccessibleName('Theme: Auto (follows system)');
  await control(page).click();
  await control(page).click();
  await expect(control(page)).toHaveAccessibleName('Theme: Dark');
  expect(await theme(page)).toBe('dark');
});

test('the control is reached and operated from the keyboard, with a visible focus ring', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?topology=traditional');
  await waitReady(page);
  await tabTo(page, control(page), 'Tab', 40);
  const ring = await control(page).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(control(page)).toHaveAccessibleName('Theme: Light');
  await page.keyboard.press('Space');
  await expect(control(page)).toHaveAccessibleName('Theme: Dark');
  expect(await theme(page)).toBe('dark');
});
