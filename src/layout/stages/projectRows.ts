import type { ProjectElement, Scene, TenantClusterElement } from '../../topology/scene';
import { rowsHeight } from '../chips';
import { PROJECTS_GROUP } from '../hosts';
import { SIZES as S } from '../sizes';
import type { Collected } from './collect';
import { foldedPlan, type ProjectPlan, planProject } from './planProject';

/** A tenant cluster's height, and its nodes' height. */
interface ClusterPlan {
  cluster: TenantClusterElement;
  nodeH: number;
  h: number;
}

/** A row of projects, left to right, and its width. */
export interface ProjectRow {
  plans: ProjectPlan[];
  w: number;
}

/** Tenant projects in rows (first row at the bottom), their tenant clusters' sizes, and the diagram's width. */
export interface ProjectRows {
  rows: ProjectRow[];
  clusterPlans: Map<string, ClusterPlan>;
  /** What the folded group of all projects holds ("" when projects are not grouped). */
  groupSummary: string;
  /** The diagram's width: the host area's, or the widest row's if wider. */
  width: number;
}

/** All projects folded into one box: its plan, and the VMs and tenant clusters it holds. */
function groupPlan(scene: Scene, projects: number): { plan: ProjectPlan; summary: string } {
  let vms = 0;
  let clusters = 0;
  for (const e of scene.elements) {
    if (e.kind === 'vm') vms++;
    if (e.kind === 'tenant-cluster') clusters++;
  }
  const stand: ProjectElement = {
    id: PROJECTS_GROUP,
    kind: 'project',
    name: `${projects} projects`,
    layer: 'tenant-vms',
    owner: 'tenant',
  };
  const plan = foldedPlan(stand);
  plan.w = Math.max(plan.w, 280);
  plan.h += 14; // room for the "click to unfold" line
  return { plan, summary: `${vms} VMs${clusters ? ` · ${clusters} tenant Kubernetes clusters` : ''}` };
}

/** Each tenant cluster's height: its nodes are as tall as the node with the most pods needs. */
function planClusters(parts: Collected, collapsed: ReadonlySet<string>): Map<string, ClusterPlan> {
  const plans = new Map<string, ClusterPlan>();
  for (const c of parts.tenantClusters) {
    if (collapsed.has(c.id)) {
      plans.set(c.id, { cluster: c, nodeH: 0, h: S.clusterHead + S.summaryH + S.clusterPad });
      continue;
    }
    const nodes = parts.tenantNodes.get(c.id) ?? [];
    const maxPods = Math.max(0, ...nodes.map((n) => parts.podsByNode.get(n.id)?.length ?? 0));
    const nodeH = S.nodeHead + rowsHeight(maxPods, S.podH, S.chipGap) + (maxPods > 0 ? 4 : 0) + 4;
    plans.set(c.id, { cluster: c, nodeH, h: S.clusterHead + nodeH + S.clusterPad });
  }
  return plans;
}

/** Greedy rows of projects no wider than `maxW` (a project wider than that gets a row of its own). */
export function wrapRows(plans: readonly ProjectPlan[], maxW: number): ProjectRow[] {
  const rows: ProjectRow[] = [];
  for (const plan of plans) {
    const row = rows[rows.length - 1];
    if (row && row.w + S.projectGap + plan.w <= maxW) {
      row.plans.push(plan);
      row.w += S.projectGap + plan.w;
    } else rows.push({ plans: [plan], w: plan.w });
  }
  return rows;
}

/** Stage 3: tenant projects, flowed into rows no wider than the host area (and never narrower than 900 px). */
export function projectRows(
  scene: Scene,
  parts: Collected,
  collapsed: ReadonlySet<string>,
  hostAreaW: number,
): ProjectRows {
  const grouped = collapsed.has(PROJECTS_GROUP) && parts.projects.length > 1;
  const plans = grouped
    ? []
    : parts.projects.map((p) =>
        collapsed.has(p.id) ? foldedPlan(p) : planProject(p, parts.projectContents.get(p.id) ?? []),
      );
  let groupSummary = '';
  if (grouped) {
    const group = groupPlan(scene, parts.projects.length);
    plans.push(group.plan);
    groupSummary = group.summary;
  }
  const rows = wrapRows(plans, Math.max(hostAreaW - S.margin * 2, 900));
  const width = Math.max(hostAreaW, ...rows.map((r) => r.w + S.margin * 2));
  return { rows, clusterPlans: planClusters(parts, collapsed), groupSummary, width };
}
