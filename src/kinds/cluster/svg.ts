import { textWidth } from '../../layout/text';
import { type Ctx, type DrawBox, folded } from '../../render/svg/body';
import {
  baseline,
  foldedLine,
  k8sIcon,
  line,
  oneLine,
  rect,
  type Segment,
} from '../../render/svg/primitives';
import type { OperatorClusterElement, TenantClusterElement } from '../../topology/scene';

/** What a cluster's head says after its owner: its tool, distribution and namespace, or version and project. */
export const clusterDetail = (el: OperatorClusterElement | TenantClusterElement): string =>
  el.kind === 'operator-cluster'
    ? [el.tool, el.distribution, `namespace ${el.namespace}`].filter(Boolean).join(' · ')
    : [el.tool, el.kubernetesVersion ? `v${el.kubernetesVersion}` : '', `project ${el.project}`]
        .filter(Boolean)
        .join(' · ');

/** A cluster (the operator's or a tenant's): its head line, and what is folded in it. */
function clusterSvg(
  ctx: Ctx,
  el: OperatorClusterElement | TenantClusterElement,
  w: number,
  h: number,
): string {
  const { p } = ctx;
  const operator = el.kind === 'operator-cluster';
  const k = operator ? p.op : p.tn;
  const detail = clusterDetail(el);
  let s = rect(0, 0, w, h, 6, { fill: k.bg, stroke: k.border, sw: 1.5 });
  const midY = 1.5 + 10;
  s += k8sIcon(8.5, midY - 6, 12, k.k);
  const x = 8.5 + 12 + 6;
  const owner = operator ? "operator's Kubernetes" : "tenant's Kubernetes";
  const head: Segment[] = [
    { text: el.name, size: 11, weight: 700 },
    { text: owner, size: 10.5, weight: 600, fill: k.k, gap: 6 },
  ];
  const maxW = w - x - 8.5;
  const headW = textWidth(oneLine(el.name), 11, true) + 6 + textWidth(owner, 10.5, true);
  const badgeW = textWidth('derived', 9) + 12;
  if (el.kind === 'operator-cluster' && el.derived && headW + 6 + badgeW <= maxW) {
    // A dashed pill after the owner: placed by the width table, the detail follows it.
    s += line(x, baseline(midY, 10.5), head, headW);
    const bx = x + headW + 6;
    s += rect(bx, midY - 6.5, badgeW, 13, 6.5, { fill: 'none', stroke: k.k, dashed: '2 2' });
    s += line(bx + 6, baseline(midY, 9), [{ text: 'derived', size: 9, fill: k.k }], badgeW);
    const dx = bx + badgeW + 6;
    s += line(dx, baseline(midY, 10.5), [{ text: detail, size: 10.5, fill: p.muted }], x + maxW - dx);
  } else
    s += line(x, baseline(midY, 10.5), [...head, { text: detail, size: 10.5, fill: p.muted, gap: 6 }], maxW);
  const summary = folded(ctx, el.id);
  if (summary !== undefined)
    s += foldedLine(
      9.5,
      baseline(1.5 + 20 + 8, 10),
      { text: summary || 'no nodes', fill: p.muted },
      w - 19,
      false,
    );
  return s;
}

export const operatorClusterSvg: DrawBox<'operator-cluster'> = clusterSvg;
export const tenantClusterSvg: DrawBox<'tenant-cluster'> = clusterSvg;
