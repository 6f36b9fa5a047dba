import { describe, expect, it } from 'vitest';
import { generateModel } from '../model/generate';
import { defaultModel } from '../testing/fixtures';
import { deriveScene } from '../topology/deriveScene';
import type { K8sNodeElement, ServiceElement } from '../topology/scene';
import { VIEWS } from '../topology/views';
import { layoutProblems } from './checkLayout';
import { boxBounds, defaultCollapsed, type Layout, layoutScene } from './layoutScene';
import { MAX_NAME_WIDTH, nameWidth, textWidth } from './text';

const model = defaultModel();
const box = (l: Layout, id: string) => {
  const b = l.byId.get(id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};

describe.each(VIEWS)('layoutScene(default, %s)', (view) => {
  const layout = layoutScene(deriveScene(model, view));

  it('holds every invariant: containment, no overlaps, bands in order', () => {
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('places every element of the scene exactly once', () => {
    expect(layout.boxes.map((b) => b.id).sort()).toEqual(layout.scene.elements.map((e) => e.id).sort());
  });

  it('is deterministic', () => {
    const again = layoutScene(deriveScene(model, view));
    expect(again.boxes).toEqual(layout.boxes);
    expect(again.bands).toEqual(layout.bands);
    expect(again.edges).toEqual(layout.edges);
  });

  it('puts what runs on a host right above it, in its column', () => {
    for (const el of layout.scene.elements) {
      if (el.kind !== 'service') continue;
      const chip = box(layout, el.id);
      const host = box(layout, el.host);
      expect(chip.x, el.id).toBeGreaterThanOrEqual(host.x);
      expect(chip.x + chip.w, el.id).toBeLessThanOrEqual(host.x + host.w + 0.5);
      expect(chip.y + chip.h, el.id).toBeLessThan(host.y);
    }
  });

  it('links every VM to its compute host', () => {
    const vms = layout.scene.elements.filter((e) => e.kind === 'vm');
    expect(layout.edges.map((e) => e.from).sort()).toEqual(vms.map((v) => v.id).sort());
    for (const e of layout.edges) {
      const host = box(layout, e.to);
      expect(e.points[1].x).toBeCloseTo(host.x + host.w / 2);
      expect(e.points[0].y).toBeLessThan(e.points[1].y);
    }
  });

  it('is small enough to read at 1280x720 without zooming (fit scale >= 0.8)', () => {
    // The canvas is about 1280 x 620 under the header and legend.
    const scale = Math.min(1280 / layout.width, 620 / layout.height);
    expect(scale).toBeGreaterThanOrEqual(0.8);
  });
});

describe('band order', () => {
  it('puts the operator Kubernetes between hardware and OpenStack, the tenant one above the VMs', () => {
    const order = layoutScene(deriveScene(model, 'both')).bands.map((b) => b.layer);
    expect(order).toEqual(['tenant-k8s', 'tenant-vms', 'openstack', 'operator-k8s', 'hardware']);
    expect(layoutScene(deriveScene(model, 'traditional')).bands.map((b) => b.layer)).toEqual([
      'tenant-vms',
      'openstack',
      'hardware',
    ]);
  });
});

describe('alignment of the two Kubernetes', () => {
  const layout = layoutScene(deriveScene(model, 'both'));
  it('sits each operator node on its host and each pod over its node', () => {
    for (const el of layout.scene.elements) {
      if (el.kind === 'k8s-node' && el.clusterKind === 'operator') {
        const n = box(layout, el.id);
        const h = box(layout, el.machine);
        expect([n.x, n.w]).toEqual([h.x, h.w]);
        expect(n.y + n.h).toBeLessThan(h.y);
      }
      if (el.kind === 'service' && el.form === 'pod') {
        const pod = box(layout, el.id);
        const node = box(layout, (el as ServiceElement).runsOn);
        expect(pod.x).toBeGreaterThanOrEqual(node.x);
        expect(pod.x + pod.w).toBeLessThanOrEqual(node.x + node.w + 0.5);
        expect(pod.y + pod.h).toBeLessThan(node.y);
      }
    }
  });

  it('sits each tenant node right above its VM, with its pods inside', () => {
    for (const el of layout.scene.elements) {
      if (el.kind === 'k8s-node' && el.clusterKind === 'tenant') {
        const n = box(layout, el.id);
        const vm = box(layout, (el as K8sNodeElement).machine);
        expect([n.x, n.w]).toEqual([vm.x, vm.w]);
        expect(n.y + n.h).toBeLessThan(vm.y);
      }
      if (el.kind === 'pod') expect(box(layout, el.id).parent).toBe(el.runsOn);
    }
  });
});

describe.each([10, 100, 1000, 3000])('layoutScene(generated %i elements)', (n) => {
  const m = generateModel(n, n);
  it.each(VIEWS)('holds every invariant in %s', (view) => {
    const layout = layoutScene(deriveScene(m, view));
    expect(layoutProblems(layout)).toEqual([]);
    expect(layout.boxes.length).toBe(layout.scene.elements.length);
  });
});

describe('layoutProblems', () => {
  it('finds overlaps, boxes out of their parent and bands out of order', () => {
    const layout = layoutScene(deriveScene(model, 'both'));
    const boxes = layout.boxes.map((b) => ({ ...b }));
    const [a, b] = boxes.filter((x) => x.kind === 'host');
    if (!a || !b) throw new Error('hosts');
    b.x = a.x + 2;
    const pod = boxes.find((x) => x.kind === 'pod');
    if (!pod) throw new Error('pod');
    pod.y -= 500;
    const broken: Layout = {
      ...layout,
      boxes,
      byId: new Map(boxes.map((x) => [x.id, x])),
      bands: [...layout.bands].reverse(),
    };
    const problems = layoutProblems(broken).join('\n');
    expect(problems).toContain(`${a.id} overlaps ${b.id}`);
    expect(problems).toContain(`${pod.id} sticks out of its parent`);
    expect(problems).toContain('belongs below it');
  });
});

describe('textWidth', () => {
  it('grows with text and font size', () => {
    expect(textWidth('nova-scheduler', 10)).toBeGreaterThan(textWidth('nova-api', 10));
    expect(textWidth('nova-api', 20)).toBeGreaterThan(textWidth('nova-api', 10) * 1.8);
    expect(textWidth('界界', 10)).toBeGreaterThanOrEqual(20);
  });
});

describe('collapse and hidden layers', () => {
  it('folds a host, a project and a cluster: their contents are left out, the rest holds', () => {
    const scene = deriveScene(model, 'both');
    const layout = layoutScene(scene, { collapsed: new Set(['ctl1', 'acme-web', 'undercloud', 'prod-k8s']) });
    expect(layoutProblems(layout)).toEqual([]);
    const ids = new Set(layout.boxes.map((b) => b.id));
    expect(ids.has('ctl1')).toBe(true);
    expect(ids.has('keystone-api@ctl1')).toBe(false);
    expect(ids.has('keystone-api@ctl2')).toBe(true);
    expect(ids.has('acme-web')).toBe(true);
    expect(ids.has('web-1')).toBe(false);
    expect(ids.has('undercloud')).toBe(true);
    expect(ids.has('undercloud/ctl2')).toBe(false);
    expect(ids.has('prod-k8s')).toBe(true);
    expect(ids.has('prod-k8s/prod-k8s-md-0')).toBe(false);
    expect(ids.has('shop-frontend#0')).toBe(false);
    expect(box(layout, 'ctl1').w).toBeLessThan(box(layout, 'ctl2').w);
  });

  it('hides layers', () => {
    const scene = deriveScene(model, 'both');
    const layout = layoutScene(scene, { hiddenLayers: new Set(['openstack', 'tenant-k8s'] as const) });
    expect(layoutProblems(layout)).toEqual([]);
    expect(new Set(layout.bands.map((b) => b.layer))).toEqual(
      new Set(['tenant-vms', 'operator-k8s', 'hardware']),
    );
    expect(layout.boxes.some((b) => b.kind === 'service' || b.layer === 'tenant-k8s')).toBe(false);
  });

  it('starts big models folded, small ones open', () => {
    expect(defaultCollapsed(deriveScene(model, 'both')).size).toBe(0);
    const big = deriveScene(generateModel(3000, 4), 'both');
    const folded = defaultCollapsed(big);
    expect(folded.size).toBeGreaterThan(100);
    const layout = layoutScene(big, { collapsed: folded });
    expect(layoutProblems(layout)).toEqual([]);
    expect(layout.boxes.length).toBeLessThan(big.elements.length / 3);
  });
});

describe('big models fit the screen', () => {
  it('group many hosts of a kind and many projects into one box each, with edges to the groups', () => {
    const big = deriveScene(generateModel(3000, 9), 'both');
    const folded = defaultCollapsed(big);
    expect([...folded].some((id) => id.startsWith('group:'))).toBe(true);
    const layout = layoutScene(big, { collapsed: folded });
    expect(layoutProblems(layout)).toEqual([]);
    const groups = layout.boxes.filter((b) => b.kind === 'host-group' || b.kind === 'project-group');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) expect(g.summary).toBeTruthy();
    // Readable at 1280x620 when fitted.
    expect(Math.min(1280 / layout.width, 620 / layout.height)).toBeGreaterThan(0.5);
    // Unfolding a group brings its hosts back.
    const compute = groups.find((g) => g.id === 'group:compute');
    if (!compute) throw new Error('no compute group');
    const open = new Set(folded);
    open.delete('group:compute');
    const unfolded = layoutScene(big, { collapsed: open });
    expect(layoutProblems(unfolded)).toEqual([]);
    expect(unfolded.byId.has('cmp1')).toBe(true);
  });
});

describe('long names', () => {
  it('do not widen their boxes: a 10,000-character name is measured at most MAX_NAME_WIDTH', () => {
    const base = defaultModel();
    const long = 'x'.repeat(10_000);
    const model = {
      ...base,
      hosts: base.hosts.map((h, i) => (i === 3 ? { ...h, name: long, rack: 'r'.repeat(100) } : h)),
      projects: (base.projects ?? []).map((p, i) =>
        i === 0 ? { ...p, name: `${long} ${long}`.slice(0, 10_000) } : p,
      ),
      services: base.services.map((s, i) =>
        i === 0 ? { ...s, processes: s.processes.map((p) => ({ ...p, name: long })) } : s,
      ),
    };
    for (const view of VIEWS) {
      const plain = layoutScene(deriveScene(base, view));
      const layout = layoutScene(deriveScene(model, view));
      expect(layoutProblems(layout)).toEqual([]);
      for (const id of [base.hosts[3]?.id ?? '', base.projects?.[0]?.id ?? '']) {
        const w = layout.byId.get(id)?.w ?? 0;
        // The name and the rack are each measured at most MAX_NAME_WIDTH (uncapped, 200 characters took 1,300 px).
        expect(w, `${view} ${id}`).toBeLessThanOrEqual(
          (plain.byId.get(id)?.w ?? 0) + 2 * MAX_NAME_WIDTH + 30,
        );
      }
      expect(nameWidth(long, 12, true)).toBe(MAX_NAME_WIDTH);
    }
  });
});

describe('boxBounds', () => {
  it('is the smallest rectangle holding the boxes, and null for none', () => {
    expect(
      boxBounds([
        { x: 10, y: 20, w: 5, h: 5 },
        { x: 2, y: 30, w: 30, h: 10 },
      ]),
    ).toEqual({ x: 2, y: 20, width: 30, height: 20 });
    expect(boxBounds([])).toBeNull();
  });
});
