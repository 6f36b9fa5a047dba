import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../render/flow/Icon';
import { K8sIcon } from '../../render/flow/nodes/K8sIcon';
import type { ElementNode } from '../../render/flow/toFlow';
import { boxClass } from '../index';
import { clusterDetail } from './svg';

/** The operator's cluster (below OpenStack) or a tenant's cluster (above it): same shape, different owner. */
function ClusterNodeView({ data }: NodeProps<ElementNode>) {
  const { el, folded } = data;
  if (el.kind !== 'operator-cluster' && el.kind !== 'tenant-cluster') return null;
  const operator = el.kind === 'operator-cluster';
  const detail = clusterDetail(el);
  return (
    <div
      className={boxClass(el)}
      data-kind={el.kind}
      title={`${el.name}: ${operator ? "operator's" : "tenant's"} Kubernetes · ${detail}${el.description ? `\n${el.description}` : ''}`}
    >
      <div className="sl-cluster__head">
        <K8sIcon />
        <span className="sl-cluster__name">{el.name}</span>
        <span className="sl-cluster__owner">
          {operator ? "operator's Kubernetes" : "tenant's Kubernetes"}
        </span>
        {operator && el.derived ? <span className="sl-badge">derived</span> : null}
        <span className="sl-cluster__detail">{detail}</span>
      </div>
      {folded !== undefined ? (
        <div className="sl-summary">
          <Icon name="chevronRight" /> {folded || 'no nodes'}
        </div>
      ) : null}
    </div>
  );
}

export const ClusterNode = memo(ClusterNodeView);
