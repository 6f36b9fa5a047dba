import { describe, expect, it } from 'vitest';
import type { Model, View } from '../../model/schema';
import { validateModel } from '../../model/validate';
import { defaultJsonCopy, defaultModel } from '../../testing/fixtures';
import type { SceneElement } from '../scene';
import { VIEWS, viewFlags } from '../views';
import { deriveHardware } from './hardware';
import { resolveOperatorCluster } from './operatorCluster';
import { deriveOperatorCluster } from './operatorK8s';
import { deriveServices } from './services';
import { type DeriveState, initialState } from './state';
import { deriveTenantClusters } from './tenantK8s';
import { deriveTenants } from './tenants';

// Each stage of deriveScene on its own, against what it must guarantee (the domain's facts), not against
// what it happens to output. A stage runs after the stages it builds on, in deriveScene's order.

const STAGES = [deriveHardware, deriveOperatorCluster, deriveServices, deriveTenants, deriveTenantClusters];

/** The state after the stages up to and including `last`. */
function runUpTo(last: (s: DeriveState) => void, model: Model, view: View): DeriveState {
  const state = initialState(model, view, viewFlags(view), resolveOperatorCluster(model));
  for (const stage of STAGES.slice(0, STAGES.indexOf(last) + 1)) stage(state);
  return state;
}
const of = <K extends SceneElement['kind']>(s: DeriveState, kind: K) =>
  s.elements.filter((e): e is Extract<SceneElement, { kind: K }> => e.kind === kind);
const hasRunsOn = (s: DeriveState, from: string, to: string) =>
  s.relations.some((r) => r.kind === 'runs-on' && r.from === from && r.to === to);
function valid(json: unknown): Model {
  const r = validateModel(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.model;
}

const model = defaultModel();

describe('stage 1: hardware', () => {
  it.each(VIEWS)('%s: exactly the hosts of the model, in model order, and nothing else', (view) => {
    const s = runUpTo(deriveHardware, model, view);
    expect(s.elements.map((e) => e.id)).toEqual(model.hosts.map((h) => h.id));
    expect(
      s.elements.every((e) => e.kind === 'host' && e.layer === 'hardware' && e.owner === 'operator'),
    ).toBe(true);
    expect(s.relations).toEqual([]);
  });

  it('marks the operator cluster members in every view (the storage hosts stay outside it)', () => {
    for (const view of VIEWS) {
      const members = of(runUpTo(deriveHardware, model, view), 'host').filter((h) => h.operatorMember);
      expect(members.map((h) => h.id)).toEqual(model.operatorCluster?.hosts);
    }
  });

  it("places a host in its zone's region when it names none, and gives Ironic nodes their bare-metal details", () => {
    const json = defaultJsonCopy();
    json.regions = [{ id: 'r1' }];
    json.availabilityZones = [{ id: 'az1', region: 'r1' }];
    json.hosts[3].zone = 'az1';
    json.hosts.push({ id: 'bm1', rack: 'r1', roles: ['baremetal'] });
    const s = runUpTo(deriveHardware, valid(json), 'traditional');
    const host = (id: string) => of(s, 'host').find((h) => h.id === id);
    expect(host('kvm1')).toMatchObject({ zone: 'az1', region: 'r1' });
    expect(host('kvm2')?.region).toBeUndefined();
    expect(host('bm1')?.baremetal).toBeDefined();
    expect(host('kvm1')?.baremetal).toBeUndefined();
    expect(s.hostPlaces.get('kvm1')?.region).toBe('r1');
  });
});

describe('stage 2: the operator cluster', () => {
  it('adds nothing in the views without it', () => {
    for (const view of ['traditional', 'k8s-in-tenant'] as const) {
      const s = runUpTo(deriveOperatorCluster, model, view);
      expect(s.elements.length).toBe(model.hosts.length);
    }
  });

  it('makes each member host one node of the cluster, running on that host, its control plane as the model says', () => {
    const s = runUpTo(deriveOperatorCluster, model, 'control-plane-on-k8s');
    const [cluster] = of(s, 'operator-cluster');
    expect(cluster?.id).toBe(model.operatorCluster?.id);
    const nodes = of(s, 'k8s-node');
    expect(nodes.map((n) => n.machine)).toEqual(model.operatorCluster?.hosts);
    for (const n of nodes) {
      expect(n.runsOn).toBe(n.machine);
      expect(n.cluster).toBe(cluster?.id);
      expect(n.clusterKind).toBe('operator');
      expect(hasRunsOn(s, n.id, n.machine)).toBe(true);
    }
    expect(nodes.filter((n) => n.nodeRole === 'control-plane').map((n) => n.machine)).toEqual([
      'ctl1',
      'ctl2',
      'ctl3',
    ]);
  });

  it('derives an odd control plane (one of two controllers) when the model describes no cluster', () => {
    const json = defaultJsonCopy();
    delete json.operatorCluster;
    json.hosts = json.hosts.filter((h: { id: string }) => h.id !== 'ctl3');
    for (const s of json.services) for (const p of s.processes) delete p.hosts;
    const s = runUpTo(deriveOperatorCluster, valid(json), 'both');
    const [cluster] = of(s, 'operator-cluster');
    expect(cluster?.derived).toBe(true);
    expect(cluster?.controlPlane).toEqual(['ctl1']);
    expect(cluster?.hosts).not.toContain('ceph1');
  });
});

describe('stage 3: services', () => {
  const instances = (view: View) => of(runUpTo(deriveServices, model, view), 'service');

  it('keeps each service instance id (process@host) across the four views', () => {
    const ids = (view: View) => instances(view).map((s) => s.id);
    for (const view of VIEWS) expect(ids(view)).toEqual(ids('traditional'));
    for (const s of instances('traditional')) expect(s.id).toBe(`${s.processId}@${s.host}`);
  });

  it('in control-plane-on-k8s, every process on a member host is a pod on the operator node of that host', () => {
    const s = runUpTo(deriveServices, model, 'control-plane-on-k8s');
    const members = new Set(model.operatorCluster?.hosts);
    const nodes = new Map(of(s, 'k8s-node').map((n) => [n.id, n]));
    for (const svc of of(s, 'service')) {
      if (members.has(svc.host)) {
        expect(svc.form, svc.id).toBe('pod');
        expect(svc.workloadKind, svc.id).toBeDefined();
        expect(nodes.get(svc.runsOn)?.machine, svc.id).toBe(svc.host);
      } else {
        expect(svc.form, svc.id).toBe('container');
        expect(svc.runsOn, svc.id).toBe(svc.host);
      }
      expect(hasRunsOn(s, svc.id, svc.runsOn)).toBe(true);
    }
    expect(of(s, 'service').some((x) => x.host === 'ceph1')).toBe(true);
  });

  it('runs every instance directly on its host, as a container, where the operator has no Kubernetes', () => {
    for (const view of ['traditional', 'k8s-in-tenant'] as const)
      for (const svc of instances(view)) {
        expect(svc.form).toBe('container');
        expect(svc.runsOn).toBe(svc.host);
        expect(svc.workloadKind).toBeUndefined();
      }
  });

  it('places a process only on hosts of its role', () => {
    const roles = new Map(model.hosts.map((h) => [h.id, h.roles as readonly string[]]));
    const procRole = new Map(model.services.flatMap((s) => s.processes.map((p) => [p.id, p.role] as const)));
    for (const svc of instances('traditional')) {
      const role = procRole.get(svc.processId);
      const wanted = Array.isArray(role) ? role : [role];
      expect(
        wanted.some((r) => roles.get(svc.host)?.includes(r as string)),
        svc.id,
      ).toBe(true);
    }
  });
});

describe('stage 4: tenants', () => {
  it.each(VIEWS)('%s: every VM runs on a compute host, never inside Kubernetes', (view) => {
    const s = runUpTo(deriveTenants, model, view);
    const compute = new Set(model.hosts.filter((h) => h.roles.includes('compute')).map((h) => h.id));
    const vms = of(s, 'vm');
    expect(vms.length).toBe((model.projects ?? []).reduce((n, p) => n + (p.vms?.length ?? 0), 0));
    for (const vm of vms) {
      expect(compute.has(vm.runsOn), vm.id).toBe(true);
      expect(hasRunsOn(s, vm.id, vm.runsOn)).toBe(true);
    }
  });

  it('attaches each volume to its VM and ties each amphora to its load balancer', () => {
    const s = runUpTo(deriveTenants, model, 'traditional');
    expect(s.relations).toContainEqual({
      id: 'db-1-data>db-1',
      kind: 'attached-to',
      from: 'db-1-data',
      to: 'db-1',
    });
    expect(of(s, 'vm').find((v) => v.id === 'amphora-1')?.amphoraOf).toEqual(['prod-k8s-api-lb']);
    expect(
      s.relations.some(
        (r) => r.kind === 'implements' && r.from === 'amphora-1' && r.to === 'prod-k8s-api-lb',
      ),
    ).toBe(true);
  });

  it("lists each project's resources after the project, in the project's own order", () => {
    const s = runUpTo(deriveTenants, model, 'traditional');
    const tenantEls = s.elements.slice(model.hosts.length + of(s, 'service').length);
    let project = '';
    for (const el of tenantEls) {
      if (el.kind === 'project') project = el.id;
      else expect('project' in el ? el.project : undefined, el.id).toBe(project);
    }
  });
});

describe('stage 5: tenant Kubernetes', () => {
  it('adds nothing in the views without it', () => {
    for (const view of ['traditional', 'control-plane-on-k8s'] as const) {
      const before = runUpTo(deriveTenants, model, view).elements.length;
      expect(runUpTo(deriveTenantClusters, model, view).elements.length).toBe(before);
    }
  });

  it("makes a tenant cluster's nodes its VMs: each node runs on one of its VMs", () => {
    const s = runUpTo(deriveTenantClusters, model, 'k8s-in-tenant');
    const cluster = model.tenantClusters?.[0];
    const nodes = of(s, 'k8s-node').filter((n) => n.cluster === cluster?.id);
    expect(nodes.map((n) => n.machine)).toEqual([
      ...(cluster?.controlPlane ?? []),
      ...(cluster?.workers ?? []),
    ]);
    const vms = new Set(of(s, 'vm').map((v) => v.id));
    for (const n of nodes) {
      expect(vms.has(n.runsOn), n.id).toBe(true);
      expect(n.clusterKind).toBe('tenant');
      expect(hasRunsOn(s, n.id, n.runsOn)).toBe(true);
    }
  });

  it('schedules pods on workers only, and a pod with a Cinder volume on the VM the volume is attached to', () => {
    const s = runUpTo(deriveTenantClusters, model, 'both');
    const nodes = new Map(of(s, 'k8s-node').map((n) => [n.id, n]));
    const pods = of(s, 'pod');
    expect(pods.length).toBe(3 + 2 + 3);
    for (const p of pods) expect(nodes.get(p.runsOn)?.nodeRole, p.id).toBe('worker');
    const attached = new Map(
      (model.projects ?? []).flatMap((p) => (p.volumes ?? []).map((v) => [v.id, v.attachedTo] as const)),
    );
    const postgres = model.tenantClusters?.[0]?.workloads?.find((w) => w.id === 'postgres');
    postgres?.volumes?.forEach((vol, i) => {
      const pod = pods.find((p) => p.id === `postgres#${i}`);
      expect(nodes.get(pod?.runsOn ?? '')?.machine).toBe(attached.get(vol));
    });
  });

  it('runs one pod of a DaemonSet on each schedulable node', () => {
    const json = defaultJsonCopy();
    json.tenantClusters[0].workloads.push({ id: 'agent', kind: 'DaemonSet' });
    const s = runUpTo(deriveTenantClusters, valid(json), 'k8s-in-tenant');
    const agents = of(s, 'pod').filter((p) => p.workload === 'agent');
    const workers = of(s, 'k8s-node').filter((n) => n.nodeRole === 'worker');
    expect(agents.map((p) => p.runsOn).sort()).toEqual(workers.map((n) => n.id).sort());
  });
});
