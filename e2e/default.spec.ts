import { diagram, expect, expectView, gotoView, node, test, waitReady } from './fixtures';

const HOSTS = ['ctl1', 'ctl2', 'ctl3', 'kvm1', 'kvm2', 'kvm3', 'kvm4', 'ceph1', 'ceph2', 'ceph3'];
const CONTROLLERS = ['ctl1', 'ctl2', 'ctl3'];
const COMPUTES = ['kvm1', 'kvm2', 'kvm3', 'kvm4'];
const VMS = [
  'web-1',
  'web-2',
  'db-1',
  'prod-k8s-cp-0',
  'prod-k8s-cp-1',
  'prod-k8s-cp-2',
  'prod-k8s-md-0',
  'prod-k8s-md-1',
  'prod-k8s-md-2',
  'amphora-1',
  'amphora-2',
];
/** Process id in the model, the name its chip shows, and the hosts it runs on. */
const SERVICES: [process: string, label: string, hosts: string[]][] = [
  ['keystone-api', 'keystone-api', CONTROLLERS],
  ['nova-scheduler', 'nova-scheduler', CONTROLLERS],
  ['nova-conductor', 'nova-conductor', CONTROLLERS],
  ['neutron-server', 'neutron-server', CONTROLLERS],
  ['mariadb', 'mariadb', CONTROLLERS],
  ['rabbitmq', 'rabbitmq', CONTROLLERS],
  ['nova-compute', 'nova-compute', COMPUTES],
  ['libvirtd', 'libvirt', COMPUTES],
];

test.describe('default page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
  });

  test('opens the traditional view and names it in the URL', async ({ page }) => {
    await expect(page).toHaveURL(/[?&]topology=traditional(&|#|$)/);
    await expectView(page, 'traditional');
    await expect(page.getByRole('heading', { level: 1, name: 'Stacklayers' })).toBeVisible();
    await expect(page.locator('section[aria-label="Legend"]')).toBeVisible();
  });

  test('shows every host', async ({ page }) => {
    await expect(diagram(page).locator('[data-kind="host"]')).toHaveCount(HOSTS.length);
    for (const id of HOSTS) {
      const host = node(page, id);
      await expect(host.locator('[data-kind="host"]'), id).toBeVisible();
      await expect(host.locator('.sl-host__name'), id).toHaveText(id);
    }
  });

  test('shows the known OpenStack services as containers on their hosts', async ({ page }) => {
    for (const [process, label, hosts] of SERVICES) {
      for (const host of hosts) {
        const chip = node(page, `${process}@${host}`).locator('[data-kind="service"]');
        await expect(chip, `${process}@${host}`).toBeVisible();
        await expect(chip, `${process}@${host}`).toHaveAttribute('data-form', 'container');
        await expect(chip, `${process}@${host}`).toHaveText(label);
      }
    }
    const chips = diagram(page).locator('[data-kind="service"]');
    expect(await chips.count()).toBeGreaterThan(30);
    await expect(diagram(page).locator('[data-kind="service"]:not([data-form="container"])')).toHaveCount(0);
    // Without Kubernetes there are no pods, clusters or k8s nodes at all.
    await expect(
      diagram(page).locator(
        '[data-kind="pod"], [data-kind="k8s-node"], [data-kind="operator-cluster"], [data-kind="tenant-cluster"]',
      ),
    ).toHaveCount(0);
  });

  test('shows the tenant projects and their VMs', async ({ page }) => {
    await expect(diagram(page).locator('[data-kind="vm"]')).toHaveCount(VMS.length);
    for (const id of VMS) {
      const vm = node(page, id).locator('[data-kind="vm"]');
      await expect(vm, id).toBeVisible();
      await expect(vm.locator('.sl-vm__name'), id).toHaveText(id);
    }
    for (const id of ['acme-web', 'acme-platform', 'service'])
      await expect(node(page, id).locator('[data-kind="project"]'), id).toBeVisible();
    // A VM names the compute host it runs on.
    await expect(node(page, 'web-1').locator('[data-kind="vm"]')).toHaveAttribute('data-host', 'kvm1');
    await expect(node(page, 'amphora-1').locator('[data-kind="vm"]')).toHaveAttribute('data-host', 'kvm3');
  });

  test('the legend can be collapsed and expanded', async ({ page }) => {
    const legend = page.locator('section[aria-label="Legend"]');
    const toggle = legend.getByRole('button', { name: 'Legend' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(legend.getByText('container', { exact: true })).toBeVisible();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(legend.getByText('container', { exact: true })).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(legend.getByText('pod', { exact: true })).toBeVisible();
  });
});

/**
 * Characters the bundled font (Inter, its subsets as the page declares them) has no glyph for send the browser
 * searching the system's fonts at the first layout, and come out in another font (an emoji on some systems):
 * the app's own words and marks stay within it (icons are drawn, not typed).
 */
test('every character of the interface is in the bundled font', async ({ page }) => {
  const uncovered = () =>
    page.evaluate(() => {
      const ranges = [...document.fonts]
        .filter((f) => f.family.replace(/["']/g, '') === 'Inter Variable')
        .flatMap((f) =>
          f.unicodeRange.split(',').map((r) => {
            const [a = '0', b] = r.trim().replace(/^U\+/i, '').split('-');
            return [Number.parseInt(a, 16), Number.parseInt(b ?? a, 16)] as const;
          }),
        );
      const out = new Set<string>();
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (const c of (n as Text).data) {
          const cp = c.codePointAt(0) ?? 0;
          if (cp > 0x20 && !ranges.some(([a, b]) => cp >= a && cp <= b)) out.add(c);
        }
      }
      return [...out];
    });
  await gotoView(page, 'both');
  expect(await uncovered()).toEqual([]);
  // A details card, the explain panel, the list of changes after a switch, a tour.
  await node(page, 'kvm1').click();
  await expect(page.getByTestId('details')).toBeVisible();
  expect(await uncovered()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText('Quorum: a majority is floor(n/2) + 1')).toBeVisible();
  expect(await uncovered()).toEqual([]);
  await page.getByRole('switch', { name: /Kubernetes in a tenant project/ }).click();
  await waitReady(page, 'control-plane-on-k8s');
  await expect(page.getByTestId('changes')).toBeVisible();
  expect(await uncovered()).toEqual([]);
  await page.getByRole('button', { name: 'Tour' }).click();
  await expect(page.getByTestId('tour')).toBeVisible();
  expect(await uncovered()).toEqual([]);
  // Folded boxes say what they hold (a big model starts folded: hosts, groups, projects).
  await page.goto('/?model=/models/large.json');
  await waitReady(page);
  await node(page, 'group:projects').click();
  await expect(page.locator('.sl-summary').first()).toBeVisible();
  await node(page, 'group:compute').click();
  await expect(node(page, 'cmp1')).toContainText('folded');
  expect(await uncovered()).toEqual([]);
});
