import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { hostSubtitle } from '../../layout/layoutScene';
import { Icon } from '../../render/flow/Icon';
import type { ElementNode } from '../../render/flow/toFlow';
import { boxClass } from '../index';

function HostNodeView({ data }: NodeProps<ElementNode>) {
  const { el, folded } = data;
  if (el.kind !== 'host') return null;
  const [roles, capacity] = hostSubtitle(el);
  return (
    <div className={boxClass(el)} data-kind="host" title={el.description}>
      <div className="sl-host__head">
        <span className="sl-host__name">{el.name}</span>
        {el.rack ? <span className="sl-host__rack">{el.rack}</span> : null}
      </div>
      <div className="sl-host__line">{roles}</div>
      {folded !== undefined ? (
        <div className="sl-host__line sl-host__folded">
          <Icon name="chevronRight" className="sl-glyph--lead" /> {folded || 'nothing'} folded
        </div>
      ) : capacity ? (
        <div className="sl-host__line sl-muted">{capacity}</div>
      ) : null}
    </div>
  );
}

export const HostNode = memo(HostNodeView);
