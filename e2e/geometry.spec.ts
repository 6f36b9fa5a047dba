import type { Page } from '@playwright/test';
import { expect, fontsReady, gotoView, test, VIEWS } from './fixtures';

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Measured {
  zoom: number;
  container: Box;
  boxes: Box[];
  hostNames: { id: string; fontPx: number; text: string }[];
  /** Labels whose text is cut off: horizontally (ellipsis) or vertically (glyphs clipped). */
  truncated: string[];
  clipped: string[];
  /** React Flow's own overlays on the diagram: the zoom controls, the attribution and the minimap. */
  overlays: Box[];
}

/** The text of element nodes that is meant to be read in full. */
const LABELS = [
  '.sl-chip__text',
  '.sl-host__name',
  '.sl-vm__name',
  '.sl-project__name',
  '.sl-cluster__name',
  '.sl-node__role',
  '.sl-resource__text',
].join(', ');

/** Screen boxes of every element node (not bands, not the edge layer), the zoom and the host name sizes. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate((labels) => {
    const rect = (id: string, el: Element) => {
      const r = el.getBoundingClientRect();
      return { id, x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const container = document.querySelector('[data-testid="diagram"]');
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!container || !viewport) throw new Error('no diagram');
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const nodes = [...document.querySelectorAll<HTMLElement>('.sl-el')].filter((n) => {
      const id = n.dataset.id ?? '';
      return !id.includes('band:') && !id.includes('edges:');
    });
    const hostNames = [...document.querySelectorAll<HTMLElement>('.sl-el .sl-host__name')].map((el) => ({
      id: el.closest<HTMLElement>('.sl-el')?.dataset.id ?? '',
      fontPx: Number.parseFloat(getComputedStyle(el).fontSize),
      text: el.textContent ?? '',
    }));
    const truncated: string[] = [];
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`.sl-el :is(${labels})`)) {
      const what = `${el.closest<HTMLElement>('.sl-el')?.dataset.id}: "${el.textContent}"`;
      if (el.scrollWidth > el.clientWidth)
        truncated.push(`${what} (${el.scrollWidth} > ${el.clientWidth} px)`);
      if (el.scrollHeight > el.clientHeight)
        clipped.push(`${what} (${el.scrollHeight} > ${el.clientHeight} px)`);
    }
    return {
      zoom,
      container: rect('diagram', container),
      boxes: nodes.map((n) => rect(n.dataset.id ?? '', n)),
      hostNames,
      truncated,
      clipped,
      overlays: [
        ...document.querySelectorAll('.react-flow__controls, .react-flow__attribution, .react-flow__minimap'),
      ].map((el) => rect(el.className.toString().split(' ')[0] ?? '', el)),
    };
  }, LABELS);
}

/** Tolerance in screen px for rounding of sub-pixel positions. */
const EPS = 0.5;

const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x - EPS &&
  inner.y >= outer.y - EPS &&
  inner.x + inner.w <= outer.x + outer.w + EPS &&
  inner.y + inner.h <= outer.y + outer.h + EPS;

const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > EPS &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > EPS;

const area = (b: Box) => b.w * b.h;

/**
 * The parent of each box: the smallest other box that contains it (React Flow's DOM is flat, so
 * nesting is read from the geometry, which is what a reader sees anyway).
 */
function parents(boxes: readonly Box[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const b of boxes) {
    let best: Box | undefined;
    for (const o of boxes) {
      if (o === b || area(o) <= area(b) || !contains(o, b)) continue;
      if (!best || area(o) < area(best)) best = o;
    }
    out.set(b.id, best?.id);
  }
  return out;
}

const fmt = (b: Box) => `${b.id} [${b.x.toFixed(1)},${b.y.toFixed(1)} ${b.w.toFixed(1)}x${b.h.toFixed(1)}]`;

test.describe('geometry at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const view of VIEWS) {
    test(`${view}: fitted, no overlapping siblings, readable host names`, async ({ page }) => {
      await gotoView(page, view);
      await fontsReady(page);
      const m = await measure(page);

      expect(m.boxes.length).toBeGreaterThan(50);
      expect(m.zoom).toBeGreaterThan(0);

      // Every element box is drawn, and inside the diagram: the diagram is fitted, nothing is cut off.
      const empty = m.boxes.filter((b) => b.w < 1 || b.h < 1).map(fmt);
      expect(empty, 'element nodes without a size').toEqual([]);
      const outside = m.boxes.filter((b) => !contains(m.container, b)).map(fmt);
      expect(outside, `element nodes outside the diagram ${fmt(m.container)}`).toEqual([]);

      // Boxes with the same parent do not overlap; a box that overlaps another lies wholly inside it.
      const parentOf = parents(m.boxes);
      const clashes: string[] = [];
      for (let i = 0; i < m.boxes.length; i++) {
        for (let j = i + 1; j < m.boxes.length; j++) {
          const a = m.boxes[i] as Box;
          const b = m.boxes[j] as Box;
          if (!overlaps(a, b)) continue;
          // A box wholly inside a bigger one is its descendant, never its sibling.
          const nested = (contains(a, b) && area(a) > area(b)) || (contains(b, a) && area(b) > area(a));
          if (!nested)
            clashes.push(
              `${fmt(a)} overlaps ${fmt(b)} (parents ${parentOf.get(a.id)}, ${parentOf.get(b.id)})`,
            );
        }
      }
      expect(clashes, 'overlapping element nodes').toEqual([]);

      // Host names are readable without zooming: at least 8 px on screen.
      expect(m.hostNames.length).toBe(10);
      const small = m.hostNames
        .filter((h) => h.fontPx * m.zoom < 8)
        .map(
          (h) => `${h.id}: ${h.fontPx}px x zoom ${m.zoom.toFixed(3)} = ${(h.fontPx * m.zoom).toFixed(2)}px`,
        );
      expect(small, 'host names smaller than 8 px on screen').toEqual([]);

      // The zoom controls and the other overlays cover no element.
      const covered = m.overlays.flatMap((o) =>
        m.boxes.filter((b) => overlaps(o, b)).map((b) => `${o.id} covers ${fmt(b)}`),
      );
      expect(covered, 'elements under an overlay').toEqual([]);

      // Names fit their boxes: the layout's text widths hold for the real font.
      expect(m.truncated, 'labels cut off with an ellipsis').toEqual([]);
    });
  }

  test('labels are not clipped vertically', async ({ page }) => {
    await gotoView(page, 'both');
    await fontsReady(page);
    const m = await measure(page);
    expect(m.clipped, 'labels whose glyphs are clipped at the top or bottom').toEqual([]);
  });
});
