import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { defaultCollapsed, type Layout, layoutScene } from '../src/layout/layoutScene';
import { generateModel } from '../src/model/generate';
import type { Model } from '../src/model/schema';
import { deriveScene } from '../src/topology/deriveScene';
import type { View } from '../src/topology/views';
import { expect, test } from './fixtures';

/**
 * The ready marker (`data-ready="true"` on the diagram, what the bench and every embed wait for) is honest: at
 * the very instant it is set, every box of the layout is in the page, as an element (`.sl-el[data-id]`) or on
 * the far layer's canvas (its count, and whether with labels). A mutation observer installed before the page's
 * own scripts takes that snapshot synchronously, in the mutation's own task: nothing is retried or waited for.
 */

interface Snapshot {
  view: string | null;
  ids: string[];
  canvasBoxes: number;
  canvasLabelled: boolean;
  far: boolean;
}

declare global {
  interface Window {
    __readySnapshots: Snapshot[];
  }
}

function snapshotAtReady(): void {
  window.__readySnapshots = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element;
      if (r.attributeName !== 'data-ready' || el.getAttribute('data-ready') !== 'true') continue;
      const canvases = [...el.querySelectorAll('canvas.sl-far-canvas')];
      window.__readySnapshots.push({
        view: el.getAttribute('data-view'),
        ids: [...el.querySelectorAll('.sl-el[data-id]')].map((b) => b.getAttribute('data-id') ?? ''),
        canvasBoxes: canvases.reduce((n, c) => n + Number(c.getAttribute('data-boxes') ?? 0), 0),
        canvasLabelled:
          canvases.length > 0 && canvases.every((c) => c.getAttribute('data-labels') === 'true'),
        far: el.getAttribute('data-far') === 'true',
      });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

const defaultModel = JSON.parse(
  readFileSync(new URL('../public/models/default.json', import.meta.url), 'utf8'),
) as Model;
const peerModel = generateModel(1_080, 1);

function layoutOf(model: Model, view: View, unfolded = false): Layout {
  const scene = deriveScene(model, view);
  return layoutScene(scene, {
    collapsed: unfolded ? new Set() : defaultCollapsed(scene),
    hiddenLayers: new Set(),
  });
}

/** The snapshots taken so far, once there are `n` (the marker is set after the frame is painted). */
async function snapshots(page: Page, n: number): Promise<Snapshot[]> {
  await expect
    .poll(() => page.evaluate(() => window.__readySnapshots.length), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(n);
  return page.evaluate(() => window.__readySnapshots);
}

/** Every box of the layout was an element of the page at that instant (and nothing else was). */
function expectAllElements(snap: Snapshot, layout: Layout): void {
  expect(snap.canvasBoxes).toBe(0);
  expect(new Set(snap.ids)).toEqual(new Set(layout.boxes.map((b) => b.id)));
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(snapshotAtReady);
  await page.route(
    (url) => url.pathname === '/peer-cloud.json',
    (route) => route.fulfill({ json: peerModel }),
  );
});

test('the default model: every box is in the page when the marker is first set, and after a switch', async ({
  page,
}) => {
  await page.goto('/?topology=traditional');
  const [first] = await snapshots(page, 1);
  expect(first?.view).toBe('traditional');
  expectAllElements(first as Snapshot, layoutOf(defaultModel, 'traditional'));

  await page.getByRole('switch', { name: /control plane on Kubernetes/i }).click();
  const after = await snapshots(page, 2);
  const second = after[after.length - 1] as Snapshot;
  expect(second.view).toBe('control-plane-on-k8s');
  expectAllElements(second, layoutOf(defaultModel, 'control-plane-on-k8s'));
});

test('a big model as it starts (folded): every box of the folded layout is in the page', async ({ page }) => {
  await page.goto('/?topology=both&model=/peer-cloud.json');
  const [first] = await snapshots(page, 1);
  expect(first?.view).toBe('both');
  expectAllElements(first as Snapshot, layoutOf(peerModel, 'both'));
});

test('the peer cloud unfolded (fold=none): every box is drawn when the marker is set, far and with labels', async ({
  page,
}) => {
  // Two fresh pages of a 1,080-element model: on a busy shared machine that can take a while.
  test.setTimeout(120_000);
  const layout = layoutOf(peerModel, 'both', true);
  const boxes = layout.boxes.length;
  expect(boxes).toBe(1_298);

  // At 1280x720 the whole cloud fits below FAR_ZOOM: every box on the far layer's canvas, without labels.
  await page.goto('/?topology=both&fold=none&model=/peer-cloud.json');
  const [far] = await snapshots(page, 1);
  expect(far?.far).toBe(true);
  expect(far?.canvasBoxes).toBe(boxes);
  expect(far?.canvasLabelled).toBe(false);

  // In a 4000x1100 page it fits at a zoom where labels are drawn: every box with its label, at that instant.
  await page.setViewportSize({ width: 4000, height: 1100 });
  await page.goto('/?topology=both&fold=none&model=/peer-cloud.json');
  const [wide] = await snapshots(page, 1);
  expect(wide?.far).toBe(false);
  expect(wide?.canvasBoxes).toBe(boxes);
  expect(wide?.canvasLabelled).toBe(true);
});
