import { resourceLabel } from '../../layout/layoutScene';
import { boxClass } from '../boxClass';
import type { ChipItem } from '../toFlow';

const GLYPH = { network: '⇄', 'load-balancer': '⚖', volume: '▤' } as const;

/** A project's network, load balancer or volume: a chip inside a ChipsNode. */
export function ResourceBody({ el }: { el: ChipItem['el'] }) {
  if (el.kind !== 'network' && el.kind !== 'load-balancer' && el.kind !== 'volume') return null;
  return (
    <div className={boxClass(el)} data-kind={el.kind} title={el.description}>
      <span className="sl-resource__glyph" aria-hidden="true">
        {GLYPH[el.kind]}
      </span>
      <span className="sl-resource__text">{resourceLabel(el)}</span>
    </div>
  );
}
