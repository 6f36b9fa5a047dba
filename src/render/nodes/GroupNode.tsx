import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../Icon';
import type { GroupNode as GroupNodeType } from '../toFlow';

/** Many hosts (or projects) folded into one box; activating it unfolds them. */
function GroupNodeView({ data }: NodeProps<GroupNodeType>) {
  const { box } = data;
  const hosts = box.kind === 'host-group';
  return (
    <div className={`sl-box sl-group ${hosts ? 'sl-host' : 'sl-project'}`} data-kind={box.kind}>
      <div className="sl-group__label">{box.label}</div>
      <div className="sl-group__summary">{box.summary}</div>
      <div className="sl-group__hint">
        <Icon name="chevronRight" /> click to unfold
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
