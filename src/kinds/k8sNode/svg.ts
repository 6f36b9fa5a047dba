import type { DrawBox } from '../../render/svg/body';
import { baseline, k8sIcon, line, rect } from '../../render/svg/primitives';

/** A Kubernetes node: its role (and, for a tenant's control plane, what it runs). */
export const k8sNodeSvg: DrawBox<'k8s-node'> = (ctx, el, w, h) => {
  const { p } = ctx;
  const k = el.clusterKind === 'operator' ? p.op : p.tn;
  const cp = el.nodeRole === 'control-plane';
  let s = rect(0, 0, w, h, 4, { fill: k.node, stroke: k.border });
  // The operator's node centres its one line; a tenant's node heads its pods.
  const midY = el.clusterKind === 'operator' ? h / 2 : 4 + 6;
  s += k8sIcon(6, midY - 5.5, 11, k.k);
  s += line(
    21,
    baseline(midY, 10),
    [{ text: cp ? 'control plane' : 'worker', weight: 600, fill: k.k }],
    w - 27,
  );
  if (cp && el.clusterKind === 'tenant')
    s += line(
      6,
      baseline(19 + 6, 9.5),
      [{ text: 'kube-apiserver · etcd', size: 9.5, fill: p.muted }],
      w - 12,
    );
  return s;
};
