import type { K8sNodeElement, PodElement } from '../../topology/scene';
import { placeRows } from '../chips';
import { PROJECTS_GROUP } from '../hosts';
import { SIZES as S } from '../sizes';
import type { LayoutBand } from '../types';
import type { Collected } from './collect';
import type { ProjectRow, ProjectRows } from './projectRows';
import { addBand, type Stack } from './stack';

/** A tenant cluster's nodes, each right above its VM, with its pods stacked inside. */
function placeTenantNodes(
  s: Stack,
  nodes: readonly K8sNodeElement[],
  pods: ReadonlyMap<string, PodElement[]>,
  vmX: ReadonlyMap<string, number>,
  at: { cluster: string; y: number; h: number },
): void {
  for (const node of nodes) {
    const nx = vmX.get(node.machine);
    if (nx === undefined) continue;
    const ny = at.y + S.clusterHead;
    s.boxes.push({
      id: node.id,
      kind: 'k8s-node',
      layer: 'tenant-k8s',
      x: nx,
      y: ny,
      w: S.vmW,
      h: at.h,
      parent: at.cluster,
    });
    const chips = (pods.get(node.id) ?? []).map((el) => [{ el, w: S.vmW - 8 }]);
    const frame = {
      x: nx + 4,
      y: ny + S.nodeHead,
      width: S.vmW - 8,
      h: S.podH,
      gap: S.chipGap,
      parent: node.id,
    };
    placeRows(chips, frame, s.boxes);
  }
}

/** A row's tenant clusters, each spanning its VMs, bottom-aligned in the band. */
function placeTenantClusters(
  s: Stack,
  b: LayoutBand,
  row: ProjectRow,
  rowX: number,
  parts: Collected,
  rows: ProjectRows,
): void {
  let px = rowX;
  for (const plan of row.plans) {
    for (const [cid, run] of plan.clusterRuns) {
      const cp = rows.clusterPlans.get(cid);
      if (!cp) continue;
      const cy = b.y + b.h - S.bandPad - cp.h;
      const w = run.x1 - run.x0 + S.clusterPad * 2;
      s.boxes.push({
        id: cid,
        kind: 'tenant-cluster',
        layer: 'tenant-k8s',
        x: px + run.x0 - S.clusterPad,
        y: cy,
        w,
        h: cp.h,
      });
      const vmX = new Map(plan.children.filter((c) => c.kind === 'vm').map((c) => [c.id, px + c.x]));
      placeTenantNodes(s, parts.tenantNodes.get(cid) ?? [], parts.podsByNode, vmX, {
        cluster: cid,
        y: cy,
        h: cp.nodeH,
      });
    }
    px += plan.w + S.projectGap;
  }
}

/** A row's projects and their contents, bottom-aligned in the band. */
function placeProjects(s: Stack, b: LayoutBand, row: ProjectRow, rowX: number, groupSummary: string): void {
  let px = rowX;
  for (const plan of row.plans) {
    const py = b.y + b.h - S.bandPad - plan.h;
    const at = { id: plan.project.id, layer: 'tenant-vms', x: px, y: py, w: plan.w, h: plan.h } as const;
    s.boxes.push(
      plan.project.id === PROJECTS_GROUP
        ? { ...at, kind: 'project-group', label: plan.project.name, summary: groupSummary }
        : { ...at, kind: 'project' },
    );
    for (const c of plan.children) s.boxes.push({ ...c, x: c.x + px, y: c.y + py });
    px += plan.w + S.projectGap;
  }
}

/**
 * Stage 4a: the tenant bands, top of the diagram: one pair per row of projects (the last row on top), each
 * project row's band with its tenants' Kubernetes band right above it (in views with tenant Kubernetes).
 */
export function placeTenantBands(s: Stack, k8sInTenant: boolean, parts: Collected, rows: ProjectRows): void {
  const all = rows.rows;
  for (let i = all.length - 1; i >= 0; i--) {
    const r = all[i] as ProjectRow;
    const suffix = all.length > 1 ? `-${i + 1}` : '';
    const rowX = Math.round((s.width - r.w) / 2);
    const clusters = r.plans.flatMap((p) =>
      [...p.clusterRuns.keys()].filter((c) => rows.clusterPlans.has(c)),
    );
    if (k8sInTenant && clusters.length > 0) {
      const h = S.bandLabel + Math.max(...clusters.map((c) => rows.clusterPlans.get(c)?.h ?? 0)) + S.bandPad;
      const sub = 'owned by tenants · nodes are their VMs';
      const b = addBand(s, `tenant-k8s${suffix}`, 'tenant-k8s', "Tenants' Kubernetes", sub, h);
      placeTenantClusters(s, b, r, rowX, parts, rows);
    }
    const h = S.bandLabel + Math.max(...r.plans.map((p) => p.h)) + S.bandPad;
    const sub = "VMs run on the compute hosts' hypervisor";
    const b = addBand(s, `tenant-vms${suffix}`, 'tenant-vms', 'Tenant projects & VMs', sub, h);
    placeProjects(s, b, r, rowX, rows.groupSummary);
  }
}
