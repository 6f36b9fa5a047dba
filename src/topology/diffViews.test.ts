import { describe, expect, it } from 'vitest';
import { generateModel } from '../model/generate';
import type { Model, View } from '../model/schema';
import { validateModel } from '../model/validate';
import { defaultJsonCopy, defaultModel } from '../testing/fixtures';
import { deriveScene } from './deriveScene';
import { compareScenes, diffViews, summarizeChanges, type ViewChange } from './diffViews';
import type { Scene, SceneElement } from './scene';
import { VIEWS } from './views';

const model = defaultModel();
const scenes = new Map<View, Scene>(VIEWS.map((v) => [v, deriveScene(model, v)]));
const scene = (v: View) => scenes.get(v) as Scene;
const of = <K extends SceneElement['kind']>(s: Scene, kind: K) =>
  s.elements.filter((e): e is Extract<SceneElement, { kind: K }> => e.kind === kind);
const idsOf = (changes: readonly ViewChange[], change: ViewChange['change']) =>
  changes.filter((c) => c.change === change).map((c) => c.id);
const validated = (json: unknown): Model => {
  const r = validateModel(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.model;
};
const pairs = VIEWS.flatMap((a) => VIEWS.map((b) => [a, b] as const));

describe('diffViews on every ordered pair of views', () => {
  it.each(pairs)('%s -> %s keeps its invariants', (a, b) => {
    const d = diffViews(model, a, b);
    expect(d.from).toBe(a);
    expect(d.to).toBe(b);
    expect(d.summary.length).toBeGreaterThan(0);
    for (const line of d.summary) expect(line).toMatch(/^\S.*\.$/);
    if (a === b) {
      expect(d.changes).toEqual([]);
      expect(d.summary).toEqual(['Nothing changes.']);
      return;
    }
    const [sa, sb] = [scene(a), scene(b)];
    const appeared = new Set(idsOf(d.changes, 'appeared'));
    const vanished = new Set(idsOf(d.changes, 'vanished'));
    expect([...appeared].filter((id) => vanished.has(id))).toEqual([]);
    for (const id of appeared) expect(sa.byId.has(id) || !sb.byId.has(id), id).toBe(false);
    for (const id of vanished) expect(sa.byId.has(id) && !sb.byId.has(id), id).toBe(true);
    for (const c of d.changes)
      if (c.change === 'moved' || c.change === 'changed-form' || c.change === 'changed-owner') {
        expect(sa.byId.has(c.id) && sb.byId.has(c.id), c.id).toBe(true);
        expect(c.from).toBeDefined();
        expect(c.to).toBeDefined();
        expect(c.from).not.toBe(c.to);
      }
    for (const c of d.changes) if (c.change === 'changed-form') expect(c.kind).toBe('service');
    // An element appears at most once per kind of change.
    const keys = d.changes.map((c) => `${c.change} ${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Deterministic.
    expect(diffViews(model, a, b)).toEqual(d);
  });

  it.each(pairs)('%s -> %s is the mirror of the way back', (a, b) => {
    const there = diffViews(model, a, b).changes;
    const back = diffViews(model, b, a).changes;
    expect(new Set(idsOf(there, 'appeared'))).toEqual(new Set(idsOf(back, 'vanished')));
    expect(new Set(idsOf(there, 'vanished'))).toEqual(new Set(idsOf(back, 'appeared')));
    const key = (c: ViewChange) => `${c.change} ${c.id} ${c.from} ${c.to}`;
    const swapped = (c: ViewChange) => `${c.change} ${c.id} ${c.to} ${c.from}`;
    const same = ['moved', 'changed-form', 'changed-owner'];
    expect(new Set(there.filter((c) => same.includes(c.change)).map(key))).toEqual(
      new Set(back.filter((c) => same.includes(c.change)).map(swapped)),
    );
  });

  it('moves no VM, host, project, network, load balancer or volume between any two views', () => {
    const fixed = new Set(['vm', 'host', 'project', 'network', 'load-balancer', 'volume']);
    for (const [a, b] of pairs)
      expect(diffViews(model, a, b).changes.filter((c) => fixed.has(c.kind))).toEqual([]);
  });
});

describe('traditional -> control-plane-on-k8s', () => {
  const d = diffViews(model, 'traditional', 'control-plane-on-k8s');
  const after = scene('control-plane-on-k8s');
  const controllers = new Set(
    of(after, 'host')
      .filter((h) => h.roles.includes('controller'))
      .map((h) => h.id),
  );

  it('adds the operator cluster and its nodes, and removes nothing', () => {
    const appeared = idsOf(d.changes, 'appeared');
    expect(appeared).toContain('undercloud');
    const nodes = of(after, 'k8s-node').filter((n) => n.cluster === 'undercloud');
    expect(nodes).toHaveLength(7);
    for (const n of nodes) expect(appeared).toContain(n.id);
    expect(idsOf(d.changes, 'vanished')).toEqual([]);
  });

  it('moves every control-plane service into pods on the operator nodes', () => {
    const onControllers = of(after, 'service').filter((s) => controllers.has(s.host));
    expect(onControllers.length).toBeGreaterThan(50);
    for (const s of onControllers) {
      expect(d.changes).toContainEqual({
        id: s.id,
        name: s.name,
        kind: 'service',
        change: 'changed-form',
        from: 'container',
        to: 'pod',
      });
      expect(d.changes).toContainEqual({
        id: s.id,
        name: s.name,
        kind: 'service',
        change: 'moved',
        from: s.host,
        to: `undercloud/${s.host}`,
      });
    }
    expect(d.changes).toContainEqual(
      expect.objectContaining({
        id: 'keystone-api@ctl1',
        change: 'moved',
        from: 'ctl1',
        to: 'undercloud/ctl1',
      }),
    );
    // nova-compute and libvirt become pods on the compute hosts' nodes; Ceph stays put.
    expect(d.changes).toContainEqual(
      expect.objectContaining({ id: 'nova-compute@kvm1', change: 'changed-form', to: 'pod' }),
    );
    expect(d.changes).toContainEqual(expect.objectContaining({ id: 'libvirtd@kvm1', to: 'undercloud/kvm1' }));
    expect(d.changes.filter((c) => c.id.startsWith('ceph-'))).toEqual([]);
  });

  it('says so in a few sentences, with derived numbers and names', () => {
    const cp = of(after, 'service').filter((s) => controllers.has(s.host)).length;
    const [first, second, third, fourth] = d.summary;
    expect(first).toBe(
      "The operator's Kubernetes cluster undercloud appeared, with 7 nodes on the hosts (control plane on ctl1, ctl2 and ctl3).",
    );
    expect(second).toContain(`${cp} control-plane service instances`);
    expect(second).toMatch(/became pods on the nodes of undercloud \(\d+ Deployment, \d+ StatefulSet and/);
    expect(third).toMatch(
      /^nova-compute, libvirt and \d+ other agents became DaemonSet pods on the compute hosts/,
    );
    expect(third).toContain('VMs still run');
    expect(fourth).toBe(
      'Ceph on ceph1, ceph2 and ceph3 stays in containers: those hosts are not in the cluster.',
    );
  });

  it('says the way back too', () => {
    const back = diffViews(model, 'control-plane-on-k8s', 'traditional').summary;
    expect(back[0]).toContain('undercloud is gone');
    expect(back.join(' ')).toContain('containers again');
  });
});

describe('k8s-in-tenant -> both', () => {
  const d = diffViews(model, 'k8s-in-tenant', 'both');

  it("keeps the tenant cluster and adds the operator's", () => {
    const touched = new Set(d.changes.map((c) => c.id));
    expect(touched.has('prod-k8s')).toBe(false);
    for (const n of of(scene('both'), 'k8s-node').filter((n) => n.cluster === 'prod-k8s'))
      expect(touched.has(n.id)).toBe(false);
    expect(idsOf(d.changes, 'appeared')).toContain('undercloud');
    expect(idsOf(d.changes, 'vanished')).toEqual([]);
  });

  it('names both clusters and their owners', () => {
    expect(d.summary[0]).toContain("operator's Kubernetes cluster undercloud appeared");
    expect(d.summary[1]).toBe(
      "The tenant's Kubernetes cluster prod-k8s stays on its VMs: a different cluster from undercloud, owned by the tenant, not the operator.",
    );
  });
});

describe('traditional -> k8s-in-tenant', () => {
  const d = diffViews(model, 'traditional', 'k8s-in-tenant');
  const after = scene('k8s-in-tenant');

  it('makes the tenant cluster, its nodes and pods appear, and moves nothing', () => {
    const appeared = new Set(idsOf(d.changes, 'appeared'));
    expect(appeared.has('prod-k8s')).toBe(true);
    const nodes = of(after, 'k8s-node');
    const pods = of(after, 'pod');
    expect(nodes).toHaveLength(6);
    expect(pods.length).toBeGreaterThan(0);
    for (const x of [...nodes, ...pods]) expect(appeared.has(x.id), x.id).toBe(true);
    expect(appeared.size).toBe(1 + nodes.length + pods.length);
    expect(idsOf(d.changes, 'moved')).toEqual([]);
    expect(d.changes.filter((c) => c.kind === 'vm')).toEqual([]);
  });

  it('names the cluster, its project and what it uses', () => {
    expect(d.summary[0]).toBe(
      `The tenant's Kubernetes cluster prod-k8s appeared in project acme-platform, on 6 VMs (3 control-plane, 3 workers), with ${of(after, 'pod').length} pods.`,
    );
    expect(d.summary[1]).toContain('2 load balancers and 3 volumes');
  });
});

describe('summaries', () => {
  it('name the clusters that change', () => {
    for (const [a, b] of pairs) {
      if (a === b) continue;
      const d = diffViews(model, a, b);
      const text = d.summary.join(' ');
      const clusters = d.changes.filter((c) => c.kind === 'operator-cluster' || c.kind === 'tenant-cluster');
      expect(clusters.length, `${a} -> ${b}`).toBeGreaterThan(0);
      for (const c of clusters) expect(text, `${a} -> ${b}`).toContain(c.name);
    }
  });

  it('say nothing changes when a model has no tenant clusters to show', () => {
    const json = defaultJsonCopy();
    delete json.tenantClusters;
    const m = validated(json);
    expect(diffViews(m, 'traditional', 'k8s-in-tenant')).toEqual({
      from: 'traditional',
      to: 'k8s-in-tenant',
      changes: [],
      summary: ['Nothing changes: the model has no tenant Kubernetes clusters.'],
    });
  });

  it('say when the operator cluster is derived, and use processes when the model does', () => {
    const json = defaultJsonCopy();
    delete json.operatorCluster;
    json.deployment = { tool: 'openstack-ansible', form: 'processes' };
    const m = validated(json);
    const there = diffViews(m, 'traditional', 'control-plane-on-k8s');
    expect(there.summary[0]).toContain('operator k8s (derived by Stacklayers');
    expect(there.changes).toContainEqual(
      expect.objectContaining({
        id: 'keystone-api@ctl1',
        change: 'changed-form',
        from: 'process',
        to: 'pod',
      }),
    );
    expect(there.summary.join(' ')).toContain('stays in processes');
    const back = diffViews(m, 'control-plane-on-k8s', 'traditional');
    expect(back.summary.join(' ')).toContain(
      'run as processes again, placed on the hosts by openstack-ansible',
    );
  });

  it('count what no sentence explains', () => {
    const before = scene('traditional');
    const after = { ...scene('traditional') };
    const vm = of(before, 'vm')[0] as SceneElement;
    const moved = { ...vm, runsOn: 'kvm4' } as SceneElement;
    after.elements = before.elements.map((e) => (e.id === vm.id ? moved : e));
    after.byId = new Map(after.elements.map((e) => [e.id, e]));
    const changes = compareScenes(before, after);
    expect(changes).toEqual([
      { id: vm.id, name: vm.name, kind: 'vm', change: 'moved', from: vm.runsOn, to: 'kvm4' },
    ]);
    expect(summarizeChanges(before, after, changes)).toEqual([`One more element moved: ${vm.name}.`]);
  });
});

describe('on a large generated model', () => {
  it('stays consistent (and quick) between the two extreme views', () => {
    const big = generateModel(3000, 2026);
    const there = diffViews(big, 'traditional', 'both');
    const back = diffViews(big, 'both', 'traditional');
    expect(new Set(idsOf(there.changes, 'appeared'))).toEqual(new Set(idsOf(back.changes, 'vanished')));
    expect(idsOf(there.changes, 'vanished')).toEqual([]);
    expect(there.summary.length).toBeGreaterThan(2);
    expect(there.summary.length).toBeLessThan(12);
  });
});
