import { readdirSync, readFileSync } from 'node:fs';
import { expect, expectView, node, type Page, test, waitReady } from './fixtures';

/** A fixture directory's files, as a user would select them in a file manager. */
function fixture(dir: string): { name: string; text: string }[] {
  const base = new URL(`../fixtures/import/${dir}/`, import.meta.url);
  return readdirSync(base)
    .filter((f) => f !== 'README.md')
    .map((name) => ({ name, text: readFileSync(new URL(name, base), 'utf8') }));
}

/** Drops several files on the page at once, as a DataTransfer of File objects. */
async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

const notice = (page: Page) => page.getByTestId('notice');

test.describe('importing a real cloud', () => {
  test('dropping the openstack and kubectl output of an openstack-helm cloud shows it in the both view', async ({
    page,
  }) => {
    await page.goto('/?topology=traditional');
    await waitReady(page, 'traditional');
    await dropFiles(page, fixture('helm-cloud'));

    await expect(notice(page)).toContainText('Imported 5 hosts, 7 VMs, 2 clusters from 11 files.');
    await expectView(page, 'both');
    await expect(page.getByTestId('model-status')).toContainText('Imported cloud');
    for (const host of ['ctl1', 'ctl2', 'ctl3', 'cmp1', 'cmp2']) await expect(node(page, host)).toBeVisible();
    // The default model's hosts are gone.
    await expect(node(page, 'kvm1')).toHaveCount(0);
    // The operator's cluster with the OpenStack pods, and the tenant's cluster on its VMs.
    await expect(node(page, 'undercloud')).toBeVisible();
    await expect(node(page, 'undercloud/cmp1')).toBeVisible();
    await expect(node(page, 'nova-compute@cmp1')).toBeVisible();
    await expect(node(page, 'prod-k8s')).toBeVisible();
    await expect(node(page, 'prod-k8s/prod-k8s-md-1')).toBeVisible();
    await expect(node(page, 'web-1')).toBeVisible();
  });

  test('says what could not be matched or placed, and skips what it does not recognise', async ({ page }) => {
    await page.goto('/?topology=both');
    await waitReady(page, 'both');
    await dropFiles(page, fixture('messy'));
    await expect(notice(page)).toContainText(
      'Imported 4 hosts, 9 VMs, 1 cluster from 8 files; 14 things could not be matched or placed',
    );
    await expect(notice(page)).toContainText('Not recognised: broken.txt, flavors.json.');
    await expectView(page, 'k8s-in-tenant');
    await expect(node(page, 'kvm1')).toBeVisible();
    await expect(node(page, 'k8s')).toBeVisible();
    // The unplaced VM is still drawn (placed by Stacklayers), and __proto__ is only a name.
    await expect(node(page, 'web-3')).toBeVisible();
    await expect(node(page, 'proto-2')).toContainText('__proto__');
  });

  test('picking several files in "Open file…" imports them; one recognised file is imported too', async ({
    page,
  }) => {
    await page.goto('/');
    await waitReady(page);
    const input = page.getByTestId('file-input');
    await input.setInputFiles(
      fixture('partial/tenant-kubectl').map((f) => ({
        name: f.name,
        mimeType: 'application/json',
        buffer: Buffer.from(f.text),
      })),
    );
    await expect(notice(page)).toContainText('Imported 0 hosts, 3 VMs, 1 cluster from 2 files');
    await expectView(page, 'k8s-in-tenant');
    await expect(node(page, 'dev')).toBeVisible();

    const [servers] = fixture('partial/servers-only');
    if (!servers) throw new Error('missing fixture');
    await input.setInputFiles({
      name: servers.name,
      mimeType: 'application/json',
      buffer: Buffer.from(servers.text),
    });
    await expect(notice(page)).toContainText('Imported 2 hosts, 3 VMs, 0 clusters from 1 file');
    await expectView(page, 'traditional');
    await expect(node(page, 'node-a')).toBeVisible();
    await expect(node(page, 'app-2')).toBeVisible();
  });

  test('dropping files with nothing to import keeps the diagram and says why', async ({ page }) => {
    await page.goto('/?topology=traditional');
    await waitReady(page, 'traditional');
    await dropFiles(page, [
      { name: 'a.json', text: '{"hello": "world"}' },
      { name: 'b.json', text: '[]' },
    ]);
    await expect(page.getByRole('alert')).toContainText('Nothing could be imported');
    await waitReady(page, 'traditional');
    await expect(node(page, 'kvm1')).toBeVisible();
  });
});
