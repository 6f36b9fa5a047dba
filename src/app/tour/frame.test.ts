import { describe, expect, it } from 'vitest';
import { defaultCollapsed, layoutScene } from '../../layout/layoutScene';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../../topology/deriveScene';
import { frameTarget, spokenOf } from './frame';

const scene = deriveScene(defaultModel(), 'control-plane-on-k8s');
const layout = layoutScene(scene, { collapsed: defaultCollapsed(scene) });
const box = (id: string) => {
  const b = layout.byId.get(id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};

describe('frameTarget', () => {
  it('is the whole diagram when the step names nothing drawn', () => {
    expect(frameTarget(layout, [])).toEqual({ x: 0, y: 0, width: layout.width, height: layout.height });
    expect(frameTarget(layout, ['no-such-thing'])).toEqual({
      x: 0,
      y: 0,
      width: layout.width,
      height: layout.height,
    });
  });

  it("frames a host with what stands on it in its column, not its VMs in the tenants' bands", () => {
    const t = frameTarget(layout, ['kvm1']);
    const host = box('kvm1');
    const nova = box('nova-compute@kvm1');
    const web = box('web-1');
    expect(t.x).toBeCloseTo(host.x);
    expect(t.width).toBeCloseTo(host.w);
    expect(t.y).toBeLessThanOrEqual(nova.y);
    expect(t.y + t.height).toBeCloseTo(host.y + host.h);
    // web-1 runs on kvm1 but is drawn in a project above, outside the column.
    expect(web.y + web.h).toBeLessThan(t.y);
  });

  it('holds every named box', () => {
    const ids = ['ctl1', 'web-1', 'undercloud'];
    const t = frameTarget(layout, ids);
    for (const id of ids) {
      const b = box(id);
      expect(b.x).toBeGreaterThanOrEqual(t.x - 0.01);
      expect(b.y).toBeGreaterThanOrEqual(t.y - 0.01);
      expect(b.x + b.w).toBeLessThanOrEqual(t.x + t.width + 0.01);
      expect(b.y + b.h).toBeLessThanOrEqual(t.y + t.height + 0.01);
    }
  });
});

describe('spokenOf', () => {
  it('keeps what a step names and its stacks, and nothing else', () => {
    const spoken = spokenOf(scene, ['kvm1'], null);
    expect(spoken?.has('kvm1')).toBe(true);
    expect(spoken?.has('nova-compute@kvm1')).toBe(true);
    expect(spoken?.has('web-1')).toBe(true);
    expect(spoken?.has('ctl1')).toBe(false);
    expect(spoken?.has('keystone-api@ctl1')).toBe(false);
  });
  it('dims nothing when the step names nothing', () => {
    expect(spokenOf(scene, [], null)).toBeNull();
  });
  it('keeps what a failure takes down', () => {
    expect(spokenOf(scene, ['ctl1'], new Set(['web-1']))?.has('web-1')).toBe(true);
  });
});
