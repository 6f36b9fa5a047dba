import { describe, expect, it } from 'vitest';
import type { Model, View } from '../model/schema';
import { validateModel } from '../model/validate';
import { defaultJsonCopy, defaultModel } from '../testing/fixtures';
import { deriveScene } from './deriveScene';
import {
  controlPlaneShare,
  majority,
  ownedBy,
  ownerOf,
  runningOn,
  runsOnChain,
  searchElements,
  stackOf,
  tolerates,
} from './explain';
import type { ProjectElement, Scene, SceneElement } from './scene';
import { VIEWS } from './views';

const model = defaultModel();
const sceneCache = new Map<View, Scene>();
const scene = (view: View): Scene => {
  let s = sceneCache.get(view);
  if (!s) {
    s = deriveScene(model, view);
    sceneCache.set(view, s);
  }
  return s;
};
const of = <K extends SceneElement['kind']>(s: Scene, kind: K) =>
  s.elements.filter((e): e is Extract<SceneElement, { kind: K }> => e.kind === kind);
const ids = (els: readonly SceneElement[]) => els.map((e) => e.id);
const _hostsWithRole = (m: Model, role: string) =>
  m.hosts.filter((h) => (h.roles as readonly string[]).includes(role)).map((h) => h.id);
const validated = (json: unknown): Model => {
  const r = validateModel(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.model;
};
/** The default model with some ids renamed everywhere they appear as a whole JSON string. */
const renamed = (pairs: Record<string, string>): Model => {
  let text = JSON.stringify(defaultJsonCopy());
  for (const [from, to] of Object.entries(pairs)) text = text.replaceAll(`"${from}"`, `"${to}"`);
  return validated(JSON.parse(text));
};

describe('runsOnChain', () => {
  it("gives a tenant pod's chain as node, VM, compute host (in both tenant views)", () => {
    for (const view of ['k8s-in-tenant', 'both'] as const) {
      const s = scene(view);
      const pods = of(s, 'pod');
      expect(pods.length).toBeGreaterThan(0);
      for (const pod of pods) {
        const chain = runsOnChain(s, pod.id);
        expect(chain.map((e) => e.kind)).toEqual(['k8s-node', 'vm', 'host']);
        expect(chain[0]?.id).toBe(pod.runsOn);
        const host = chain[2];
        expect(host?.kind === 'host' && host.roles.includes('compute')).toBe(true);
      }
    }
  });

  it("gives an operator pod's chain as operator node, host", () => {
    const s = scene('control-plane-on-k8s');
    expect(ids(runsOnChain(s, 'keystone-api@ctl1'))).toEqual(['undercloud/ctl1', 'ctl1']);
    expect(ids(runsOnChain(s, 'nova-compute@kvm2'))).toEqual(['undercloud/kvm2', 'kvm2']);
    // Ceph stays outside the undercloud: a container straight on its host.
    expect(ids(runsOnChain(s, 'ceph-mon@ceph1'))).toEqual(['ceph1']);
  });

  it("gives a traditional container's chain as just its host; hosts and unknown ids have none", () => {
    const s = scene('traditional');
    expect(ids(runsOnChain(s, 'keystone-api@ctl1'))).toEqual(['ctl1']);
    expect(ids(runsOnChain(s, 'web-1'))).toEqual(['kvm1']);
    expect(runsOnChain(s, 'ctl1')).toEqual([]);
    expect(runsOnChain(s, 'no-such-element')).toEqual([]);
  });
});

describe('runningOn', () => {
  it('includes, on a compute host in both, its operator node, agents, VMs and their tenant nodes and pods', () => {
    const s = scene('both');
    const above = runningOn(s, 'kvm1');
    const aboveIds = new Set(ids(above));
    const vmsOnKvm1 = of(s, 'vm').filter((v) => v.host === 'kvm1');
    expect(vmsOnKvm1.map((v) => v.id).sort()).toEqual(['prod-k8s-cp-0', 'prod-k8s-md-1', 'web-1']);
    for (const id of ['undercloud/kvm1', 'nova-compute@kvm1', 'libvirtd@kvm1', ...vmsOnKvm1.map((v) => v.id)])
      expect(aboveIds.has(id), id).toBe(true);
    expect(aboveIds.has('prod-k8s/prod-k8s-md-1')).toBe(true);
    const podsOnMd1 = of(s, 'pod').filter((p) => p.runsOn === 'prod-k8s/prod-k8s-md-1');
    expect(podsOnMd1.length).toBeGreaterThan(0);
    for (const p of podsOnMd1) expect(aboveIds.has(p.id)).toBe(true);
    expect(aboveIds.has('kvm1')).toBe(false);
    expect(aboveIds.has('web-2')).toBe(false);
  });

  it('lists direct dependants first (breadth-first)', () => {
    const s = scene('both');
    const depth = (id: string) => runsOnChain(s, id).findIndex((e) => e.id === 'kvm1');
    const depths = runningOn(s, 'kvm1').map((e) => depth(e.id));
    expect(depths[0]).toBe(0);
    for (let i = 1; i < depths.length; i++) expect(depths[i]).toBeGreaterThanOrEqual(depths[i - 1] as number);
  });

  it('on an operator node gives its pods, never the VMs of its host (VMs run on the hypervisor)', () => {
    const s = scene('both');
    const above = runningOn(s, 'undercloud/kvm1');
    expect(above.every((e) => e.kind === 'service' && e.form === 'pod' && e.host === 'kvm1')).toBe(true);
    expect(above.length).toBe(of(s, 'service').filter((e) => e.host === 'kvm1').length);
  });

  it.each(VIEWS)('is the inverse of runsOnChain for every element (%s)', (view) => {
    const s = scene(view);
    const expected = new Map<string, Set<string>>();
    for (const el of s.elements)
      for (const below of runsOnChain(s, el.id)) {
        const set = expected.get(below.id) ?? new Set<string>();
        set.add(el.id);
        expected.set(below.id, set);
      }
    for (const el of s.elements)
      expect(new Set(ids(runningOn(s, el.id))), el.id).toEqual(expected.get(el.id) ?? new Set());
  });
});

describe('stackOf', () => {
  it("includes a project's VMs and their hosts, but not other hosts", () => {
    const stack = stackOf(scene('traditional'), 'acme-web');
    for (const id of [
      'acme-web',
      'web-1',
      'web-2',
      'db-1',
      'db-1-data',
      'acme-web-net',
      'kvm1',
      'kvm2',
      'kvm3',
    ])
      expect(stack.has(id), id).toBe(true);
    for (const id of ['kvm4', 'ctl1', 'prod-k8s-cp-0', 'acme-platform'])
      expect(stack.has(id), id).toBe(false);
  });

  it("includes, in both, a project's tenant cluster with its nodes and pods", () => {
    const s = scene('both');
    const stack = stackOf(s, 'acme-platform');
    expect(stack.has('prod-k8s')).toBe(true);
    for (const n of of(s, 'k8s-node').filter((n) => n.cluster === 'prod-k8s'))
      expect(stack.has(n.id)).toBe(true);
    for (const p of of(s, 'pod')) expect(stack.has(p.id)).toBe(true);
    expect(stack.has('web-1')).toBe(false);
  });

  it("includes a tenant cluster's nodes, pods, VMs, hosts, load balancers and volumes", () => {
    const s = scene('k8s-in-tenant');
    const stack = stackOf(s, 'prod-k8s');
    const cluster = s.byId.get('prod-k8s');
    if (cluster?.kind !== 'tenant-cluster') throw new Error('no prod-k8s');
    for (const vm of [...cluster.controlPlane, ...cluster.workers]) {
      expect(stack.has(vm)).toBe(true);
      expect(stack.has(`prod-k8s/${vm}`)).toBe(true);
    }
    for (const id of [...cluster.loadBalancers, ...cluster.volumes, 'kvm1', 'kvm2', 'kvm3', 'kvm4'])
      expect(stack.has(id), id).toBe(true);
    expect(stack.has('web-1')).toBe(false);
    expect(stack.has('ctl1')).toBe(false);
  });

  it("includes the operator cluster's nodes, hosts and OpenStack pods, but no VM", () => {
    const s = scene('both');
    const stack = stackOf(s, 'undercloud');
    for (const h of model.operatorCluster?.hosts ?? []) {
      expect(stack.has(h)).toBe(true);
      expect(stack.has(`undercloud/${h}`)).toBe(true);
    }
    expect(stack.has('keystone-api@ctl2')).toBe(true);
    expect(of(s, 'vm').some((v) => stack.has(v.id))).toBe(false);
    expect(stack.has('ceph1')).toBe(false);
  });

  it('is the element, its chain and its dependants for a machine; empty for an unknown id', () => {
    const s = scene('both');
    const stack = stackOf(s, 'prod-k8s-md-1');
    for (const id of ['prod-k8s-md-1', 'kvm1', 'prod-k8s/prod-k8s-md-1', 'pg-data-2'])
      expect(stack.has(id)).toBe(true);
    expect(stack.has('web-1')).toBe(false);
    expect(stackOf(s, 'no-such-element').size).toBe(0);
  });
});

describe('ownership', () => {
  it.each(VIEWS)(
    'the operator owns hardware, services and the service project; tenants the rest (%s)',
    (view) => {
      const s = scene(view);
      const operator = ownedBy(s, 'operator');
      const tenant = ownedBy(s, 'tenant');
      for (const el of s.elements) {
        expect(operator.has(el.id) !== tenant.has(el.id), el.id).toBe(true);
        expect(ownerOf(el)).toBe(el.owner);
      }
      for (const el of [...of(s, 'host'), ...of(s, 'service')]) expect(operator.has(el.id), el.id).toBe(true);
      for (const id of ['service', 'amphora-1', 'amphora-2']) expect(operator.has(id), id).toBe(true);
      for (const id of [
        'acme-web',
        'acme-platform',
        'web-1',
        'db-1',
        'prod-k8s-cp-0',
        'prod-k8s-api-lb',
        'pg-data-0',
      ])
        expect(tenant.has(id), id).toBe(true);
    },
  );

  it("in both, the lower Kubernetes is the operator's and the upper the tenant's", () => {
    const s = scene('both');
    const operator = ownedBy(s, 'operator');
    const tenant = ownedBy(s, 'tenant');
    expect(operator.has('undercloud')).toBe(true);
    expect(tenant.has('prod-k8s')).toBe(true);
    for (const n of of(s, 'k8s-node'))
      expect(n.clusterKind === 'operator' ? operator.has(n.id) : tenant.has(n.id), n.id).toBe(true);
    for (const p of of(s, 'pod')) expect(tenant.has(p.id)).toBe(true);
    for (const svc of of(s, 'service').filter((x) => x.form === 'pod'))
      expect(operator.has(svc.id)).toBe(true);
  });
});

describe('quorum math', () => {
  it.each([
    [1, 1, 0, false],
    [2, 2, 0, true],
    [3, 2, 1, false],
    [4, 3, 1, true],
    [5, 3, 2, false],
    [6, 4, 2, true],
    [7, 4, 3, false],
  ])('n=%i: majority %i, tolerates %i, even %s', (n, maj, tol, even) => {
    expect(majority(n)).toBe(maj);
    expect(tolerates(n)).toBe(tol);
    // An even count adds cost, not tolerance: n tolerates no more than n-1.
    if (even) expect(tolerates(n)).toBe(tolerates(n - 1));
  });
});

describe('controlPlaneShare', () => {
  it('gives the controllers share of hosts, cores and RAM on the default model', () => {
    const ctl = model.hosts.filter((h) => h.roles.includes('controller'));
    const total = (hs: typeof model.hosts, key: 'cores' | 'ramGiB') =>
      hs.reduce((n, h) => n + (h.capacity?.[key] ?? 0), 0);
    const share = controlPlaneShare(scene('traditional'));
    expect(share).toEqual({
      hosts: { controlPlane: ctl.length, total: model.hosts.length },
      cores: { controlPlane: total(ctl, 'cores'), total: total(model.hosts, 'cores') },
      ramGiB: { controlPlane: total(ctl, 'ramGiB'), total: total(model.hosts, 'ramGiB') },
    });
    // 3 of 10 hosts; 3 x 32 of 3 x 32 + 4 x 64 + 3 x 16 cores.
    expect(share.cores).toEqual({ controlPlane: 96, total: 400 });
    for (const view of VIEWS) expect(controlPlaneShare(scene(view))).toEqual(share);
  });

  it('counts network-only hosts and drops cores and RAM when a host does not give them', () => {
    const json = defaultJsonCopy();
    json.hosts.push({ id: 'net1', roles: ['network'] });
    const share = controlPlaneShare(deriveScene(validated(json), 'traditional'));
    expect(share.hosts).toEqual({ controlPlane: 4, total: 11 });
    expect(share.cores).toBeUndefined();
    expect(share.ramGiB).toBeUndefined();
  });
});

describe('searchElements', () => {
  const tiny = (names: string[]): Scene => {
    const elements: ProjectElement[] = names.map((name, i) => ({
      id: `p${i}`,
      kind: 'project',
      name,
      layer: 'tenant-vms',
      owner: 'tenant',
    }));
    return {
      view: 'traditional',
      flags: { controlPlaneOnK8s: false, k8sInTenant: false },
      title: 'tiny',
      deployment: { tool: 'kolla-ansible', form: 'containers' },
      elements,
      byId: new Map(elements.map((e) => [e.id, e])),
      relations: [],
    };
  };

  it('ranks exact, then prefix, then word prefix, then substring; shorter names first', () => {
    const s = tiny(['mongodb', 'web.db', 'db-replica', 'db-1', 'DB', 'other']);
    expect(searchElements(s, 'db').map((h) => [h.el.name, h.score])).toEqual([
      ['DB', 4],
      ['db-1', 3],
      ['db-replica', 3],
      ['web.db', 2],
      ['mongodb', 1],
    ]);
  });

  it('finds the schedulers for "sched", nova before cinder (shorter name), in scene order', () => {
    const hits = searchElements(scene('traditional'), 'sched').map((h) => h.el.id);
    expect(hits).toEqual([
      'nova-scheduler@ctl1',
      'nova-scheduler@ctl2',
      'nova-scheduler@ctl3',
      'cinder-scheduler@ctl1',
      'cinder-scheduler@ctl2',
      'cinder-scheduler@ctl3',
    ]);
  });

  it('puts an exact match first, matches ids too, and respects the limit', () => {
    const s = scene('control-plane-on-k8s');
    const hits = searchElements(s, 'ctl2', 100);
    expect(hits[0]?.el.id).toBe('ctl2');
    expect(hits.some((h) => h.el.id === 'keystone-api@ctl2')).toBe(true);
    expect(searchElements(s, 'ctl2', 3)).toHaveLength(3);
    expect(searchElements(s, 'ctl2', 0)).toEqual([]);
  });

  it('is case-insensitive and returns nothing for an empty query', () => {
    const s = scene('traditional');
    expect(searchElements(s, 'SCHED')).toEqual(searchElements(s, 'sched'));
    expect(searchElements(s, '  MariaDB ')[0]?.el.id).toBe('mariadb@ctl1');
    expect(searchElements(s, '')).toEqual([]);
    expect(searchElements(s, '   ')).toEqual([]);
    expect(searchElements(s, 'no-such-thing')).toEqual([]);
  });
});

describe('ids that are Object.prototype keys', () => {
  const m = renamed({ kvm1: 'constructor', 'web-1': 'toString' });

  it('work in every function', () => {
    const s = deriveScene(m, 'both');
    expect(ids(runsOnChain(s, 'toString'))).toEqual(['constructor']);
    expect(ids(runningOn(s, 'constructor'))).toContain('toString');
    expect(stackOf(s, 'toString').has('constructor')).toBe(true);
    expect(searchElements(s, 'constructor')[0]?.el.id).toBe('constructor');
    expect(searchElements(s, 'tostring')[0]?.el.id).toBe('toString');
    expect(ownedBy(s, 'operator').has('constructor')).toBe(true);
  });

  it('are not found where they do not exist', () => {
    const s = scene('both');
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(runsOnChain(s, id)).toEqual([]);
      expect(runningOn(s, id)).toEqual([]);
      expect(stackOf(s, id).size).toBe(0);
      expect(searchElements(s, id)).toEqual([]);
    }
  });
});
