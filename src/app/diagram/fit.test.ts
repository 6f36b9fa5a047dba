import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBED_MAX_FIT_ZOOM, fittedHeight, startViewport } from './Diagram';

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
