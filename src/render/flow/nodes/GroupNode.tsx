import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../Icon';
import type { GroupNode as GroupNodeType } from '../toFlow';

/**
 * Many hosts (or projects) folded into one box; activating it unfolds them. Or an open region, zone, cell or
 * rack: a bar under its hosts, with its numbers; activating it folds them.
 */
function GroupNodeView({ data }: NodeProps<GroupNodeType>) {
  const { box, failures } = data;
  if (box.kind === 'structure')
    return (
      <div
        className="sl-box sl-structure"
        data-kind={box.kind}
        data-level={box.level}
        title={`${box.label ?? ''}: ${box.summary ?? ''}. Click to fold.`}
      >
        <Icon name="chevronDown" />
        <span className="sl-structure__label">{box.label}</span>
        {failures ? <span className="sl-group__failures">{failures}</span> : null}
        <span className="sl-structure__summary">{box.summary}</span>
      </div>
    );
  const hosts = box.kind === 'host-group';
  return (
    <div className={`sl-box sl-group ${hosts ? 'sl-host' : 'sl-project'}`} data-kind={box.kind}>
      <div className="sl-group__label">{box.label}</div>
      <div className="sl-group__summary">{box.summary}</div>
      {failures ? <div className="sl-group__failures">{failures}</div> : null}
      <div className="sl-group__hint">
        <Icon name="chevronRight" /> {box.detail || 'click to unfold'}
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
