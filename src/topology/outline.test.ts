import { describe, expect, it } from 'vitest';
import { generateModel } from '../model/generate';
import { defaultModel } from '../testing/fixtures';
import { deriveScene } from './deriveScene';
import { type OutlineItem, outlineOf, outlineOrder } from './outline';
import { VIEWS } from './views';

const model = defaultModel();

/** Every id of the outline, in reading order, with repeats. */
const flat = (items: readonly OutlineItem[]): string[] =>
  items.flatMap((i) => [i.el.id, ...flat(i.children)]);

describe('outlineOrder', () => {
  for (const view of VIEWS) {
    it(`${view}: lists every element once, in the outline's reading order, parents first`, () => {
      const scene = deriveScene(model, view);
      const order = outlineOrder(scene);
      const ids = order.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(scene.elements.map((e) => e.id).sort());
      // The outline's entries with repeats dropped, in order.
      const listed = outlineOf(scene).flatMap((s) => flat(s.items));
      expect(ids).toEqual([...new Set(listed)]);
      const at = new Map(ids.map((id, i) => [id, i]));
      for (const stop of order) {
        if (stop.parent === null) continue;
        expect(at.get(stop.parent)).toBeLessThan(at.get(stop.id) ?? -1);
      }
    });
  }

  it('reads the hardware first, each host followed by what runs on it', () => {
    const scene = deriveScene(model, 'traditional');
    const order = outlineOrder(scene);
    const first = model.hosts[0]?.id ?? '';
    expect(order[0]).toEqual({ id: first, parent: null });
    // In the traditional view a service instance runs on its host directly.
    const service = scene.elements.find((e) => e.kind === 'service' && e.runsOn === first);
    expect(order.find((s) => s.id === service?.id)?.parent).toBe(first);
  });

  it('puts an OpenStack service instance under the operator node of its host when the control plane is on Kubernetes', () => {
    const scene = deriveScene(model, 'control-plane-on-k8s');
    const pod = scene.elements.find((e) => e.kind === 'service' && e.runsOn?.includes('/'));
    expect(pod).toBeDefined();
    const stop = outlineOrder(scene).find((s) => s.id === pod?.id);
    expect(stop?.parent).toBe(pod?.runsOn);
  });

  it('covers a generated model of a thousand elements in every view', () => {
    const big = generateModel(1000, 7);
    for (const view of VIEWS) {
      const scene = deriveScene(big, view);
      expect(outlineOrder(scene)).toHaveLength(scene.elements.length);
    }
  });
});
