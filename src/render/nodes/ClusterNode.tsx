import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { boxClass } from '../../kinds';
import { Icon } from '../Icon';
import type { ElementNode } from '../toFlow';
import { K8sIcon } from './K8sIcon';

/** The operator's cluster (below OpenStack) or a tenant's cluster (above it): same shape, different owner. */
function ClusterNodeView({ data }: NodeProps<ElementNode>) {
  const { el, folded } = data;
  if (el.kind !== 'operator-cluster' && el.kind !== 'tenant-cluster') return null;
  const operator = el.kind === 'operator-cluster';
  const detail = operator
    ? [el.tool, el.distribution, `namespace ${el.namespace}`].filter(Boolean).join(' · ')
    : [el.tool, el.kubernetesVersion ? `v${el.kubernetesVersion}` : '', `project ${el.project}`]
        .filter(Boolean)
        .join(' · ');
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
