import { boxClass } from '../../kinds';
import { resourceLabel } from '../../layout/layoutScene';
import { Icon } from '../Icon';
import type { ChipItem } from '../toFlow';

const GLYPH = { network: 'network', 'load-balancer': 'balancer', volume: 'volume' } as const;

/** A project's network, load balancer or volume: a chip inside a ChipsNode. */
export function ResourceBody({ el }: { el: ChipItem['el'] }) {
  if (el.kind !== 'network' && el.kind !== 'load-balancer' && el.kind !== 'volume') return null;
  return (
    <div className={boxClass(el)} data-kind={el.kind} title={el.description}>
      <Icon name={GLYPH[el.kind]} size={10} className="sl-resource__glyph" />
      <span className="sl-resource__text">{resourceLabel(el)}</span>
    </div>
  );
}
