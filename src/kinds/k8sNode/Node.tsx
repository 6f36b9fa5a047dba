import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { K8sIcon } from '../../render/flow/nodes/K8sIcon';
import type { ElementNode } from '../../render/flow/toFlow';
import { boxClass } from '../index';

/**
 * A Kubernetes node. An operator node sits right above its host, a tenant node right above its VM,
 * so the name is there already: the node says its role, and what a control-plane node runs.
 */
function K8sNodeView({ data }: NodeProps<ElementNode>) {
  const { el } = data;
  if (el.kind !== 'k8s-node') return null;
  const cp = el.nodeRole === 'control-plane';
  return (
    <div className={boxClass(el)} data-kind="k8s-node" data-node-role={el.nodeRole} title={el.description}>
      <div className="sl-node__head">
        <K8sIcon size={11} />
        <span className="sl-node__role">{cp ? 'control plane' : 'worker'}</span>
      </div>
      {cp && el.clusterKind === 'tenant' ? <div className="sl-node__cp">kube-apiserver · etcd</div> : null}
    </div>
  );
}

export const K8sNodeNode = memo(K8sNodeView);
