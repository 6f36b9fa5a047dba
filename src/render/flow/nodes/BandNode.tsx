import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BandNode as BandNodeType } from '../toFlow';

function BandNodeView({ data }: NodeProps<BandNodeType>) {
  const { band } = data;
  return (
    <div className={`sl-band sl-band--${band.layer}`} data-band={band.layer}>
      <div className="sl-band__label">
        <span className="sl-band__title">{band.label}</span>
        <span className="sl-band__sub" title={band.sublabel}>
          {band.sublabel}
        </span>
      </div>
    </div>
  );
}

export const BandNode = memo(BandNodeView);
