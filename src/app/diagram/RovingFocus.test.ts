import { describe, expect, it } from 'vitest';
import { defaultCollapsed, layoutScene } from '../../layout/layoutScene';
import { generateModel } from '../../model/generate';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../../topology/deriveScene';
import { outlineOrder } from '../../topology/outline';
import { firstStop, keyStops, nextStop } from './RovingFocus';

const scene = deriveScene(defaultModel(), 'both');

describe('keyStops: the boxes the arrow keys visit', () => {
  it('are the outline’s elements in its order when everything is drawn', () => {
    const layout = layoutScene(scene);
    expect(keyStops(layout)).toEqual(outlineOrder(scene));
    expect(firstStop(layout)).toBe(keyStops(layout)[0]?.id);
  });

  it('skip what a folded host holds, and keep the host', () => {
    const layout = layoutScene(scene, { collapsed: new Set(['ctl1']) });
    const ids = keyStops(layout).map((s) => s.id);
    expect(ids).toContain('ctl1');
    expect(ids.some((id) => id.endsWith('@ctl1'))).toBe(false);
    expect(ids.every((id) => layout.byId.has(id))).toBe(true);
  });

  it('put a folded group of hosts or projects where its first member is listed', () => {
    const big = deriveScene(generateModel(800, 3), 'both');
    const layout = layoutScene(big, { collapsed: defaultCollapsed(big) });
    const stops = keyStops(layout);
    const ids = stops.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => layout.byId.has(id))).toBe(true);
    const groups = layout.boxes.filter((b) => b.kind === 'host-group' || b.kind === 'project-group');
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(ids).toContain(g.id);
    expect(firstStop(layout)).toBe(ids[0]);
    // Parents are stops drawn before their children.
    const at = new Map(ids.map((id, i) => [id, i]));
    for (const s of stops) if (s.parent !== null) expect(at.get(s.parent)).toBeLessThan(at.get(s.id) ?? -1);
  });
});

describe('nextStop', () => {
  const stops = [
    { id: 'h1', parent: null },
    { id: 'n1', parent: 'h1' },
    { id: 'p1', parent: 'n1' },
    { id: 'p2', parent: 'n1' },
    { id: 'h2', parent: null },
  ];
  it('Down and Up read the order; Home and End go to either end; nothing past the ends', () => {
    expect(nextStop(stops, 'h1', 'ArrowDown')).toBe('n1');
    expect(nextStop(stops, 'p2', 'ArrowDown')).toBe('h2');
    expect(nextStop(stops, 'h2', 'ArrowDown')).toBeNull();
    expect(nextStop(stops, 'h1', 'ArrowUp')).toBeNull();
    expect(nextStop(stops, 'h2', 'ArrowUp')).toBe('p2');
    expect(nextStop(stops, 'p1', 'Home')).toBe('h1');
    expect(nextStop(stops, 'p1', 'End')).toBe('h2');
  });
  it('Right goes into what is listed under an element, Left back out', () => {
    expect(nextStop(stops, 'h1', 'ArrowRight')).toBe('n1');
    expect(nextStop(stops, 'n1', 'ArrowRight')).toBe('p1');
    expect(nextStop(stops, 'p1', 'ArrowRight')).toBeNull();
    expect(nextStop(stops, 'h2', 'ArrowRight')).toBeNull();
    expect(nextStop(stops, 'p2', 'ArrowLeft')).toBe('n1');
    expect(nextStop(stops, 'n1', 'ArrowLeft')).toBe('h1');
    expect(nextStop(stops, 'h1', 'ArrowLeft')).toBeNull();
  });
  it('from a box that is no stop, goes to the first', () => {
    expect(nextStop(stops, 'gone', 'ArrowDown')).toBe('h1');
    expect(nextStop([], 'h1', 'ArrowDown')).toBeNull();
  });
});
