import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseCardPlacement,
  frameViewport,
  intersects,
  largestFreeRect,
  type Rect,
  toCanvas,
} from './framing';

const canvas = { width: 1280, height: 600 };
const inside = (r: Rect, c: { width: number; height: number }) =>
  r.x >= -0.01 && r.y >= -0.01 && r.x + r.width <= c.width + 0.01 && r.y + r.height <= c.height + 0.01;

describe('largestFreeRect', () => {
  it('is the whole canvas without overlays', () => {
    expect(largestFreeRect(canvas, [], { width: 10, height: 10 })).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 600,
    });
  });

  it('is the space above a card at the bottom, or beside a card on the right', () => {
    const bottomCard = { x: 200, y: 420, width: 880, height: 180 };
    expect(largestFreeRect(canvas, [bottomCard], { width: 1000, height: 300 })).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 420,
    });
    const sideCard = { x: 900, y: 0, width: 380, height: 600 };
    expect(largestFreeRect(canvas, [sideCard], { width: 400, height: 600 })).toEqual({
      x: 0,
      y: 0,
      width: 900,
      height: 600,
    });
  });

  it('prefers the free area in which a tall target is largest, not the widest one', () => {
    // A short card at the bottom left: a tall target fits better in the full-height column beside it.
    const card = { x: 0, y: 400, width: 700, height: 200 };
    const free = largestFreeRect(canvas, [card], { width: 100, height: 600 });
    expect(free).toEqual({ x: 700, y: 0, width: 580, height: 600 });
  });
});

describe('frameViewport', () => {
  it('fits the target into the free area, centred, clear of every overlay', () => {
    const overlays = [
      { x: 0, y: 430, width: 1280, height: 170 },
      { x: 1180, y: 8, width: 92, height: 30 },
    ];
    const target = { x: 300, y: 500, width: 600, height: 200 };
    const { viewport, free } = frameViewport(target, canvas, overlays);
    const shown = toCanvas(target, viewport);
    expect(inside(shown, canvas)).toBe(true);
    for (const o of overlays) expect(intersects(shown, o)).toBe(false);
    expect(shown.x - free.x).toBeCloseTo(free.x + free.width - (shown.x + shown.width), 5);
  });

  it('keeps within the zoom limits', () => {
    const tiny = { x: 0, y: 0, width: 10, height: 10 };
    expect(frameViewport(tiny, canvas, [], { maxZoom: 1.5 }).viewport.zoom).toBe(1.5);
  });

  it('never lets an overlay cover the target (property)', () => {
    const rect = (w: number, h: number) =>
      fc.record({
        x: fc.integer({ min: 0, max: w - 40 }),
        y: fc.integer({ min: 0, max: h - 40 }),
        width: fc.integer({ min: 20, max: 400 }),
        height: fc.integer({ min: 20, max: 200 }),
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 360, max: 2000 }),
        fc.integer({ min: 400, max: 1100 }),
        fc.array(rect(360, 400), { maxLength: 4 }),
        fc.record({
          x: fc.integer({ min: -500, max: 3000 }),
          y: fc.integer({ min: -500, max: 3000 }),
          width: fc.integer({ min: 1, max: 3000 }),
          height: fc.integer({ min: 1, max: 1500 }),
        }),
        (w, h, overlays, target) => {
          const c = { width: w, height: h };
          // Overlays in the canvas's corners and edges, as the tour's are, leaving some of it free.
          const { viewport, free } = frameViewport(target, c, overlays, { minZoom: 0.0001, maxZoom: 3 });
          const shown = toCanvas(target, viewport);
          const covered = overlays.some((o) => intersects(free, o));
          if (covered) return false;
          return (
            shown.x >= free.x - 0.01 &&
            shown.y >= free.y - 0.01 &&
            shown.x + shown.width <= free.x + free.width + 0.01 &&
            shown.y + shown.height <= free.y + free.height + 0.01
          );
        },
      ),
    );
  });
});

describe('chooseCardPlacement', () => {
  const card = { sideWidth: 380, bottomHeight: 220, narrowBelow: 640 };
  it('puts the card beside a tall target and below a wide one', () => {
    expect(chooseCardPlacement({ width: 300, height: 500 }, canvas, card)).toBe('side');
    expect(chooseCardPlacement({ width: 1600, height: 150 }, canvas, card)).toBe('bottom');
  });
  it('always puts it below on a narrow canvas (a bottom sheet)', () => {
    expect(chooseCardPlacement({ width: 300, height: 500 }, { width: 390, height: 700 }, card)).toBe(
      'bottom',
    );
  });
});
