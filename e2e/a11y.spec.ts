import AxeBuilder from '@axe-core/playwright';
import { diagram, expect, node, type Page, test, VIEWS, waitReady } from './fixtures';

/**
 * axe-core on every view and surface, in the light and the dark theme: no serious or critical violation.
 *
 * To stay fast (axe is slow on a diagram of hundreds of elements), each surface is scanned with every rule
 * in the light theme, then the page switches to dark in place (the theme control, no reload) and only
 * color-contrast runs again: a theme changes colours, not the DOM, so the other rules would see the same
 * tree. Surfaces over the diagram (dialogs, panels, the tour) are scanned on their own subtree; the whole
 * page is scanned where the diagram itself changes (views, selection, compare, presenter, embed).
 */

/** No rule is disabled: every serious or critical finding is a bug to fix, not to silence. */
async function violations(page: Page, include?: string, rules?: string[]) {
  // Legacy mode runs axe.run in the page itself; the default mode opens a second page to merge results
  // across frames, which doubles the time, and none of these pages has a frame.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  if (rules) builder = builder.withRules(rules);
  const t0 = Date.now();
  const result = await builder.analyze();
  if (process.env.A11Y_TIMING)
    console.log(`axe ${include ?? 'page'} ${rules ?? 'all'}: ${Date.now() - t0} ms`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      count: v.nodes.length,
    }));
}

async function expectClean(page: Page, what: string, include?: string, rules?: string[]) {
  expect(await violations(page, include, rules), `axe: ${what}`).toEqual([]);
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

/** Switches the open page to the dark theme with the theme control (Light → Dark). */
async function toDark(page: Page) {
  const control = page.getByTestId('theme-control');
  for (let i = 0; i < 3 && (await theme(page)) !== 'dark'; i++) await control.click();
  await expect.poll(() => theme(page)).toBe('dark');
}

/** Every rule in light, then color-contrast again in dark (see the note at the top). */
async function expectCleanInBothThemes(page: Page, what: string, include?: string) {
  expect(await theme(page)).toBe('light');
  await expectClean(page, `${what} (light)`, include);
  await toDark(page);
  await expectClean(page, `${what} (dark)`, include, ['color-contrast']);
}

test.describe.configure({ mode: 'default' });

for (const view of VIEWS) {
  test(`the ${view} view has no serious or critical violation, light and dark`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/?topology=${view}&theme=light`);
    await waitReady(page, view);
    await expectCleanInBothThemes(page, `${view} view`);
  });
}

test('details card (with the rest of the diagram faded) and the explain panel', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?topology=both&theme=light&select=keystone-api@ctl1');
  await waitReady(page, 'both');
  await expect(page.getByTestId('details')).toBeVisible();
  // Selecting an element fades everything outside its stack: faded text must still be legible.
  await expect(page.locator('.sl-el.sl-dim').first()).toBeAttached();
  // The diagram's structure was checked with the views; here its faded colours and the card.
  await expectClean(page, 'details card open, diagram faded (light)', undefined, ['color-contrast']);
  await expectClean(page, 'details card (light)', '[data-testid="details"]');
  for (const tab of ['Numbers', 'What if', 'Outline']) {
    if (tab === 'Numbers') await page.getByRole('button', { name: 'Explain' }).click();
    else await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectClean(page, `explain panel, ${tab} (light)`, 'aside[aria-label="Explain"]');
  }
  await expect(page.getByTestId('outline')).toBeVisible();
  await toDark(page);
  await expectClean(page, 'details card, outline (dark)', undefined, ['color-contrast']);
});

test('the what-if story: states, sentences and why links, and the details of a failed element', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?topology=both&theme=light&select=ctl1');
  await waitReady(page, 'both');
  await page.getByTestId('details').getByRole('button', { name: 'What if it fails?' }).click();
  await page.getByRole('button', { name: 'ctl2', exact: true }).click();
  await expect(page.getByTestId('what-if-states')).toContainText('down');
  await expectCleanInBothThemes(page, 'what-if panel', 'aside[aria-label="Explain"]');
  await expectClean(page, 'details of a failed host (dark)', '[data-testid="details"]', ['color-contrast']);
});

test('compare: two diagrams side by side', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?compare=traditional,both&theme=light');
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.locator('[data-ready="true"]')).toHaveCount(2);
  await expectCleanInBothThemes(page, 'compare');
});

test('tour step and presenter mode', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?tour=openstack-and-kubernetes&step=2&theme=light');
  await waitReady(page);
  const tour = page.getByTestId('tour');
  await expect(tour).toBeVisible();
  await expectClean(page, 'tour (light)', '[data-testid="tour"]');
  await page.keyboard.press('p');
  await expect(page.locator('[data-presenter="true"]')).toBeVisible();
  await expectClean(page, 'presenter mode with the tour (light)');
  await page.keyboard.press('p');
  await expect(page.locator('[data-presenter="true"]')).toHaveCount(0);
  await toDark(page);
  await expectClean(page, 'tour (dark)', '[data-testid="tour"]', ['color-contrast']);
  await page.keyboard.press('p');
  await expect(page.locator('[data-presenter="true"]')).toBeVisible();
  await expectClean(page, 'presenter mode with the tour (dark)', undefined, ['color-contrast']);
});

test('the editor, the share dialog and the examples dialog', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?topology=traditional&theme=light');
  await waitReady(page);
  const scanDialogs = async (mode: string, rules?: string[]) => {
    await page.getByRole('button', { name: 'Share…' }).click();
    await expect(page.locator('dialog[open]')).toContainText('Share and export');
    await expect(page.getByTestId('snippet-link')).toBeVisible();
    await expectClean(page, `share dialog (${mode})`, 'dialog[open]', rules);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Examples' }).click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    await expectClean(page, `examples dialog (${mode})`, 'dialog[open]', rules);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
  };
  await scanDialogs('light');
  await page.getByRole('button', { name: 'Edit JSON' }).click();
  await expect(page.locator('.cm-editor')).toBeVisible();
  await expect(page.getByTestId('validity')).toBeVisible();
  await expectClean(page, 'editor (light)', 'aside[aria-label="Model editor"]');
  await toDark(page);
  await expectClean(page, 'editor (dark)', 'aside[aria-label="Model editor"]', ['color-contrast']);
  await scanDialogs('dark', ['color-contrast']);
});

test('the embed', async ({ page }) => {
  test.setTimeout(120_000);
  for (const t of ['light', 'dark'] as const) {
    await page.goto(`/embed.html?topology=both&theme=${t}`);
    await waitReady(page, 'both');
    expect(await theme(page)).toBe(t);
    // The embed has no theme control: dark is a second load; its DOM is the light one's.
    await expectClean(page, `embed (${t})`, undefined, t === 'light' ? undefined : ['color-contrast']);
  }
});

test('the web component, light and dark: its shadow root has no serious or critical violation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.route('**/__wc-a11y.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Component</title></head><body>
        <stacklayers-diagram id="light" topology="both" theme="light" style="display:block;height:480px"></stacklayers-diagram>
        <stacklayers-diagram id="dark" topology="both" theme="dark" style="display:block;height:480px"></stacklayers-diagram>
        <script type="module" src="/stacklayers-diagram.js"></script>
      </body></html>`,
    }),
  );
  await page.goto('/__wc-a11y.html');
  for (const id of ['light', 'dark'])
    await expect(page.locator(`#${id} [data-testid="diagram"][data-ready="true"]`)).toBeVisible();
  await expectClean(page, 'web component (light)', '#light');
  await expectClean(page, 'web component (dark)', '#dark', ['color-contrast']);
});

test('React Flow speaks of a read-only diagram: nothing about selecting, moving or deleting nodes', async ({
  page,
}) => {
  await page.goto('/?topology=both&theme=light');
  await waitReady(page, 'both');
  // The accessibility tree as Chromium exposes it to screen readers: every name, description and role
  // description, including aria-describedby texts of hidden elements.
  const client = await page.context().newCDPSession(page);
  const { nodes } = (await client.send('Accessibility.getFullAXTree')) as {
    nodes: {
      name?: { value?: unknown };
      description?: { value?: unknown };
      properties?: { name: string; value: { value?: unknown } }[];
    }[];
  };
  const texts = new Set<string>();
  for (const n of nodes) {
    for (const v of [n.name?.value, n.description?.value]) if (typeof v === 'string' && v) texts.add(v);
    for (const p of n.properties ?? [])
      if (p.name === 'roledescription' && typeof p.value.value === 'string') texts.add(p.value.value);
  }
  // Every text React Flow may attach to nodes, edges and its live region, hidden or not.
  const described = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-describedby]')].flatMap((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? ''),
    ),
  );
  const live = await page.locator('.react-flow [aria-live]').allTextContents();
  const all = [
    ...texts,
    ...described,
    ...live,
    ...(await page.locator('[id^="react-flow__"]').allTextContents()),
  ];
  const wrong = all.filter((t) =>
    /drag|move the node|arrow keys to move|press delete|remove it|select a node|select an edge/i.test(t),
  );
  expect(wrong).toEqual([]);
  // What an element does say: its name, what it is, and how to use the diagram.
  const el = node(page, 'keystone-api@ctl1');
  await expect(el).toHaveAttribute('aria-roledescription', 'diagram element');
  await expect(el).toHaveAccessibleName(/keystone-api/);
  await expect(el).toHaveAccessibleDescription(
    /read-only diagram, one Tab stop\. The arrow keys go from element to element.*Enter opens the details/,
  );
  // The diagram is an application (React Flow's wrapper): screen readers pass the arrow keys to it, and it
  // is named after its view.
  await expect(page.getByRole('application', { name: 'Diagram of the both view' })).toBeVisible();
  await expect(diagram(page).getByRole('button', { name: 'Zoom in' })).toBeVisible();
});

test('with reduced motion, nothing on the page transitions or animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?topology=both&select=ctl1');
  await waitReady(page, 'both');
  await page.getByRole('button', { name: 'Explain' }).click();
  const moving = () =>
    page.evaluate(() => {
      const seconds = (list: string) => list.split(',').map((d) => Number.parseFloat(d) || 0);
      return [...document.querySelectorAll('*')]
        .filter((el) => {
          const s = getComputedStyle(el);
          const transition = seconds(s.transitionDuration).some((d) => d > 0);
          const animation = s.animationName !== 'none' && seconds(s.animationDuration).some((d) => d > 0);
          return transition || animation;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
        .slice(0, 10);
    });
  expect(await moving()).toEqual([]);
  // The switches' knobs glide only when motion is welcome.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect((await moving()).length).toBeGreaterThan(0);
});
