import { describe, expect, it } from 'vitest';
import { layoutScene } from '../../layout/layoutScene';
import { generateModel } from '../../model/generate';
import { deriveScene } from '../../topology/deriveScene';
import { type ChipItem, type FarNode, layoutToFlow } from '../flow/toFlow';
import { drawBoxes, drawEdges, drawFar } from './draw';
import { boxAt } from './hit';
import { type Look, lookOf, NO_LOOK } from './look';

/** A canvas context that records its calls with the fill colour and opacity of the moment. */
function recorder() {
  const calls: { name: string; args: unknown[]; fill: string; alpha: number }[] = [];
  const state = { fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1, font: '' };
  const ctx = new Proxy(state as Record<string | symbol, unknown>, {
    get(target, key) {
      if (key === 'canvas') return { width: 100, height: 100 };
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        calls.push({ name: String(key), args, fill: String(state.fillStyle), alpha: state.globalAlpha });
      };
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, state };
}

const look = (over: Partial<Look> = {}): Look => ({
  fill: 'rgb(1, 2, 3)',
  alpha: 1,
  ring: null,
  ringWidth: 0,
  border: 'rgb(9, 9, 9)',
  borderWidth: 1,
  color: 'rgb(0, 0, 0)',
  ...over,
});

const scene = deriveScene(generateModel(1_080, 1), 'both');
const layout = layoutScene(scene, { collapsed: new Set(), hiddenLayers: new Set() });
const far = layoutToFlow(layout, { far: true }).nodes.find((n) => n.type === 'far') as FarNode;
const items = far.data.chips;

describe('the far layer: hit-testing', () => {
  it('finds the innermost box under a point, and none outside every box', () => {
    for (const item of items.slice(0, 200)) {
      const { x, y, w, h } = item.box;
      const id = boxAt(items, x + w / 2, y + h / 2);
      expect(id).not.toBeNull();
      const hit = layout.byId.get(id as string);
      // The box found contains the point and is this one or one drawn inside it (drawn later).
      expect(hit && hit.x <= x + w / 2 && hit.x + hit.w >= x + w / 2).toBe(true);
      expect(items.findIndex((i) => i.box.id === id)).toBeGreaterThanOrEqual(items.indexOf(item));
    }
    expect(boxAt(items, -1e6, -1e6)).toBeNull();
  });
});

describe('the far layer: looks from CSS', () => {
  const style = {
    boxShadow: 'none',
    opacity: '1',
    backgroundColor: 'rgb(1, 2, 3)',
    borderTopWidth: '1px',
    borderTopColor: 'rgb(9, 9, 9)',
    color: 'rgb(0, 0, 0)',
  };
  it('reads the fill, border, text colour and opacity', () => {
    expect(lookOf(style)).toEqual(look());
    expect(lookOf({ ...style, opacity: '0.3' }).alpha).toBe(0.3);
    expect(lookOf({ ...style, borderTopWidth: '0px' }).border).toBeNull();
  });
  it('reads a ring from a box-shadow spread, and draws nothing for a clear box without one', () => {
    const ring = lookOf({ ...style, boxShadow: 'rgb(37, 99, 235) 0px 0px 0px 3px' });
    expect(ring.ring).toBe('rgb(37, 99, 235)');
    expect(ring.ringWidth).toBe(3);
    expect(lookOf({ ...style, backgroundColor: 'rgba(0, 0, 0, 0)' })).toBe(NO_LOOK);
  });
});

describe('the far layer: drawing', () => {
  const few: readonly ChipItem[] = items.slice(0, 3);
  it('fills each box, with its border inside it when bordered, and skips invisible ones', () => {
    const r = recorder();
    drawBoxes(r.ctx, few, (i) => (i === 2 ? NO_LOOK : look()), true, 1);
    const rects = r.calls.filter((c) => c.name === 'fillRect');
    expect(rects.map((c) => c.fill)).toEqual([
      'rgb(9, 9, 9)',
      'rgb(1, 2, 3)',
      'rgb(9, 9, 9)',
      'rgb(1, 2, 3)',
    ]);
    const { x, y, w, h } = (few[0] as ChipItem).box;
    expect(rects[1]?.args).toEqual([x + 1, y + 1, w - 2, h - 2]);
    const plain = recorder();
    drawBoxes(plain.ctx, few, () => look(), false, 1);
    expect(plain.calls.filter((c) => c.name === 'fillRect')).toHaveLength(3);
  });
  it('draws a ring at least minRing wide around a ringed box', () => {
    const r = recorder();
    drawBoxes(r.ctx, few.slice(0, 1), () => look({ ring: 'red', ringWidth: 0.5 }), false, 2);
    const { x, y, w, h } = (few[0] as ChipItem).box;
    expect(r.calls[0]?.args).toEqual([x - 2, y - 2, w + 4, h + 4]);
    expect(r.calls[0]?.fill).toBe('red');
  });
  it('strokes every edge once, solid, at half the opacity of the dashes', () => {
    const edges = layout.edges;
    expect(edges.length).toBeGreaterThan(0);
    const r = recorder();
    drawEdges(r.ctx, edges, '#64748b', false);
    expect(r.calls.filter((c) => c.name === 'bezierCurveTo')).toHaveLength(edges.length);
    const stroke = r.calls.filter((c) => c.name === 'stroke');
    expect(stroke).toHaveLength(1);
    expect(stroke[0]?.alpha).toBeCloseTo(0.225);
    expect(r.calls.some((c) => c.name === 'setLineDash')).toBe(false);
  });
  it('draws labels and edges only when labelled', () => {
    const base = {
      items,
      edges: layout.edges,
      lookAt: () => look(),
      x: 0,
      y: 0,
      scale: 0.5,
      dimmed: false,
      edge: 'gray',
      muted: 'gray',
      family: 'Inter',
    };
    const near = recorder();
    // It says what it drew: every box, each with its text.
    expect(drawFar(near.ctx, { ...base, labelled: true })).toEqual({
      boxes: items.length,
      labelled: items.length,
    });
    expect(near.calls.filter((c) => c.name === 'fillText').length).toBeGreaterThan(items.length);
    expect(near.calls.some((c) => c.name === 'stroke')).toBe(true);
    const from = recorder();
    expect(drawFar(from.ctx, { ...base, labelled: false })).toEqual({ boxes: items.length, labelled: 0 });
    // A box not drawn is not counted.
    const some = { ...base, labelled: true, lookAt: (i: number) => (i === 0 ? NO_LOOK : look()) };
    expect(drawFar(recorder().ctx, some)).toEqual({ boxes: items.length - 1, labelled: items.length - 1 });
    expect(from.calls.some((c) => c.name === 'fillText' || c.name === 'stroke')).toBe(false);
    expect(from.calls.filter((c) => c.name === 'fillRect')).toHaveLength(items.length);
  });
});
