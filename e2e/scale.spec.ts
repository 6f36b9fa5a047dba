import { generateModel } from '../src/model/generate';
import { diagram, expect, node, test, waitReady } from './fixtures';

/**
 * A big cloud, unfolded: from far it is one layer of plain boxes (no text, one element each); closer, only
 * the boxes in view are drawn. Either way every box is an element: it can be pointed at, selected and read.
 */
test('a 2,000-element cloud unfolded: the far layer, selection in it, and only what is in view up close', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const model = generateModel(2000, 3);
  await page.route('**/big-cloud.json', (route) => route.fulfill({ json: model }));
  await page.goto('/?model=/big-cloud.json&topology=both');
  await waitReady(page, 'both');
  // It starts folded; the legend strip unfolds everything.
  await expect(node(page, 'group:compute')).toBeVisible();
  await page.getByRole('button', { name: 'Unfold all' }).click();
  await expect(node(page, 'group:compute')).toHaveCount(0);
  await waitReady(page, 'both');

  // Unfolded, it is placed whole (an overview), below the far zoom: one layer of plain boxes, all of them,
  // and few React Flow nodes.
  await expect(diagram(page)).toHaveAttribute('data-far', 'true');
  const far = diagram(page).locator('.sl-far[data-id]');
  await expect.poll(() => far.count()).toBeGreaterThan(2000);
  expect(await diagram(page).locator('.react-flow__node').count()).toBeLessThan(40);
  expect(await far.first().textContent()).toBe('');

  // A box of the far layer is an element: it is selected by a click, and the details name it.
  const vm = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="diagram"]')?.getBoundingClientRect();
    if (!pane) return null;
    for (const el of document.querySelectorAll('.sl-far.sl-vm[data-id]')) {
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (x > pane.x + 80 && x < pane.x + pane.width / 2 && y > pane.y + 80 && y < pane.bottom - 120)
        return el.getAttribute('data-id');
    }
    return null;
  });
  expect(vm).not.toBeNull();
  await node(page, vm ?? '').click();
  await expect(node(page, vm ?? '')).toHaveClass(/sl-selected/);
  await expect(page.getByTestId('details').getByRole('heading', { name: vm ?? '' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Closer: boxes with their text again, and only those in view are in the page.
  const zoomIn = diagram(page).getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 20 && (await diagram(page).getAttribute('data-far')) === 'true'; i++) {
    await zoomIn.click();
    await page.waitForTimeout(150);
  }
  await expect(diagram(page)).not.toHaveAttribute('data-far', 'true');
  await expect(far).toHaveCount(0);
  await expect.poll(() => diagram(page).locator('.sl-vm__name').count()).toBeGreaterThan(0);
  const boxes = await diagram(page).locator('.sl-el[data-id]').count();
  expect(boxes).toBeGreaterThan(0);
  expect(boxes).toBeLessThan(2000);

  // And it folds back as it started.
  await page.getByRole('button', { name: 'Fold as it started' }).click();
  await expect(node(page, 'group:compute')).toBeVisible();
});
