import type { HostElement, OperatorClusterElement, Scene } from '../../topology/scene';
import { placeRows, rowsHeight } from '../chips';
import { SIZES as S } from '../sizes';
import type { Collected } from './collect';
import type { HostColumns } from './hostColumns';
import { addBand, type Stack } from './stack';

/** What the OpenStack band's sublabel says: how the services are deployed, and by what. */
function openStackSublabel(scene: Scene, parts: Collected, cols: HostColumns): string {
  const deployedBy = scene.deployment.form === 'processes' ? 'processes' : 'containers';
  const op = parts.opCluster;
  if (!scene.flags.controlPlaneOnK8s || !op)
    return `${deployedBy} placed by ${scene.deployment.tool} · control plane, compute, network, storage`;
  const outside = cols.ordered.some((h) => !h.operatorMember && parts.servicesByHost.has(h.id));
  return `pods on the operator's Kubernetes (${op.tool})${outside ? ` · ${deployedBy} on hosts outside it` : ''}`;
}

/** Stage 4b: the OpenStack band: each column's service chips, bottom-aligned right above its host. */
export function placeOpenStackBand(s: Stack, scene: Scene, parts: Collected, cols: HostColumns): void {
  const sub = openStackSublabel(scene, parts, cols);
  const b = addBand(
    s,
    'openstack',
    'openstack',
    'OpenStack services',
    sub,
    S.bandLabel + cols.stackH + S.bandPad,
  );
  cols.ordered.forEach((h, i) => {
    const rows = cols.chipRows[i] ?? [];
    const top = b.y + b.h - S.bandPad - rowsHeight(rows.length, S.chipH, S.chipGap);
    s.columnTop.set(h.id, top);
    const frame = {
      x: cols.x[i] ?? 0,
      y: top,
      width: cols.w[i] ?? 0,
      h: S.chipH,
      gap: S.chipGap,
      parent: undefined,
    };
    placeRows(rows, frame, s.boxes);
  });
}

/**
 * Stage 4c: the operator's Kubernetes band: its cluster spans its member hosts' columns, a node right above
 * each (a folded cluster still spans its member hosts; only its nodes are left out).
 */
export function placeOperatorBand(
  s: Stack,
  op: OperatorClusterElement,
  collapsed: ReadonlySet<string>,
  parts: Collected,
  cols: HostColumns,
): void {
  const folded = collapsed.has(op.id);
  const innerH = folded ? S.summaryH : S.nodeH;
  const sub = 'owned by the cloud operator · nodes are the hosts';
  const h = S.bandLabel + S.clusterHead + innerH + S.clusterPad + S.bandPad;
  const b = addBand(s, 'operator-k8s', 'operator-k8s', "Operator's Kubernetes", sub, h);
  const idx = cols.ordered
    .map((host, i) => ((folded ? host.operatorMember : parts.opNodes.has(host.id)) ? i : -1))
    .filter((i) => i >= 0);
  const first = idx[0];
  const last = idx[idx.length - 1];
  if (first === undefined || last === undefined) return;
  const x0 = (cols.x[first] ?? 0) - S.clusterPad;
  const x1 = (cols.x[last] ?? 0) + (cols.w[last] ?? 0) + S.clusterPad;
  const cy = b.y + S.bandLabel;
  const ch = S.clusterHead + innerH + S.clusterPad;
  s.boxes.push({
    id: op.id,
    kind: 'operator-cluster',
    layer: 'operator-k8s',
    x: x0,
    y: cy,
    w: x1 - x0,
    h: ch,
  });
  for (const i of idx) {
    const host = cols.ordered[i] as HostElement;
    const node = parts.opNodes.get(host.id);
    if (!parts.servicesByHost.has(host.id)) s.columnTop.set(host.id, cy + S.clusterHead);
    if (!node) continue;
    const at = { x: cols.x[i] ?? 0, y: cy + S.clusterHead, w: cols.w[i] ?? 0, h: S.nodeH };
    s.boxes.push({ id: node.id, kind: 'k8s-node', layer: 'operator-k8s', ...at, parent: op.id });
  }
}
