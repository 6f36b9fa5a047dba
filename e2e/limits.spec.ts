import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MAX_ELEMENTS, MAX_MODEL_TEXT } from '../src/model/limits';
import { encodeShare } from '../src/model/share';
import { expect, node, type Page, test, waitReady } from './fixtures';

// Oversized input is refused quickly, with a clear message, in a responsive tab, and the diagram stays.
// Long names are cut on screen and shown in full in the details.

/** A small valid model to start from: the diagram that must stay when a refused input comes in. */
const mini = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  name: 'Mini cloud',
  hosts: [
    { id: 'ctl1', roles: ['controller'] },
    { id: 'cmp1', roles: ['compute'] },
  ],
  services: [{ id: 'keystone', processes: [{ id: 'keystone-api', role: 'controller' }] }],
  projects: [{ id: 'demo', vms: [{ id: 'web', flavor: 'm1.small', host: 'cmp1' }] }],
  ...extra,
});

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

/**
 * Opens a file by the file picker. Big files go by path: a buffer would be sent into the page through the
 * DevTools protocol, itself a long task in the page that has nothing to do with the app.
 */
async function openFile(page: Page, name: string, buffer: Buffer) {
  const path = test.info().outputPath(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buffer);
  await page.getByTestId('file-input').setInputFiles(path);
}

/**
 * What the page's main thread did with big input (over 100,000 characters or bytes): each JSON.parse, each
 * read of a file's contents, each decoded text. A refused input must be refused before it costs the tab its
 * responsiveness: by its size (never read), by a check in the worker (never parsed here), or while inflating
 * (never decoded whole). What it asserts is where the work happens, not how long it took: times depend on the
 * machine, the work done on the main thread does not.
 */
type BigWork = { parsed: number[]; read: number[]; decoded: number[] };

/** Starts the app with the mini model loaded, and the main thread's big work recorded from the first script. */
async function start(page: Page) {
  await page.addInitScript(() => {
    const big = 100_000;
    const w = window as unknown as { bigWork: BigWork };
    w.bigWork = { parsed: [], read: [], decoded: [] };
    const parse = JSON.parse;
    JSON.parse = ((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
      if (typeof text === 'string' && text.length > big) w.bigWork.parsed.push(text.length);
      return parse(text, reviver);
    }) as typeof JSON.parse;
    for (const name of ['text', 'arrayBuffer', 'bytes', 'stream'] as const) {
      const own = Blob.prototype[name] as ((this: Blob) => unknown) | undefined;
      if (!own) continue;
      Object.defineProperty(Blob.prototype, name, {
        configurable: true,
        writable: true,
        value(this: Blob) {
          if (this.size > big) w.bigWork.read.push(this.size);
          return own.call(this);
        },
      });
    }
    const decode = TextDecoder.prototype.decode;
    TextDecoder.prototype.decode = function (
      this: TextDecoder,
      input?: AllowSharedBufferSource,
      options?: TextDecodeOptions,
    ) {
      const text = decode.call(this, input, options);
      if (text.length > big) w.bigWork.decoded.push(text.length);
      return text;
    };
  });
  await page.goto('/?topology=traditional');
  await waitReady(page);
  await openFile(page, 'mini.json', json(mini()));
  await expect(page.getByTestId('model-status')).toContainText('Mini cloud');
  await waitReady(page);
  await expect(node(page, 'web')).toBeVisible();
}

/** Runs `act` and returns the main thread's big work from its start until `done` resolved. */
async function bigWorkDuring(page: Page, act: () => Promise<void>, done: () => Promise<void>) {
  await page.evaluate(() => {
    (window as unknown as { bigWork: BigWork }).bigWork = { parsed: [], read: [], decoded: [] };
  });
  await act();
  await done();
  return page.evaluate(() => (window as unknown as { bigWork: BigWork }).bigWork);
}

const NONE: BigWork = { parsed: [], read: [], decoded: [] };

/** The diagram shown before is still there. */
async function expectMiniStill(page: Page) {
  await expect(page.getByTestId('model-status')).toContainText('Mini cloud');
  await expect(node(page, 'web')).toBeVisible();
  await expect(node(page, 'ctl1')).toBeVisible();
}

test.describe('oversized input is refused quickly, and the diagram stays', () => {
  test('a file over the size limit', async ({ page }) => {
    await start(page);
    // A real model's shape, just too big: 350,000 hosts.
    const hosts = Array.from({ length: 350_000 }, (_, i) => ({
      id: `host-${i}`,
      roles: ['compute'],
      rack: 'r1',
    }));
    const buffer = json(mini({ hosts }));
    expect(buffer.length).toBeGreaterThan(MAX_MODEL_TEXT);
    const mb = (buffer.length / 1024 / 1024).toFixed(1);
    const work = await bigWorkDuring(
      page,
      () => openFile(page, 'big.json', buffer),
      () => expect(page.getByRole('alert')).toHaveText(`big.json is ${mb} MB; the limit is 16 MB.`),
    );
    // Refused by its size: never read, never parsed.
    expect(work).toEqual(NONE);
    await expectMiniStill(page);
  });

  test('a small file with too many elements (160,000 pods)', async ({ page }) => {
    await start(page);
    const model = mini({
      projects: [
        {
          id: 'demo',
          vms: [
            { id: 'web', flavor: 'm1.small', host: 'cmp1' },
            { id: 'k1', flavor: 'm1.small', host: 'cmp1' },
          ],
        },
      ],
      tenantClusters: [
        {
          id: 'k8s',
          project: 'demo',
          tool: 'cluster-api',
          controlPlane: ['k1'],
          workers: [],
          workloads: Array.from({ length: 16 }, (_, i) => ({
            id: `app${i}`,
            kind: 'Deployment',
            replicas: 10_000,
          })),
        },
      ],
    });
    await openFile(page, 'pods.json', json(model));
    await expect(page.getByRole('alert')).toHaveText(
      `Cannot open pods.json: the model has 160,011 elements (160,000 of them pods (workload replicas)); the limit is ${MAX_ELEMENTS.toLocaleString('en')}.`,
    );
    // Refused as a whole: the editor does not open on it, and the draft is still the mini model.
    await expect(page.getByTestId('problems')).toHaveCount(0);
    await expectMiniStill(page);
  });

  test('a generated model over the element limit (about 7 MB)', async ({ page }) => {
    await start(page);
    const { generateModel } = await import('../src/model/generate');
    const big = generateModel(MAX_ELEMENTS + 5_000, 1);
    const work = await bigWorkDuring(
      page,
      () => openFile(page, 'generated.json', Buffer.from(JSON.stringify(big))),
      () =>
        expect(page.getByRole('alert')).toContainText(
          /^Cannot open generated\.json: the model has [\d,]+ elements \([\d,]+ of them .*\); the limit is 150,000\./,
        ),
    );
    // Read, then checked in the worker: its 7 MB are never parsed on the main thread.
    expect(work.read).toHaveLength(1);
    expect(work.parsed).toEqual([]);
    await expectMiniStill(page);
  });

  test('a #model= link that would inflate past the limit (a decompression bomb)', async ({ page }) => {
    await start(page);
    const bomb = encodeShare(' '.repeat(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20_000);
    const work = await bigWorkDuring(
      page,
      () =>
        page.evaluate((b) => {
          window.location.hash = `model=${b}`;
        }, bomb),
      () =>
        expect(page.getByRole('alert')).toHaveText(
          "Cannot open this share link: the link's model expands more than 200 times, as no real model does: it is refused as a decompression bomb.",
        ),
    );
    // Refused while inflating: the 8 MB of text are never decoded, nor parsed.
    expect(work).toEqual(NONE);
    await expectMiniStill(page);
  });

  test('a #model= link opened in a new tab falls back to the saved diagram', async ({ page }) => {
    await start(page);
    const bomb = encodeShare(' '.repeat(8 * 1024 * 1024));
    await page.goto(`/?topology=traditional#model=${bomb}`);
    await expect(page.getByRole('alert')).toContainText('refused as a decompression bomb');
    await waitReady(page);
    await expectMiniStill(page);
  });
});

test.describe('long names', () => {
  const noSpaces = `host-${'x'.repeat(9_995)}`;
  const words = 'a very long project name '.repeat(400).trim();
  const vmName = `vm ${'y'.repeat(9_997)}`;
  const model = mini({
    hosts: [
      { id: 'ctl1', roles: ['controller'] },
      { id: 'cmp1', name: noSpaces, rack: 'r'.repeat(100), roles: ['compute'] },
    ],
    projects: [
      { id: 'demo', name: words, vms: [{ id: 'web', name: vmName, flavor: 'm1.small', host: 'cmp1' }] },
    ],
  });

  test('are cut with an ellipsis on screen and shown in full in the details', async ({ page }) => {
    expect(noSpaces).toHaveLength(10_000);
    await start(page);
    await openFile(page, 'long.json', json(model));
    await waitReady(page);

    for (const id of ['cmp1', 'demo', 'web', 'keystone-api@cmp1', 'keystone-api@ctl1']) {
      const n = node(page, id);
      if ((await n.count()) === 0) continue;
      const m = await n.evaluate((el) => {
        const box = el.firstElementChild as HTMLElement;
        const overflowing = [...el.querySelectorAll<HTMLElement>('*')].filter(
          (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible',
        );
        return {
          layoutW: Number.parseFloat((el as HTMLElement).style.width),
          nodeW: (el as HTMLElement).offsetWidth,
          boxW: box.offsetWidth,
          boxScrollW: box.scrollWidth,
          spills: overflowing.map((e) => e.className),
        };
      });
      expect(m.nodeW, id).toBeLessThanOrEqual(m.layoutW + 1);
      expect(m.boxW, id).toBeLessThanOrEqual(m.layoutW + 1);
      expect(m.boxScrollW, id).toBeLessThanOrEqual(m.layoutW + 1);
      expect(m.layoutW, id).toBeLessThan(700);
    }
    // The names are cut with an ellipsis, not wrapped or spilled.
    for (const [id, selector] of [
      ['cmp1', '.sl-host__name'],
      ['demo', '.sl-project__name'],
    ] as const) {
      const cut = await node(page, id)
        .locator(selector)
        .evaluate((el) => ({
          ellipsis: getComputedStyle(el).textOverflow,
          truncated: el.scrollWidth > el.clientWidth,
          oneLine: el.getBoundingClientRect().height < 40,
        }));
      expect(cut, id).toEqual({ ellipsis: 'ellipsis', truncated: true, oneLine: true });
    }

    // The details: the title is clamped, the full name is there, wrapped, and nothing scrolls sideways.
    await node(page, 'cmp1').click();
    const card = page.getByRole('dialog').or(page.locator('#details-title').locator('xpath=ancestor::*[3]'));
    const title = page.locator('#details-title');
    await expect(title).toBeVisible();
    const titleBox = await title.boundingBox();
    expect(titleBox?.height ?? 0).toBeLessThan(80);
    const full = page.getByTestId('details-full-name');
    await expect(full).toHaveText(noSpaces);
    const wrap = await full.evaluate((el) => ({
      wrap: getComputedStyle(el).overflowWrap,
      sideways: el.scrollWidth > el.clientWidth + 1,
    }));
    expect(wrap).toEqual({ wrap: 'anywhere', sideways: false });
    expect(await card.first().evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

    // Search results are cut too.
    await page.getByRole('combobox', { name: 'Search elements' }).fill('host-xxxx');
    const option = page.getByRole('option').first();
    await expect(option).toBeVisible();
    const hit = await option.evaluate((el) => {
      const name = el.firstElementChild as HTMLElement;
      return { truncated: name.scrollWidth > name.clientWidth, fits: el.scrollWidth <= el.clientWidth + 1 };
    });
    expect(hit).toEqual({ truncated: true, fits: true });
    await page.keyboard.press('Escape');

    // And the outline.
    await page.getByRole('button', { name: 'Explain' }).click();
    await page.getByRole('tab', { name: 'Outline' }).click();
    const item = page.getByTestId('outline').locator('button[data-id="cmp1"]').first();
    await expect(item).toBeVisible();
    const inOutline = await item.evaluate((el) => {
      const name = el.firstElementChild as HTMLElement;
      const nav = el.closest('nav') as HTMLElement;
      return {
        truncated: name.scrollWidth > name.clientWidth,
        fits: el.getBoundingClientRect().right <= nav.getBoundingClientRect().right + 1,
      };
    });
    expect(inOutline).toEqual({ truncated: true, fits: true });
  });
});
