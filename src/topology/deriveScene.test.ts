import { describe, expect, it } from 'vitest';
import { generateModel } from '../model/generate';
import type { Model } from '../model/schema';
import { defaultModel } from '../testing/fixtures';
import { deriveScene, placeVms, resolveOperatorCluster } from './deriveScene';
import type { K8sNodeElement, Scene, SceneElement, ServiceElement, VmElement } from './scene';
import { VIEWS, viewFlags, viewFromFlags } from './views';

const model = defaultModel();
const of = <K extends SceneElement['kind']>(scene: Scene, kind: K) =>
  scene.elements.filter((e): e is Extract<SceneElement, { kind: K }> => e.kind === kind);
const hostRoles = (m: Model, id: string) => m.hosts.find((h) => h.id === id)?.roles ?? [];

describe.each(VIEWS)('deriveScene(default, %s)', (view) => {
  const scene = deriveScene(model, view);

  it('gives every element a unique id and resolves every runsOn', () => {
    const ids = scene.elements.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of scene.elements)
      if (e.runsOn !== undefined) expect(scene.byId.has(e.runsOn), e.id).toBe(true);
    for (const r of scene.relations) {
      expect(scene.byId.has(r.from), r.id).toBe(true);
      expect(scene.byId.has(r.to), r.id).toBe(true);
    }
  });

  it('runs every VM on a compute host (its hypervisor), never inside Kubernetes', () => {
    const vms = of(scene, 'vm');
    expect(vms).toHaveLength(11);
    for (const vm of vms) {
      expect(scene.byId.get(vm.runsOn)?.kind).toBe('host');
      expect(hostRoles(model, vm.runsOn)).toContain('compute');
    }
  });

  it('keeps the hosts, VMs and service instances of every other view (stable ids)', () => {
    const key = (s: Scene) =>
      s.elements
        .filter((e) =>
          ['host', 'vm', 'service', 'project', 'load-balancer', 'volume', 'network'].includes(e.kind),
        )
        .map((e) => e.id)
        .sort();
    for (const other of VIEWS) expect(key(deriveScene(model, other))).toEqual(key(scene));
  });

  it('is deterministic', () => {
    expect(deriveScene(model, view).elements).toEqual(scene.elements);
  });
});

describe('the four views of the default model', () => {
  it('traditional: control plane as containers on controllers, agents on compute hosts, no Kubernetes', () => {
    const s = deriveScene(model, 'traditional');
    expect(of(s, 'k8s-node')).toEqual([]);
    expect(of(s, 'operator-cluster')).toEqual([]);
    expect(of(s, 'tenant-cluster')).toEqual([]);
    expect(of(s, 'pod')).toEqual([]);
    const services = of(s, 'service');
    for (const svc of services) {
      expect(svc.form).toBe('container');
      expect(svc.runsOn).toBe(svc.host);
    }
    const on = (p: string) => services.filter((x) => x.processId === p).map((x) => x.host);
    for (const p of ['keystone-api', 'nova-scheduler', 'nova-conductor', 'nova-api', 'mariadb', 'rabbitmq'])
      expect(on(p)).toEqual(['ctl1', 'ctl2', 'ctl3']);
    for (const p of ['nova-compute', 'libvirtd']) expect(on(p)).toEqual(['kvm1', 'kvm2', 'kvm3', 'kvm4']);
    // On compute and network hosts, as kolla-ansible's inventory places them.
    for (const p of ['ovn-controller', 'ovn-metadata-agent'])
      expect(on(p).sort()).toEqual(['ctl1', 'ctl2', 'ctl3', 'kvm1', 'kvm2', 'kvm3', 'kvm4']);
    expect(on('ceph-mon')).toEqual(['ceph1', 'ceph2', 'ceph3']);
    expect(on('ceph-mgr')).toHaveLength(2);
  });

  it('control-plane-on-k8s: every control-plane service is a pod on an operator node of a controller host', () => {
    const s = deriveScene(model, 'control-plane-on-k8s');
    const [cluster, ...more] = of(s, 'operator-cluster');
    expect(more).toEqual([]);
    expect(cluster).toMatchObject({
      id: 'undercloud',
      tool: 'openstack-helm',
      derived: false,
      owner: 'operator',
    });
    expect(of(s, 'tenant-cluster')).toEqual([]);
    const nodeOf = (svc: ServiceElement) => s.byId.get(svc.runsOn) as K8sNodeElement;
    const services = of(s, 'service');
    for (const svc of services.filter(
      (x) => x.category === 'control-plane' || x.category === 'infrastructure',
    )) {
      if (!hostRoles(model, svc.host).includes('controller')) continue;
      expect(svc.form, svc.id).toBe('pod');
      expect(nodeOf(svc).kind).toBe('k8s-node');
      expect(nodeOf(svc).cluster).toBe('undercloud');
      expect(hostRoles(model, nodeOf(svc).machine)).toContain('controller');
    }
    expect(services.find((x) => x.id === 'mariadb@ctl1')?.workloadKind).toBe('StatefulSet');
    expect(services.find((x) => x.id === 'keystone-api@ctl2')?.workloadKind).toBe('Deployment');
  });

  it('control-plane-on-k8s: nova-compute and libvirt are DaemonSet pods on each compute host; VMs stay on the hypervisor', () => {
    const s = deriveScene(model, 'control-plane-on-k8s');
    const computeHosts = model.hosts.filter((h) => h.roles.includes('compute')).map((h) => h.id);
    for (const p of ['nova-compute', 'libvirtd']) {
      const pods = of(s, 'service').filter((x) => x.processId === p);
      expect(pods.map((x) => x.host)).toEqual(computeHosts);
      for (const pod of pods) {
        expect(pod).toMatchObject({
          form: 'pod',
          workloadKind: 'DaemonSet',
          runsOn: `undercloud/${pod.host}`,
        });
      }
    }
    for (const vm of of(s, 'vm')) expect(s.byId.get(vm.runsOn)?.kind).toBe('host');
    // Ceph hosts are outside the operator cluster: Ceph stays in containers there.
    for (const svc of of(s, 'service').filter((x) => x.serviceId === 'ceph'))
      expect(svc.form).toBe('container');
  });

  it('k8s-in-tenant: tenant nodes are VMs of their project; pods run on workers; LBs and volumes are there', () => {
    const s = deriveScene(model, 'k8s-in-tenant');
    expect(of(s, 'operator-cluster')).toEqual([]);
    const [cluster] = of(s, 'tenant-cluster');
    expect(cluster).toMatchObject({
      id: 'prod-k8s',
      project: 'acme-platform',
      tool: 'cluster-api',
      owner: 'tenant',
    });
    const nodes = of(s, 'k8s-node');
    expect(nodes).toHaveLength(6);
    for (const n of nodes) {
      const vm = s.byId.get(n.machine) as VmElement;
      expect(vm.kind).toBe('vm');
      expect(vm.project).toBe('acme-platform');
      expect(n.runsOn).toBe(vm.id);
    }
    const pods = of(s, 'pod');
    expect(pods).toHaveLength(8);
    for (const p of pods) expect((s.byId.get(p.runsOn) as K8sNodeElement).nodeRole).toBe('worker');
    expect(s.relations.filter((r) => r.from === 'prod-k8s' && r.kind === 'uses').map((r) => r.to)).toEqual(
      expect.arrayContaining(['prod-k8s-api-lb', 'prod-k8s-ingress-lb', 'pg-data-0']),
    );
    for (const svc of of(s, 'service')) expect(svc.form).toBe('container');
  });

  it('both: two distinct clusters, the operator one on hosts below OpenStack, the tenant one on VMs above it', () => {
    const s = deriveScene(model, 'both');
    const [op] = of(s, 'operator-cluster');
    const [tn] = of(s, 'tenant-cluster');
    expect(op?.id).not.toBe(tn?.id);
    expect(op?.owner).toBe('operator');
    expect(tn?.owner).toBe('tenant');
    for (const n of of(s, 'k8s-node')) {
      const machine = s.byId.get(n.machine);
      if (n.clusterKind === 'operator') {
        expect(machine?.kind).toBe('host');
        expect(n.layer).toBe('operator-k8s');
      } else {
        expect(machine?.kind).toBe('vm');
        expect(n.layer).toBe('tenant-k8s');
      }
    }
  });

  it('switching Kubernetes in a tenant off leaves the same VMs as plain VMs', () => {
    const on = deriveScene(model, 'both');
    const off = deriveScene(model, 'control-plane-on-k8s');
    const clusterVms = (s: Scene) => of(s, 'vm').filter((v) => v.cluster === 'prod-k8s');
    expect(clusterVms(off)).toEqual(clusterVms(on));
    expect(clusterVms(off)).toHaveLength(6);
  });
});

describe('a model without an operator cluster', () => {
  const { operatorCluster: _, ...rest } = model;
  const bare: Model = rest;

  it('gets a derived one, marked as derived, in the k8s views', () => {
    const oc = resolveOperatorCluster(bare);
    expect(oc.derived).toBe(true);
    expect(oc.hosts).toEqual(['ctl1', 'ctl2', 'ctl3', 'kvm1', 'kvm2', 'kvm3', 'kvm4']);
    expect(oc.controlPlane).toEqual(['ctl1', 'ctl2', 'ctl3']);
    const s = deriveScene(bare, 'both');
    expect(of(s, 'operator-cluster')[0]).toMatchObject({ derived: true, tool: 'openstack-helm' });
    expect(of(s, 'service').find((x) => x.id === 'keystone-api@ctl1')?.form).toBe('pod');
  });

  it('uses an odd control plane', () => {
    const two: Model = { ...bare, hosts: bare.hosts.filter((h) => h.id !== 'ctl3') };
    expect(resolveOperatorCluster(two).controlPlane).toEqual(['ctl1']);
  });
});

describe('placeVms', () => {
  it('places VMs without a host on the least loaded compute host, deterministically', () => {
    const m = generateModel(400, 5);
    const a = placeVms(m);
    expect(placeVms(m)).toEqual(a);
    const computes = new Set(m.hosts.filter((h) => h.roles.includes('compute')).map((h) => h.id));
    for (const [, p] of a) expect(computes.has(p.host)).toBe(true);
    expect([...a.values()].some((p) => p.placement === 'derived')).toBe(true);
  });
  it('chooses exactly what a scan of every host for every VM chooses (least load, then model order)', () => {
    // The reference: the plain quadratic rule the heap replaces.
    const reference = (m: Model) => {
      const compute = m.hosts.filter((h) => h.roles.includes('compute')).map((h) => h.id);
      const vcpus = new Map((m.flavors ?? []).map((f) => [f.name, f.vcpus]));
      const load = new Map(compute.map((h) => [h, 0]));
      const out = new Map<string, string>();
      const pending: { id: string; cost: number }[] = [];
      for (const p of m.projects ?? [])
        for (const vm of p.vms ?? []) {
          const cost = vcpus.get(vm.flavor) ?? 1;
          if (vm.host !== undefined) {
            out.set(vm.id, vm.host);
            load.set(vm.host, (load.get(vm.host) ?? 0) + cost);
          } else pending.push({ id: vm.id, cost });
        }
      for (const vm of pending) {
        let best = compute[0] as string;
        for (const h of compute) if ((load.get(h) ?? 0) < (load.get(best) ?? 0)) best = h;
        out.set(vm.id, best);
        load.set(best, (load.get(best) ?? 0) + vm.cost);
      }
      return out;
    };
    for (const [size, seed] of [
      [60, 1],
      [400, 2],
      [2000, 3],
      [6000, 4],
    ] as const) {
      const m = generateModel(size, seed);
      const got = new Map([...placeVms(m)].map(([id, p]) => [id, p.host]));
      expect(got).toEqual(reference(m));
    }
    const got = new Map([...placeVms(model)].map(([id, p]) => [id, p.host]));
    expect(got).toEqual(reference(model));
  });
});

describe('views', () => {
  it('maps flags to views and back', () => {
    for (const v of VIEWS) expect(viewFromFlags(viewFlags(v))).toBe(v);
  });
});

describe('tenant pods', () => {
  it('run where their volumes are attached', () => {
    const s = deriveScene(model, 'k8s-in-tenant');
    const volumes = new Map(
      (model.projects ?? []).flatMap((p) => (p.volumes ?? []).map((v) => [v.id, v.attachedTo] as const)),
    );
    const postgres = model.tenantClusters?.[0]?.workloads?.find((w) => w.id === 'postgres');
    postgres?.volumes?.forEach((vol, i) => {
      const pod = s.byId.get(`postgres#${i}`);
      expect(pod?.runsOn).toBe(`prod-k8s/${volumes.get(vol)}`);
    });
  });
});
