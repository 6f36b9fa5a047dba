import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bringIntoView,
  distanceOf,
  EMBED_MAX_FIT_ZOOM,
  fittedHeight,
  GlideTarget,
  MAX_ZOOM,
  MIN_ZOOM,
  partlyOutOfView,
  refitsOnResize,
  sameViewport,
  startViewport,
  zoomedBy,
} from './viewport';

describe('an embed’s auto height', () => {
  it('is the canvas height at which the fit of the whole diagram is decided by the width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 120, max: 20000 }),
        fc.integer({ min: 60, max: 12000 }),
        fc.integer({ min: 200, max: 2000 }),
        (w, h, cw) => {
          const ch = fittedHeight(w, h, cw);
          const placed = startViewport(w, h, cw, ch, false, EMBED_MAX_FIT_ZOOM);
          const byWidth = startViewport(w, h, cw, 1e7, false, EMBED_MAX_FIT_ZOOM);
          // The same zoom as with unlimited height: nothing is squeezed to fit a height.
          expect(placed.zoom).toBeCloseTo(byWidth.zoom, 9);
          // And the whole diagram is inside the canvas, with at most a few pixels to spare below.
          expect(placed.y).toBeGreaterThanOrEqual(0);
          expect(placed.y + h * placed.zoom).toBeLessThanOrEqual(ch);
          expect(ch - h * placed.zoom).toBeLessThan(0.03 * ch + 3);
        },
      ),
    );
  });

  it('draws a small model at its natural size, not blown up to the width', () => {
    const ch = fittedHeight(200, 120, 1200);
    expect(ch).toBeLessThan(130);
    expect(startViewport(200, 120, 1200, ch, false, EMBED_MAX_FIT_ZOOM).zoom).toBe(1);
  });
});

describe('the start placement', () => {
  it('fits a diagram that is readable at fit, centred', () => {
    const v = startViewport(1000, 500, 1000, 800, true);
    // The padding (2 % a side, in whole pixels) is all that is left around it.
    expect(v.zoom).toBeLessThan(1);
    expect(v.zoom).toBeGreaterThan(0.96);
    // Centred vertically: as much room above as below.
    expect(v.y).toBeCloseTo((800 - 500 * v.zoom) / 2, 0);
  });

  it('starts a narrow screen at a readable zoom from the left, not an unreadable fit', () => {
    const v = startViewport(3000, 600, 390, 640, true);
    expect(v.x).toBe(8);
    expect(v.zoom).toBeGreaterThan(390 / 3000);
    expect(v.y + 600 * v.zoom).toBeLessThanOrEqual(640);
  });

  it('fits anyway when not asked for a readable start (embeds, compare, big diagrams)', () => {
    const v = startViewport(3000, 600, 390, 640, false);
    expect(v.x + 3000 * v.zoom).toBeLessThanOrEqual(390);
  });
});

describe('the refit rule', () => {
  const size = { w: 800, h: 600 };
  it('refits on a new canvas size once placed, measured and not moved by the reader', () => {
    expect(
      refitsOnResize({
        placed: true,
        measured: true,
        userMoved: false,
        before: size,
        after: { w: 700, h: 600 },
      }),
    ).toBe(true);
  });
  it('keeps the view when the size is the same (a theme change, a hover), the reader moved, or before placing', () => {
    expect(
      refitsOnResize({ placed: true, measured: true, userMoved: false, before: size, after: { ...size } }),
    ).toBe(false);
    const after = { w: 700, h: 600 };
    expect(refitsOnResize({ placed: true, measured: true, userMoved: true, before: size, after })).toBe(
      false,
    );
    expect(refitsOnResize({ placed: false, measured: true, userMoved: false, before: size, after })).toBe(
      false,
    );
    expect(refitsOnResize({ placed: true, measured: false, userMoved: false, before: size, after })).toBe(
      false,
    );
  });
});

describe('the zoom bands', () => {
  it('are far below 0.3, mid below 0.5, near from there (toFlow’s FAR_ZOOM and NEAR_ZOOM)', () => {
    expect(distanceOf(0.1)).toBe('far');
    expect(distanceOf(0.299)).toBe('far');
    expect(distanceOf(0.3)).toBe('mid');
    expect(distanceOf(0.499)).toBe('mid');
    expect(distanceOf(0.5)).toBe('near');
    expect(distanceOf(2)).toBe('near');
  });
});

describe('the minimap rule', () => {
  const canvas = { w: 800, h: 600 };
  it('shows it only when part of the diagram is out of view', () => {
    expect(partlyOutOfView({ x: 0, y: 0, zoom: 1 }, 800, 600, canvas)).toBe(false);
    expect(partlyOutOfView({ x: -20, y: 0, zoom: 1 }, 800, 600, canvas)).toBe(true);
    expect(partlyOutOfView({ x: 0, y: 0, zoom: 1.1 }, 800, 600, canvas)).toBe(true);
    expect(partlyOutOfView({ x: 0, y: 0, zoom: 2 }, 800, 600, { w: 0, h: 0 })).toBe(false);
  });
});

describe('a key zoom', () => {
  it('keeps the canvas centre where it is and stays within the limits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: 0.05, max: 2.5, noNaN: true }),
        (x, y, zoom) => {
          const canvas = { w: 1000, h: 700 };
          const next = zoomedBy({ x, y, zoom }, 1.2, canvas);
          const before = { x: (500 - x) / zoom, y: (350 - y) / zoom };
          const after = { x: (500 - next.x) / next.zoom, y: (350 - next.y) / next.zoom };
          expect(after.x).toBeCloseTo(before.x, 6);
          expect(after.y).toBeCloseTo(before.y, 6);
          expect(next.zoom).toBeLessThanOrEqual(MAX_ZOOM);
          expect(next.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
        },
      ),
    );
  });
});

describe('bringing a focused element into view', () => {
  const canvas = { w: 800, h: 600 };
  const box = { x: 2000, y: 100, w: 200, h: 80 };
  it('leaves the view alone when the box is in it', () => {
    expect(bringIntoView(box, { x: -1800, y: 0, zoom: 1 }, canvas, true)).toBeNull();
  });
  it('centres a box that is out of view, wholly in view with its margin', () => {
    const next = bringIntoView(box, { x: 0, y: 0, zoom: 1 }, canvas, true);
    expect(next).not.toBeNull();
    if (!next) return;
    const left = box.x * next.zoom + next.x;
    expect(left).toBeGreaterThanOrEqual(16);
    expect(left + box.w * next.zoom).toBeLessThanOrEqual(800 - 16);
    expect(bringIntoView(box, next, canvas, true)).toBeNull();
  });
  it('comes close enough to draw boxes when the box is not drawn (the far layer)', () => {
    const next = bringIntoView(box, { x: 0, y: 0, zoom: 0.1 }, canvas, false);
    expect(next?.zoom).toBeCloseTo(0.6, 9);
  });
});

describe('the running glide’s end', () => {
  it('is where a move aims while the glide runs, and the current view after it', () => {
    let now = 1000;
    const glide = new GlideTarget(() => now);
    const current = { x: 0, y: 0, zoom: 1 };
    const target = { x: -100, y: -50, zoom: 1.44 };
    glide.start(target, 200);
    now += 100;
    expect(glide.aim(current)).toBe(target);
    now += 150;
    expect(glide.aim(current)).toBe(current);
    glide.start(target, 200);
    glide.cancel();
    expect(glide.aim(current)).toBe(current);
    glide.start(target, 0);
    expect(glide.aim(current)).toBe(current);
  });
  it('tells viewports apart by half a pixel', () => {
    expect(sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 0.4, y: -0.4, zoom: 1 })).toBe(true);
    expect(sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 0.6, y: 0, zoom: 1 })).toBe(false);
  });
});
