import { readFileSync } from 'node:fs';
import { diagram, expect, node, type Page, setEditorText, test, waitReady } from './fixtures';

const defaultText = readFileSync(new URL('../public/models/default.json', import.meta.url), 'utf8');
const nestedText = readFileSync(new URL('../public/models/nested.json', import.meta.url), 'utf8');
const nestedName = JSON.parse(nestedText).name as string;

/** A small valid model (the minimal one of docs/model.md, in spirit). */
const mini = (name = 'Mini cloud', host = 'cmp1') =>
  JSON.stringify(
    {
      version: 1,
      name,
      hosts: [
        { id: 'ctl1', roles: ['controller'] },
        { id: 'cmp1', roles: ['compute'] },
        { id: 'cmp2', roles: ['compute'] },
      ],
      services: [{ id: 'keystone', processes: [{ id: 'keystone-api', role: 'controller' }] }],
      projects: [{ id: 'demo', vms: [{ id: 'web', flavor: 'm1.small', host }] }],
    },
    null,
    2,
  );

const modelName = (page: Page) => page.getByTestId('model-status');

async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'Edit JSON' }).click();
  await expect(page.locator('.cm-content')).toBeVisible();
}

test.describe('loading a model', () => {
  test('by the file picker', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await page.getByTestId('file-input').setInputFiles({
      name: 'mini.json',
      mimeType: 'application/json',
      buffer: Buffer.from(mini()),
    });
    await expect(modelName(page)).toContainText('Mini cloud');
    await waitReady(page);
    await expect(node(page, 'web')).toBeVisible();
    await expect(node(page, 'kvm1')).toHaveCount(0);
  });

  test('by dropping a file on the page', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, mini('Dropped cloud'));
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await expect(page.getByText('Drop a model file to open it')).toBeVisible();
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(modelName(page)).toContainText('Dropped cloud');
    await expect(page.getByText('Drop a model file to open it')).toHaveCount(0);
    await waitReady(page);
    await expect(node(page, 'cmp2')).toBeVisible();
  });

  test('by pasting JSON outside the editor', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, mini('Pasted cloud'));
    await expect(modelName(page)).toContainText('Pasted cloud');
    await waitReady(page);
    await expect(node(page, 'web')).toBeVisible();
  });

  test('by ?model= on the same origin, keeping it in the URL', async ({ page }) => {
    await page.goto('/?model=/models/nested.json&topology=both');
    await expect(modelName(page)).toContainText(nestedName);
    await waitReady(page, 'both');
    expect(new URL(page.url()).searchParams.get('model')).toBe('/models/nested.json');
  });

  test('by ?model= on another origin the test serves, and a clear message when it fails', async ({
    page,
    guard,
  }) => {
    guard.allow('https://models.example.test');
    await page.route('https://models.example.test/**', (route) =>
      route.request().url().endsWith('/ok.json')
        ? route.fulfill({
            body: mini('Remote cloud'),
            contentType: 'application/json',
            headers: { 'access-control-allow-origin': '*' },
          })
        : route.fulfill({ status: 404, body: 'nope', headers: { 'access-control-allow-origin': '*' } }),
    );
    await page.goto('/?model=https://models.example.test/ok.json');
    await expect(modelName(page)).toContainText('Remote cloud');
    await page.goto('/?model=https://models.example.test/missing.json');
    await expect(page.getByRole('alert')).toContainText('HTTP 404');
    // The diagram stays: the draft of before (this browser's) is shown.
    await waitReady(page);
    await expect(modelName(page)).toContainText('Remote cloud');
  });

  test('refuses ?model= URLs that are not http(s)', async ({ page }) => {
    await page.goto('/?model=javascript:alert(1)');
    await expect(page.getByRole('alert')).toContainText('only http and https');
    await waitReady(page);
    await expect(node(page, 'ctl1')).toBeVisible();
  });

  test('from the example gallery', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    const dialog = page.getByRole('dialog', { name: 'Examples' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /Nested/ }).click();
    await expect(dialog).toBeHidden();
    await expect(modelName(page)).toContainText(nestedName);
    await waitReady(page);
  });
});

test.describe('the editor', () => {
  test('lists a problem with line, column and path while the diagram stays, then updates when fixed', async ({
    page,
  }) => {
    await page.goto('/?topology=traditional');
    await waitReady(page);
    await openEditor(page);
    const broken = defaultText.replace(
      '"host": "kvm3", "image": "ubuntu-24.04", "description": "Database',
      '"host": "kvm9", "image": "ubuntu-24.04", "description": "Database',
    );
    expect(broken).not.toBe(defaultText);
    await setEditorText(page, broken);
    const problems = page.getByTestId('problems');
    await expect(problems).toContainText("VM 'db-1' runs on host 'kvm9', which is not in hosts");
    await expect(problems).toContainText('$.projects[0].vms[2].host');
    await expect(problems.getByRole('button').first()).toContainText(/^\d+:\d+/);
    await expect(page.getByTestId('stale-banner')).toContainText('shows the last valid model');
    // The diagram keeps the last valid model.
    await expect(diagram(page)).toHaveAttribute('data-ready', 'true');
    await expect(node(page, 'db-1').locator('[data-host]')).toHaveAttribute('data-host', 'kvm3');

    // Clicking the problem selects the offending text in the editor.
    await problems.getByRole('button').first().click();
    const selected = await page.evaluate(() => window.getSelection()?.toString());
    expect(selected).toBe('"kvm9"');

    await setEditorText(
      page,
      defaultText.replace(
        '"host": "kvm3", "image": "ubuntu-24.04", "description": "Database',
        '"host": "kvm4", "image": "ubuntu-24.04", "description": "Database',
      ),
    );
    await expect(page.getByTestId('validity')).toContainText('Valid');
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
    await expect(node(page, 'db-1').locator('[data-host]')).toHaveAttribute('data-host', 'kvm4');
  });

  test('completes property names from the schema', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await openEditor(page);
    await setEditorText(page, '{\n  "vers');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('"version"');
  });

  test('keeps the draft across a reload', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await openEditor(page);
    await setEditorText(page, mini('Draft that survives'));
    await expect(modelName(page)).toContainText('Draft that survives');
    await page.waitForFunction(() =>
      localStorage.getItem('stacklayers:draft:v1')?.includes('Draft that survives'),
    );
    await page.reload();
    await expect(modelName(page)).toContainText('Draft that survives');
    await expect(modelName(page)).toContainText('edited');
  });

  test('asks before resetting to the example, and keeps the old draft', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    await openEditor(page);
    await setEditorText(page, mini('Keep me'));
    await expect(modelName(page)).toContainText('Keep me');
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await expect(modelName(page)).toContainText('Keep me');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await expect(modelName(page)).toContainText('Small cloud');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Keep me/ })
      .click();
    await expect(modelName(page)).toContainText('Keep me');
  });
});

test.describe('sharing', () => {
  test('a copied link opens the same diagram in a new page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?topology=both');
    await waitReady(page, 'both');
    await openEditor(page);
    await setEditorText(page, mini('Shared cloud', 'cmp2'));
    await expect(modelName(page)).toContainText('Shared cloud');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status')).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('topology=both');
    expect(link).toMatch(/#model=[A-Za-z0-9_-]+$/);

    const other = await context.newPage();
    await other.goto(link);
    await waitReady(other, 'both');
    await expect(other.getByTestId('model-status')).toContainText('Shared cloud');
    const ids = async (p: Page) =>
      (await p.locator('.sl-el').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort();
    expect(await ids(other)).toEqual(await ids(page));
    await expect(node(other, 'web').locator('[data-host]')).toHaveAttribute('data-host', 'cmp2');
  });

  test('downloads the model, and the download loads back to the same model', async ({ page }) => {
    await page.goto('/');
    await waitReady(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('small-cloud.json');
    const path = await file.path();
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(defaultText));
    await page.getByTestId('file-input').setInputFiles(path);
    await expect(modelName(page)).toContainText('Small cloud');
    await expect(modelName(page)).not.toContainText('problem');
  });
});
