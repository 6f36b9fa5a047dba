import { expect, gotoView, node, type Page, tabTo, test, waitReady } from './fixtures';

const details = (page: Page) => page.getByTestId('details');

test.describe('details and stack', () => {
  test('a project resource says what makes it, not that it groups anything', async ({ page }) => {
    await gotoView(page, 'both');
    for (const [id, made] of [
      ['db-1-data', 'made by Cinder'],
      ['acme-web-net', 'made by Neutron'],
      ['prod-k8s-api-lb', 'made by Octavia'],
    ] as const) {
      await node(page, id).click();
      await expect(details(page).getByTestId('details-runs-on-nothing')).toContainText(made);
      await page.keyboard.press('Escape');
    }
    // A project (its head: VMs fill the rest of its box).
    await node(page, 'acme-web').click({ position: { x: 30, y: 8 } });
    await expect(details(page).getByTestId('details-runs-on-nothing')).toHaveText(
      'Nothing: it groups what is inside it.',
    );
  });

  test('clicking a service shows what it is, who runs it and its stack down to the hardware', async ({
    page,
  }) => {
    await gotoView(page, 'both');
    await node(page, 'nova-scheduler@ctl2').click();
    await expect(details(page).getByRole('heading', { name: 'nova-scheduler' })).toBeVisible();
    await expect(details(page)).toContainText('pod (Deployment)');
    await expect(page.getByTestId('details-owner')).toHaveText('the cloud operator');
    const chain = page.getByTestId('details-chain');
    await expect(chain.getByRole('listitem')).toHaveCount(2);
    await expect(chain).toContainText("operator's Kubernetes control-plane node");
    await expect(chain.getByRole('listitem').last()).toContainText('ctl2host');
    expect(new URL(page.url()).searchParams.get('select')).toBe('nova-scheduler@ctl2');
    // Its stack is lit, the rest dimmed.
    await expect(node(page, 'ctl2')).toHaveClass(/sl-lit/);
    await expect(node(page, 'kvm1')).toHaveClass(/sl-dim/);
    await page.keyboard.press('Escape');
    await expect(details(page)).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('select')).toBeNull();
  });

  test("a tenant's pod runs on a worker node, on a VM, on a compute host", async ({ page }) => {
    await page.goto('/?topology=k8s-in-tenant&select=shop-frontend%230');
    await waitReady(page, 'k8s-in-tenant');
    await expect(details(page)).toContainText('shop-frontend-0');
    await expect(page.getByTestId('details-owner')).toHaveText('the tenant');
    const items = page.getByTestId('details-chain').getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText("tenant's Kubernetes worker node");
    await expect(items.nth(1)).toContainText('prod-k8s-md-0VM');
    await expect(items.nth(2)).toContainText('kvm4host');
    // Following a link moves the selection down the stack.
    await items.nth(2).getByRole('button').click();
    await expect(details(page).getByRole('heading', { name: 'kvm4' })).toBeVisible();
    await expect(page.getByTestId('details-above')).toContainText('prod-k8s-md-0');
  });

  test('docs links are http(s) and open in a new tab', async ({ page }) => {
    await page.goto('/?topology=traditional&select=keystone-api%40ctl1');
    await waitReady(page);
    const link = details(page).getByRole('link', { name: /Documentation/ });
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('rel', /noopener/);
  });
});

test('the persona lens shades what each persona owns', async ({ page }) => {
  await gotoView(page, 'both');
  await page.getByText('Tenant', { exact: true }).click();
  expect(new URL(page.url()).searchParams.get('persona')).toBe('tenant');
  await expect(node(page, 'prod-k8s')).toHaveClass(/sl-owned/);
  await expect(node(page, 'web-1')).toHaveClass(/sl-owned/);
  await expect(node(page, 'undercloud')).toHaveClass(/sl-not-owned/);
  await expect(node(page, 'keystone-api@ctl1')).toHaveClass(/sl-not-owned/);
  await page.getByText('Operator', { exact: true }).click();
  await expect(node(page, 'undercloud')).toHaveClass(/sl-owned/);
  await expect(node(page, 'prod-k8s')).toHaveClass(/sl-not-owned/);
  await expect(node(page, 'amphora-1')).toHaveClass(/sl-owned/);
  await page.reload();
  await waitReady(page, 'both');
  await expect(page.getByRole('radio', { name: 'Operator' })).toBeChecked();
});

test('failing one controller keeps every majority; failing two loses the control plane, not the VMs', async ({
  page,
}) => {
  await gotoView(page, 'traditional');
  await page.getByRole('button', { name: 'Explain' }).click();
  await page.getByRole('tab', { name: 'What if' }).click();
  await page.getByRole('button', { name: 'ctl1', exact: true }).click();
  const summary = page.getByTestId('what-if-summary');
  const states = page.getByTestId('what-if-states');
  await expect(summary).toContainText('1 of 3 controllers failed');
  await expect(summary).toContainText('Every majority holds');
  await expect(summary).toContainText('keepalived moves it');
  await expect(states).toContainText('degraded');
  await expect(node(page, 'ctl1')).toHaveClass(/sl-failed/);
  await expect(node(page, 'keystone-api@ctl1')).toHaveClass(/sl-down/);
  await expect(node(page, 'web-1')).not.toHaveClass(/sl-unmanaged|sl-down|sl-impaired/);

  await page.getByRole('button', { name: 'ctl2', exact: true }).click();
  await expect(summary).toContainText('MariaDB Galera (mariadb) lost its majority: 1 of 3 up, 2 needed');
  await expect(summary).toContainText('The OpenStack control plane is down');
  // ctl1 and ctl2 were gateways too: north-south depends on the failover to ctl3.
  await expect(summary).toContainText('fail over to ctl3');
  // The panel tells it all; the banner is for when it is closed.
  await expect(page.getByTestId('what-if-banner')).toHaveCount(0);
  // Every sentence with a source has its "why" link, to an http(s) page in a new tab.
  const why = summary.getByRole('link', { name: /why/ }).first();
  await expect(why).toHaveAttribute('href', /^https:\/\//);
  await expect(why).toHaveAttribute('target', '_blank');
  // The data plane runs on: VMs are up but cannot be managed.
  await expect(node(page, 'web-1')).toHaveClass(/sl-unmanaged/);
  await page.getByRole('tab', { name: 'Numbers' }).click();
  await expect(page.getByTestId('what-if-banner')).toContainText('2 of 3 controllers failed');
  await expect(page.getByTestId('what-if-banner')).toContainText('control plane is down');
  // Hosts do not vote: the majorities are the clustered services'.
  await expect(page.getByTestId('quorum-controllers')).toHaveCount(0);
  await expect(page.getByTestId('quorum-mariadb')).toContainText('1 of 3 up');
  await expect(page.getByTestId('quorum-mariadb')).toContainText('Majority lost');

  await page.getByRole('button', { name: 'Restore all' }).click();
  await expect(page.getByTestId('what-if-banner')).toHaveCount(0);
  await expect(node(page, 'ctl1')).not.toHaveClass(/sl-failed/);
});

test("the operator cluster's control plane fails: pods keep running, OpenStack keeps answering, nothing heals", async ({
  page,
}) => {
  await page.goto('/?topology=control-plane-on-k8s&select=undercloud');
  await waitReady(page);
  await expect(details(page)).toContainText('StorageClass');
  await details(page).getByRole('button', { name: 'What if its control plane fails?' }).click();
  const summary = page.getByTestId('what-if-summary');
  await expect(summary).toContainText('kubelets keep the running pods running');
  await expect(summary).toContainText('The OpenStack control plane is not affected');
  await expect(node(page, 'keystone-api@ctl1')).not.toHaveClass(/sl-down/);
  await expect(node(page, 'undercloud/kvm1')).toHaveClass(/sl-unmanaged/);
  await expect(node(page, 'db-1')).not.toHaveClass(/sl-down|sl-unmanaged|sl-impaired/);
});

test("Open vSwitch fails on kvm1: that host's VMs keep running without network", async ({ page }) => {
  await page.goto('/?topology=traditional&select=openvswitch@kvm1');
  await waitReady(page);
  await expect(details(page)).toContainText('Data plane');
  await details(page).getByRole('button', { name: 'What if it fails?' }).click();
  const summary = page.getByTestId('what-if-summary');
  await expect(summary).toContainText('lose their network');
  await expect(node(page, 'web-1')).toHaveClass(/sl-impaired/);
  await expect(node(page, 'web-2')).not.toHaveClass(/sl-impaired|sl-down/);
  await expect(page.getByTestId('what-if-states')).toContainText('up');
});

test('search finds "sched" and zooms to the choice', async ({ page }) => {
  await gotoView(page, 'both');
  const box = page.getByRole('combobox', { name: 'Search elements' });
  await box.fill('sched');
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('nova-scheduler');
  await expect(page.getByRole('listbox')).toContainText('cinder-scheduler');
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(details(page).getByRole('heading', { name: 'nova-scheduler' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('select')).toBe('nova-scheduler@ctl2');
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);
});

test('the outline lists everything the diagram shows', async ({ page }) => {
  await gotoView(page, 'both');
  await page.getByRole('button', { name: 'Explain' }).click();
  await page.getByRole('tab', { name: 'Outline' }).click();
  const outline = page.getByRole('navigation', { name: 'Outline of the diagram' });
  await expect(outline).toBeVisible();
  const inOutline = new Set(
    await outline.locator('button[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))),
  );
  const inDiagram = await page
    .locator('.sl-el')
    .evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-id') ?? '').filter((id) => !/^(band|edges):/.test(id)),
    );
  expect(inDiagram.length).toBeGreaterThan(100);
  expect(inDiagram.filter((id) => !inOutline.has(id))).toEqual([]);
  await outline.locator('button[data-id="db-1"]').first().click();
  await expect(details(page).getByRole('heading', { name: 'db-1' })).toBeVisible();
});

test('folding: double-click folds a host, big models start folded', async ({ page }) => {
  await gotoView(page, 'traditional');
  await expect(node(page, 'keystone-api@ctl1')).toBeVisible();
  await node(page, 'ctl1').dblclick();
  await expect(node(page, 'keystone-api@ctl1')).toHaveCount(0);
  await expect(node(page, 'ctl1')).toContainText('services folded');
  await node(page, 'ctl1').dblclick();
  await expect(node(page, 'keystone-api@ctl1')).toBeVisible();

  // A big model starts grouped and folded so the whole cloud fits the screen; a group unfolds on click.
  await page.goto('/?model=/models/large.json');
  await waitReady(page);
  expect(await page.locator('.sl-el').count()).toBeLessThan(100);
  const group = node(page, 'group:compute');
  await expect(group).toContainText('compute hosts');
  await expect(group).toContainText('VMs run on them');
  const hostName = page.locator('.sl-el[data-id="group:compute"] .sl-group__label');
  const zoom = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const px = await hostName.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(px * zoom).toBeGreaterThanOrEqual(8);
  await group.click();
  await expect(node(page, 'cmp1')).toContainText('folded');
  expect(await page.locator('.sl-el').count()).toBeLessThan(1000);
});

test('a layer can be hidden from the legend', async ({ page }) => {
  await gotoView(page, 'both');
  await page.getByRole('checkbox', { name: 'OpenStack' }).uncheck();
  await expect(page.locator('[data-band="openstack"]')).toHaveCount(0);
  await expect(node(page, 'keystone-api@ctl1')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'OpenStack' }).check();
  await expect(node(page, 'keystone-api@ctl1')).toBeVisible();
});

test('keyboard only: search, read the details, fail it, restore it', async ({ page }) => {
  await gotoView(page, 'traditional');
  const box = page.getByRole('combobox', { name: 'Search elements' });
  await tabTo(page, box);
  await page.keyboard.type('ctl1');
  await expect(page.getByRole('option').first()).toContainText('ctl1');
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('heading', { name: 'ctl1' })).toBeVisible();
  const fail = details(page).getByRole('button', { name: 'What if it fails?' });
  await tabTo(page, fail, 'Tab', 60);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('what-if-summary')).toContainText('1 of 3 controllers failed');
  const restore = details(page).getByRole('button', { name: 'Restore' });
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('what-if-summary')).toHaveCount(0);
  await expect(page.getByTestId('what-if-banner')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(details(page)).toHaveCount(0);
  // A diagram element takes focus and opens with Enter.
  await node(page, 'kvm2').focus();
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('heading', { name: 'kvm2' })).toBeVisible();
});
