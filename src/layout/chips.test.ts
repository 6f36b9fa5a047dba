import { describe, expect, it } from 'vitest';
import type { SceneElement } from '../topology/scene';
import { type Chip, flowRows, placeRows, rowsHeight } from './chips';
import type { ElementBox } from './types';

const chip = (id: string, w: number): Chip => ({
  el: { id, kind: 'network', name: id, layer: 'tenant-vms', project: 'p' } as SceneElement,
  w,
});

describe('flowRows and placeRows', () => {
  const chips = [chip('a', 50), chip('b', 70), chip('c', 40), chip('d', 300)];

  it('fills rows greedily within the width, never cutting a row short, and caps a chip at the width', () => {
    const rows = flowRows(chips, 130, 4);
    expect(rows.map((r) => r.map((c) => c.el.id))).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(rows[2]?.[0]?.w).toBe(130);
  });

  it('justifies each row to end flush with the width, in order, without overlap', () => {
    const out: ElementBox[] = [];
    placeRows(flowRows(chips, 130, 4), { x: 10, y: 20, width: 130, h: 18, gap: 4, parent: 'p' }, out);
    expect(out.map((b) => b.id)).toEqual(['a', 'b', 'c', 'd']);
    for (const row of [out.slice(0, 2), out.slice(2, 3), out.slice(3)]) {
      expect(row[0]?.x).toBe(10);
      const last = row[row.length - 1] as ElementBox;
      expect(last.x + last.w).toBe(140);
    }
    expect(out.map((b) => b.y)).toEqual([20, 20, 42, 64]);
    expect(rowsHeight(3, 18, 4)).toBe(64 + 18 - 20);
    expect(out.every((b) => b.parent === 'p' && b.kind === 'network')).toBe(true);
  });
});
