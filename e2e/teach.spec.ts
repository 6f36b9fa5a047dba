import { diagram, expect, gotoView, node, switches, tabTo, test, waitReady } from './fixtures';

const TOUR = 'openstack-and-kubernetes';
const tour = (page: import('@playwright/test').Page) => page.getByTestId('tour');
const progress = (page: import('@playwright/test').Page) =>
  page.getByRole('progressbar', { name: 'Tour progress' });
const stepInUrl = (page: import('@playwright/test').Page) => new URL(page.url()).searchParams.get('step');

test('the whole default tour, from the keyboard alone', async ({ page }) => {
  // Eleven steps, each a new view drawn and framed.
  test.setTimeout(60_000);
  await gotoView(page, 'traditional');
  await tabTo(page, page.getByRole('button', { name: 'Tour' }));
  await page.keyboard.press('Enter');
  await expect(tour(page)).toBeVisible();
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '1');
  const total = Number(await progress(page).getAttribute('aria-valuemax'));
  expect(total).toBeGreaterThanOrEqual(8);
  // Starting a tour moves the focus into it, so arrow keys and Space drive it, as on a clicker.
  await expect(tour(page).getByRole('heading')).toBeFocused();
  const seen = new Set<string>();
  for (let n = 1; n <= total; n++) {
    await expect(progress(page)).toHaveAttribute('aria-valuenow', String(n));
    await expect.poll(() => stepInUrl(page)).toBe(String(n));
    expect(new URL(page.url()).searchParams.get('tour')).toBe(TOUR);
    await waitReady(page);
    seen.add((await diagram(page).getAttribute('data-view')) ?? '');
    if (n < total) await page.keyboard.press(n % 2 ? 'ArrowRight' : ' ');
  }
  // The tour visits every view.
  expect(seen).toEqual(new Set(['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both']));
  await page.keyboard.press('ArrowLeft');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', String(total - 1));
  await page.keyboard.press('Escape');
  await expect(tour(page)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('tour')).toBeNull();
});

test('during a tour, what a switch changed is a line in the card, not a panel over the diagram', async ({
  page,
}) => {
  await page.goto(`/?tour=${TOUR}&step=5`);
  await waitReady(page, 'traditional');
  // Step 6 switches to the control plane on Kubernetes.
  await tour(page).getByRole('button', { name: 'Next' }).click();
  await waitReady(page, 'control-plane-on-k8s');
  const line = tour(page).getByTestId('tour-changes');
  await expect(line).toContainText('traditional to control-plane-on-k8s');
  await expect(line).toContainText('undercloud');
  await expect(page.getByTestId('changes')).toHaveCount(0);
});

test('a step can be linked, and it sets the view, the lens and the failures', async ({ page }) => {
  await page.goto(`/?tour=${TOUR}&step=5`);
  await waitReady(page, 'traditional');
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '5');
  await expect(node(page, 'ctl1')).toHaveClass(/sl-failed/);
  await expect(node(page, 'ctl2')).toHaveClass(/sl-failed/);
  // The what-if's headline is a line in the card (no banner over the diagram during a tour).
  await expect(tour(page).getByTestId('tour-what-if')).toContainText('The OpenStack control plane is down');
  await expect(page.getByTestId('what-if-banner')).toHaveCount(0);

  await page.goto(`/?tour=${TOUR}&step=6`);
  await waitReady(page, 'control-plane-on-k8s');
  await expect(switches(page).controlPlaneOnK8s).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radio', { name: 'Operator' })).toBeChecked();
  await expect(node(page, 'undercloud')).toBeVisible();
});

test('a quiz answer is checked and explained', async ({ page }) => {
  await page.goto(`/?tour=${TOUR}&step=3`);
  await waitReady(page);
  const quiz = tour(page).getByRole('group');
  await expect(quiz).toContainText('How many');
  await quiz.getByRole('button', { name: '2' }).click();
  await expect(page.getByTestId('quiz-feedback')).toContainText('Not quite');
  await quiz.getByRole('button', { name: '1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quiz-feedback')).toContainText('Right');
});

test('after a switch, what changed is said in words', async ({ page }) => {
  await gotoView(page, 'traditional');
  await switches(page).controlPlaneOnK8s.click();
  await waitReady(page, 'control-plane-on-k8s');
  const changes = page.getByTestId('changes');
  await expect(changes).toContainText('traditional to control-plane-on-k8s');
  await expect(changes).toContainText('undercloud');
  await expect(changes).toContainText('pods');
  // With motion, what appears fades in.
  await expect(diagram(page)).toHaveClass(/sl-motion/);
  await expect(node(page, 'undercloud')).toHaveClass(/sl-new/);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('turns the motion off, not the list of changes', async ({ page }) => {
    await gotoView(page, 'traditional');
    await expect(diagram(page)).not.toHaveClass(/sl-motion/);
    await switches(page).k8sInTenant.click();
    await waitReady(page, 'k8s-in-tenant');
    await expect(node(page, 'prod-k8s')).not.toHaveClass(/sl-new/);
    await expect(page.getByTestId('changes')).toContainText('prod-k8s');
  });
});

test('compare: two views side by side, synced pan and zoom, shared selection, differences marked', async ({
  page,
}) => {
  await page.goto('/?compare=traditional,both');
  const a = page.getByTestId('compare-a');
  const b = page.getByTestId('compare-b');
  await expect(a).toHaveAttribute('data-ready', 'true');
  await expect(b).toHaveAttribute('data-ready', 'true');
  await expect(a).toHaveAttribute('data-view', 'traditional');
  await expect(b).toHaveAttribute('data-view', 'both');
  const transform = (pane: typeof a) => pane.locator('.react-flow__viewport').getAttribute('style');
  await expect.poll(() => transform(b)).toBe(await transform(a));

  // Pan the left pane: the right one follows.
  const box = await a.boundingBox();
  if (!box) throw new Error('no pane');
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 90, { steps: 5 });
  await page.mouse.up();
  const after = await transform(a);
  await expect.poll(() => transform(b)).toBe(after);

  // Differences: the operator cluster appears on the right; services change form on both sides.
  await expect(b.locator('.sl-el[data-id="undercloud"]')).toHaveClass(/sl-diff-new/);
  await expect(a.locator('.sl-el[data-id="keystone-api@ctl1"]')).toHaveClass(/sl-diff-changed/);
  await expect(b.locator('.sl-el[data-id="keystone-api@ctl1"]')).toHaveClass(/sl-diff-changed/);
  await expect(page.getByTestId('compare-summary')).toContainText('undercloud');

  // Selecting in one selects in both.
  await a.locator('.sl-el[data-id="kvm2"]').click();
  await expect(a.locator('.sl-el[data-id="kvm2"]')).toHaveClass(/sl-selected/);
  await expect(b.locator('.sl-el[data-id="kvm2"]')).toHaveClass(/sl-selected/);
});

test('presenter mode at 1024x768: only the diagram and the tour, larger', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/?tour=${TOUR}&step=6`);
  await waitReady(page);
  await page.keyboard.press('p');
  await expect(page.locator('[data-presenter="true"]')).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Legend' })).toHaveCount(0);
  const title = tour(page).getByRole('heading');
  const size = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await waitReady(page);
  const path = testInfo.outputPath('presenter-1024x768.png');
  await page.screenshot({ path });
  await testInfo.attach('presenter-1024x768', { path, contentType: 'image/png' });
  await page.keyboard.press('p');
  await expect(page.getByRole('banner')).toBeVisible();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after the first load, the app reloads with the network off', async ({ page, context }) => {
    // When the diagram first says it is ready, and when the page asks for its service worker (in the page's
    // own clock, whatever the machine's load does to the test's).
    await page.addInitScript(() => {
      const times: { ready?: number; register?: number } = {};
      (window as unknown as { __times: typeof times }).__times = times;
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args: Parameters<typeof register>) => {
        times.register ??= performance.now();
        return register(...args);
      };
      new MutationObserver(() => {
        if (times.ready === undefined && document.querySelector('[data-testid="diagram"][data-ready="true"]'))
          times.ready = performance.now();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    });
    await page.goto('/?topology=both');
    await waitReady(page, 'both');
    // It is registered only once the first diagram is up and the page idle: precaching the build does not
    // compete with the first diagram.
    await page.waitForFunction(
      () => (window as unknown as { __times: { register?: number } }).__times.register,
    );
    const times = await page.evaluate(
      () => (window as unknown as { __times: { ready: number; register: number } }).__times,
    );
    expect(times.register - times.ready).toBeGreaterThanOrEqual(1000);
    // Wait until the service worker has precached the build and controls the page.
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await context.setOffline(true);
    await page.reload();
    await waitReady(page, 'both');
    await expect(node(page, 'keystone-api@ctl1')).toBeVisible();
    await page.getByRole('button', { name: 'Edit JSON' }).click();
    await expect(page.locator('.cm-content')).toBeVisible();
    await context.setOffline(false);
  });
});

test("an author's aid: the current view, lens and selection copied as a tour step's JSON", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?topology=both&persona=operator&select=kvm1');
  await waitReady(page, 'both');
  await page.getByRole('button', { name: 'Copy as step' }).click();
  await expect(page.getByRole('status')).toContainText('Copied as a tour step');
  const step = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(step).toMatchObject({ view: 'both', persona: 'operator', focus: ['kvm1'], highlight: ['kvm1'] });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the header folds into a menu that keeps the switches; a swipe on the card moves the tour', async ({
    page,
  }) => {
    await page.goto(`/?tour=${TOUR}&step=1`);
    await waitReady(page, 'traditional');
    await expect(
      page.getByRole('switch', { name: 'OpenStack control plane on Kubernetes' }),
    ).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Examples' })).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).tap();
    await expect(page.getByRole('button', { name: 'Examples' })).toBeVisible();
    await page.getByRole('button', { name: 'Menu' }).tap();
    const card = tour(page);
    await expect(card).toHaveAttribute('data-placement', 'sheet');
    await expect(page.getByTestId('tour-hint')).toContainText('Swipe');
    // A swipe to the left: the next step; to the right: back.
    const box = await card.boundingBox();
    if (!box) throw new Error('no card');
    const swipe = async (id: number, from: number, to: number) => {
      const at = (x: number, dy: number) => ({
        pointerId: id,
        pointerType: 'touch',
        clientX: box.x + x,
        clientY: box.y + 30 + dy,
      });
      await card.dispatchEvent('pointerdown', at(from, 0));
      await card.dispatchEvent('pointerup', at(to, 6));
    };
    await swipe(7, 300, 80);
    await expect(progress(page)).toHaveAttribute('aria-valuenow', '2');
    await swipe(8, 80, 300);
    await expect(progress(page)).toHaveAttribute('aria-valuenow', '1');
  });
});
