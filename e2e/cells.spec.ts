import type { Page } from '@playwright/test';
import { generateModel } from '../src/model/generate';
import { diagram, expect, node, test, waitReady } from './fixtures';

/** A cloud organised as big ones are: 2 regions, 6 availability zones, 20 Nova cells. */
const model = generateModel(12_000, 3, { regions: 2, zones: 6, cells: 20 });

async function openCloud(page: Page): Promise<void> {
  await page.route('**/cells-cloud.json', (route) => route.fulfill({ json: model }));
  await page.goto('/?model=/cells-cloud.json&topology=traditional');
  await waitReady(page, 'traditional');
}

test('a structured cloud starts as its zones under its regions; a zone unfolds into its cells and folds back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openCloud(page);
  for (let z = 1; z <= 6; z++) await expect(node(page, `group:zone:az${z}`)).toBeVisible();
  await expect(node(page, 'group:region:RegionOne')).toContainText('Region RegionOne');
  await expect(node(page, 'group:zone:az1')).toContainText(/Zone az1[\s\S]*[\d,]+ hosts · [\d,]+ VMs/);
  await expect(diagram(page).locator('.react-flow__node[data-id^="group:cell:"]')).toHaveCount(0);

  await node(page, 'group:zone:az1').click();
  await waitReady(page, 'traditional');
  const cellsOfAz1 = [...new Set(model.hosts.filter((h) => h.zone === 'az1').map((h) => h.cell))];
  for (const c of cellsOfAz1) await expect(node(page, `group:cell:${c}@az1`)).toContainText(`Cell ${c}`);
  // Open, the zone is a bar under its cells; activating the bar folds it again.
  await expect(node(page, 'group:zone:az1')).toHaveAttribute(
    'aria-label',
    /Zone az1, open: .*Activate to fold/,
  );
  await node(page, 'group:zone:az1').click();
  await waitReady(page, 'traditional');
  await expect(node(page, 'group:zone:az1')).toHaveAttribute('aria-label', /Zone az1, folded/);
  await expect(diagram(page).locator('.react-flow__node[data-id^="group:cell:"]')).toHaveCount(0);
});

test("losing a cell's database: only that cell's instances are unmanageable, and its zone says so", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openCloud(page);
  await page.getByRole('button', { name: 'Explain' }).click();
  await page.getByRole('tab', { name: 'Numbers' }).click();
  await expect(page.getByTestId('cell-quorums').getByRole('listitem')).toHaveCount(20);
  await expect(page.getByTestId('cell-cell7')).toContainText('mariadb 3, majority 2');

  await page.getByRole('tab', { name: 'What if' }).click();
  await page.getByRole('button', { name: 'cell7 mariadb' }).click();
  const summary = page.getByTestId('what-if-summary');
  await expect(summary).toContainText('Cell cell7: mariadb lost its majority (0 of 3 up, 2 needed)');
  await expect(summary).toContainText('the other 19 cells are not affected');
  await expect(summary).not.toContainText('control plane is down');
  const zoneOf7 = model.hosts.find((h) => h.cell === 'cell7')?.zone;
  await expect(node(page, `group:zone:${zoneOf7}`)).toContainText(/[\d,]+ VMs unmanageable/);
  for (const z of ['az1', 'az2', 'az3', 'az4', 'az5', 'az6'].filter((z) => z !== zoneOf7))
    await expect(node(page, `group:zone:${z}`)).not.toContainText('unmanageable');
});
