import { boxClass, kindLabel } from '../../kinds';
import type { ChipItem } from '../toFlow';

/** A service instance (process, container or pod) or a tenant pod: a chip inside a ChipsNode. */
export function ChipBody({ el }: { el: ChipItem['el'] }) {
  if (el.kind !== 'service' && el.kind !== 'pod') return null;
  const form = el.kind === 'pod' ? 'pod' : el.form;
  return (
    <div
      className={boxClass(el)}
      data-kind={el.kind}
      data-form={form}
      title={`${el.name}: ${kindLabel(el)}${el.description ? `\n${el.description}` : ''}`}
    >
      <span className="sl-chip__text">{el.name}</span>
    </div>
  );
}
