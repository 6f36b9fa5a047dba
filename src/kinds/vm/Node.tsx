import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ElementNode } from '../../render/flow/toFlow';
import { boxClass } from '../index';

function VmNodeView({ data }: NodeProps<ElementNode>) {
  const { el } = data;
  if (el.kind !== 'vm') return null;
  return (
    <div className={boxClass(el)} data-kind="vm" data-host={el.host} title={el.description}>
      <div className="sl-vm__name">{el.name}</div>
      <div className="sl-vm__meta">
        {el.flavor} · <span className="sl-vm__host">{el.host}</span>
        {el.placement === 'derived' ? '*' : ''}
      </div>
    </div>
  );
}

export const VmNode = memo(VmNodeView);
