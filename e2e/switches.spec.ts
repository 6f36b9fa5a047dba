import type { Page } from '@playwright/test';
import {
  diagram,
  expect,
  expectView,
  gotoView,
  node,
  switches,
  tabTo,
  test,
  topologyOf,
  waitReady,
} from './fixtures';

const OPERATOR_MEMBERS = ['ctl1', 'ctl2', 'ctl3', 'kvm1', 'kvm2', 'kvm3', 'kvm4'];
const CEPH_HOSTS = ['ceph1', 'ceph2', 'ceph3'];

/** Every OpenStack service chip as [element id, data-form]. */
async function serviceForms(page: Page): Promise<[string, string][]> {
  return diagram(page)
    .locator('.sl-el:has([data-kind="service"])')
    .evaluateAll((nodes) =>
      nodes.map((n): [string, string] => [
        n.getAttribute('data-id') ?? '',
        n.querySelector('[data-kind="service"]')?.getAttribute('data-form') ?? '',
      ]),
    );
}

const hostOf = (instanceId: string) => instanceId.slice(instanceId.indexOf('@') + 1);

/** Asserts the tenant's Kubernetes: cluster, nodes on the VMs, pods on the nodes. */
async function expectTenantCluster(page: Page): Promise<void> {
  await expect(node(page, 'prod-k8s').locator('[data-kind="tenant-cluster"]')).toBeVisible();
  for (const vm of ['prod-k8s-cp-0', 'prod-k8s-cp-1', 'prod-k8s-cp-2', 'prod-k8s-md-0'])
    await expect(node(page, `prod-k8s/${vm}`).locator('[data-kind="k8s-node"]'), vm).toBeVisible();
  await expect(node(page, 'prod-k8s/prod-k8s-cp-0').locator('[data-kind="k8s-node"]')).toHaveAttribute(
    'data-node-role',
    'control-plane',
  );
  for (const pod of ['shop-frontend#0', 'shop-api#0', 'postgres#2']) {
    const chip = node(page, pod).locator('[data-kind="pod"]');
    await expect(chip, pod).toBeVisible();
    await expect(chip, pod).toHaveAttribute('data-form', 'pod');
  }
}

/** Asserts the operator's Kubernetes: cluster undercloud on the controllers and compute hosts, not on Ceph. */
async function expectOperatorCluster(page: Page): Promise<void> {
  await expect(node(page, 'undercloud').locator('[data-kind="operator-cluster"]')).toBeVisible();
  await expect(node(page, 'undercloud')).toContainText('undercloud');
  for (const host of OPERATOR_MEMBERS)
    await expect(node(page, `undercloud/${host}`).locator('[data-kind="k8s-node"]'), host).toBeVisible();
  for (const host of CEPH_HOSTS) await expect(node(page, `undercloud/${host}`), host).toHaveCount(0);
}

/** Asserts how OpenStack's services run: pods on operator-cluster members, containers elsewhere. */
async function expectServiceForms(page: Page, controlPlaneOnK8s: boolean): Promise<void> {
  const forms = await serviceForms(page);
  expect(forms.length).toBeGreaterThan(30);
  const wrong = forms.filter(([id, form]) => {
    const asPod = controlPlaneOnK8s && OPERATOR_MEMBERS.includes(hostOf(id));
    return form !== (asPod ? 'pod' : 'container');
  });
  expect(wrong, 'service chips in the wrong form').toEqual([]);
  // Ceph's daemons are there in every view, as containers (cephadm), outside the operator's cluster.
  const ceph = forms.filter(([id]) => CEPH_HOSTS.includes(hostOf(id)));
  expect(ceph.length).toBeGreaterThanOrEqual(6);
  await expect(node(page, 'ceph-mon@ceph1').locator('[data-kind="service"]')).toHaveAttribute(
    'data-form',
    'container',
  );
}

test.describe('view switches', () => {
  test('OpenStack control plane on Kubernetes: services become pods on the operator cluster', async ({
    page,
  }) => {
    await gotoView(page, 'traditional');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'control-plane-on-k8s');
    await expectOperatorCluster(page);
    await expectServiceForms(page, true);
    await expect(node(page, 'keystone-api@ctl1').locator('[data-kind="service"]')).toHaveAttribute(
      'data-form',
      'pod',
    );
    await expect(node(page, 'nova-compute@kvm1').locator('[data-kind="service"]')).toHaveAttribute(
      'data-form',
      'pod',
    );
    await expect(diagram(page).locator('[data-kind="tenant-cluster"], [data-kind="pod"]')).toHaveCount(0);

    // And off again.
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'traditional');
    await expectServiceForms(page, false);
    await expect(diagram(page).locator('[data-kind="operator-cluster"], [data-kind="k8s-node"]')).toHaveCount(
      0,
    );
  });

  test("Kubernetes in a tenant project: the tenant's cluster runs on its VMs", async ({ page }) => {
    await gotoView(page, 'traditional');
    await switches(page).k8sInTenant.click();
    await expectView(page, 'k8s-in-tenant');
    await expectTenantCluster(page);
    await expectServiceForms(page, false);
    await expect(diagram(page).locator('[data-kind="operator-cluster"]')).toHaveCount(0);
    // The VMs the cluster runs on are still there, in their project.
    await expect(node(page, 'prod-k8s-md-0').locator('[data-kind="vm"]')).toBeVisible();

    await switches(page).k8sInTenant.click();
    await expectView(page, 'traditional');
    await expect(diagram(page).locator('[data-kind="tenant-cluster"], [data-kind="pod"]')).toHaveCount(0);
  });

  test('both switches: two distinct clusters, the operator one below OpenStack, the tenant one above', async ({
    page,
  }) => {
    await gotoView(page, 'traditional');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'control-plane-on-k8s');
    await switches(page).k8sInTenant.click();
    await expectView(page, 'both');
    await expectOperatorCluster(page);
    await expectTenantCluster(page);
    await expectServiceForms(page, true);

    const operator = diagram(page).locator('[data-kind="operator-cluster"]');
    const tenant = diagram(page).locator('[data-kind="tenant-cluster"]');
    await expect(operator).toHaveCount(1);
    await expect(tenant).toHaveCount(1);
    await expect(operator).toHaveClass(/sl-cluster--operator/);
    await expect(tenant).toHaveClass(/sl-cluster--tenant/);
    await expect(operator).toContainText("operator's Kubernetes");
    await expect(tenant).toContainText("tenant's Kubernetes");

    const box = async (selector: string) => {
      const b = await page.locator(selector).first().boundingBox();
      if (!b) throw new Error(`${selector} has no box`);
      return b;
    };
    const op = await box('[data-kind="operator-cluster"]');
    const tn = await box('[data-kind="tenant-cluster"]');
    const openstack = await box('[data-band="openstack"]');
    const hardware = await box('[data-band="hardware"]');
    // Bottom-up: hardware, the operator's Kubernetes, OpenStack, tenant VMs, the tenant's Kubernetes.
    expect(op.y + op.height).toBeLessThanOrEqual(hardware.y + 1);
    expect(op.y).toBeGreaterThanOrEqual(openstack.y + openstack.height - 1);
    expect(tn.y + tn.height).toBeLessThanOrEqual(openstack.y + 1);
    // And their colours differ.
    const colour = (l: typeof operator) => l.evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(await colour(operator)).not.toBe(await colour(tenant));
  });

  test('each switch is independent of the other', async ({ page }) => {
    await gotoView(page, 'both');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'k8s-in-tenant');
    await switches(page).k8sInTenant.click();
    await expectView(page, 'traditional');
    await switches(page).k8sInTenant.click();
    await expectView(page, 'k8s-in-tenant');
    await switches(page).controlPlaneOnK8s.click();
    await expectView(page, 'both');
  });

  test('the switches work from the keyboard: Tab to focus, Space to toggle', async ({ page }) => {
    await page.goto('/');
    await waitReady(page, 'traditional');
    const s = switches(page);

    await tabTo(page, s.controlPlaneOnK8s);
    await expect(s.controlPlaneOnK8s).toBeFocused();
    await page.keyboard.press('Space');
    await expectView(page, 'control-plane-on-k8s');
    await expect(s.controlPlaneOnK8s).toBeFocused();

    await tabTo(page, s.k8sInTenant);
    await page.keyboard.press('Space');
    await expectView(page, 'both');
    await expect(s.k8sInTenant).toBeFocused();

    await tabTo(page, s.controlPlaneOnK8s, 'Shift+Tab');
    await page.keyboard.press('Space');
    await expectView(page, 'k8s-in-tenant');

    // Enter works too, as on any button.
    await tabTo(page, s.k8sInTenant);
    await page.keyboard.press('Enter');
    await expectView(page, 'traditional');
    expect(topologyOf(page)).toBe('traditional');
  });

  test('the switches show a visible focus ring', async ({ page }) => {
    await page.goto('/');
    await waitReady(page, 'traditional');
    const { controlPlaneOnK8s } = switches(page);
    await tabTo(page, controlPlaneOnK8s);
    const outline = await controlPlaneOnK8s.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { style: cs.outlineStyle, width: Number.parseFloat(cs.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});
