import { describe, expect, it } from 'vitest';
import { roleList } from '../model/access';
import type { View } from '../model/schema';
import { defaultModel } from '../testing/fixtures';
import { deriveScene } from '../topology/deriveScene';
import type { Scene } from '../topology/scene';
import { VIEWS } from '../topology/views';
import { layerCounts } from './summary';

const model = defaultModel();
const scene = (view: View): Scene => deriveScene(model, view);

describe('layerCounts', () => {
  // Expected numbers from the model itself: each process runs on every host with one of its roles
  // (only ceph-mgr has `replicas`, on storage hosts), and the controllers carry the controller role.
  const hostRoles = new Map(model.hosts.map((h) => [h.id, h.roles as readonly string[]]));
  let onControllers = 0;
  let elsewhere = 0;
  for (const svc of model.services)
    for (const p of svc.processes) {
      const roles = roleList(p.role) as readonly string[];
      const hosts = model.hosts.filter((h) => h.roles.some((r) => roles.includes(r)));
      const ctl = hosts.filter((h) => h.roles.includes('controller')).length;
      if (p.replicas !== undefined) {
        expect(ctl).toBe(0); // the assumption above
        elsewhere += Math.min(p.replicas, hosts.length);
      } else {
        onControllers += ctl;
        elsewhere += hosts.length - ctl;
      }
    }
  const members = new Set(model.operatorCluster?.hosts);
  // Operator pods: every instance on a host that joins the undercloud (all but the Ceph hosts here).
  let operatorPods = 0;
  for (const svc of model.services)
    for (const p of svc.processes) {
      const roles = roleList(p.role) as readonly string[];
      if (p.replicas !== undefined) continue; // ceph-mgr: storage hosts are not members
      operatorPods += model.hosts.filter(
        (h) => members.has(h.id) && h.roles.some((r) => roles.includes(r)),
      ).length;
    }
  const vms = (model.projects ?? []).reduce((n, p) => n + (p.vms?.length ?? 0), 0);
  const clusters = model.tenantClusters ?? [];
  const tenantNodes = clusters.reduce((n, c) => n + c.controlPlane.length + c.workers.length, 0);
  const tenantPods = clusters.reduce(
    (n, c) =>
      n +
      (c.workloads ?? []).reduce(
        (m, w) => m + (w.kind === 'DaemonSet' ? c.workers.length : (w.replicas ?? 1)),
        0,
      ),
    0,
  );

  it('derives from the model: 25 processes on each of 3 controllers, 28 agents, 11 VMs', () => {
    // 20 controller processes + 5 network ones (ovn-controller, openvswitch, ovn-metadata-agent, octavia
    // worker and health-manager) on ctl1-3; 5 compute agents on kvm1-4; 3 ceph-mon + 2 ceph-mgr + 3 ceph-osd.
    expect([onControllers, elsewhere, vms, tenantNodes, tenantPods, operatorPods]).toEqual([
      75, 28, 11, 6, 8, 95,
    ]);
    expect(hostRoles.size).toBe(10);
  });

  it.each(VIEWS)('counts every layer (%s)', (view) => {
    const s = scene(view);
    const onK8s = s.flags.controlPlaneOnK8s;
    const inTenant = s.flags.k8sInTenant;
    expect(layerCounts(s)).toEqual({
      hosts: model.hosts.length,
      controlPlane: onControllers,
      agents: elsewhere,
      vms,
      k8sNodes: { operator: onK8s ? members.size : 0, tenant: inTenant ? tenantNodes : 0 },
      pods: (onK8s ? operatorPods : 0) + (inTenant ? tenantPods : 0),
      projects: model.projects?.length ?? 0,
      clusters: { operator: onK8s ? 1 : 0, tenant: inTenant ? clusters.length : 0 },
    });
  });
});
