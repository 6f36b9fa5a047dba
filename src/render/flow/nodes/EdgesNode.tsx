import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EdgesNode as EdgesNodeType } from '../toFlow';

/**
 * Every edge of the layout in one SVG: vertical S-curves from a VM down to its host's column. With the far
 * layer, only the lit and broken ones.
 */
function EdgesNodeView({ data }: NodeProps<EdgesNodeType>) {
  const { lit, down } = data;
  const edges = data.markedOnly
    ? data.edges.filter((e) => down?.has(e.from) || lit?.has(e.from))
    : data.edges;
  return (
    <svg className="sl-edges" width={data.width} height={data.height} aria-hidden="true">
      {edges.map((e) => {
        const [a, b] = e.points;
        const my = (a.y + b.y) / 2;
        const state = down?.has(e.from)
          ? ' sl-edge--down'
          : lit
            ? lit.has(e.from)
              ? ' sl-edge--lit'
              : ' sl-edge--dim'
            : '';
        return (
          <path
            key={e.id}
            data-edge={e.id}
            className={`sl-edge sl-edge--${e.kind}${state}`}
            d={`M${a.x} ${a.y} C${a.x} ${my} ${b.x} ${my} ${b.x} ${b.y}`}
          />
        );
      })}
    </svg>
  );
}

export const EdgesNode = memo(EdgesNodeView);
