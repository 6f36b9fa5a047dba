import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../render/flow/Icon';
import type { ElementNode } from '../../render/flow/toFlow';
import { boxClass } from '../index';

function ProjectNodeView({ data }: NodeProps<ElementNode>) {
  const { el, folded } = data;
  if (el.kind !== 'project') return null;
  return (
    <div className={boxClass(el)} data-kind="project" title={el.description}>
      <div className="sl-project__head">
        <span className="sl-project__label">project</span>
        <span className="sl-project__name">{el.name}</span>
        <span className="sl-project__owner">{el.owner === 'operator' ? 'operator' : 'tenant'}</span>
      </div>
      {folded !== undefined ? (
        <div className="sl-summary">
          <Icon name="chevronRight" className="sl-glyph--lead" /> {folded || 'empty'}
        </div>
      ) : null}
    </div>
  );
}

export const ProjectNode = memo(ProjectNodeView);
