import { type FarLabel, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';

/** A Kubernetes node's far-layer label: its role (and what a tenant's control plane runs). */
export const k8sNodeFar: FarLabel<'k8s-node'> = (pen, el, item) => {
  const { x, y, w, h } = item.box;
  const cp = el.nodeRole === 'control-plane';
  const mid = el.clusterKind === 'operator' ? h / 2 : 10;
  text(pen, cp ? 'control plane' : 'worker', x + 21, y + baseline(mid, 10), 10, w - 27, { weight: 600 });
  if (cp && el.clusterKind === 'tenant')
    text(pen, 'kube-apiserver · etcd', x + 6, y + baseline(25, 9.5), 9.5, w - 12, { muted: true });
};
