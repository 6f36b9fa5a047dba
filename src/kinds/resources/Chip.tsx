import { resourceLabel } from '../../layout/layoutScene';
import { IconPath } from '../../render/flow/Icon';
import { boxClass } from '../index';
import type { ElementOf } from '../types';

type ResourceKind = 'network' | 'load-balancer' | 'volume';

/** Each resource's icon, in a 16-unit box (`render/flow/Icon.tsx` draws it). */
const GLYPH: Readonly<Record<ResourceKind, string>> = {
  // A network: traffic both ways.
  network: 'M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13',
  // A load balancer: one flow fanned out to three.
  'load-balancer': 'M2.5 8h3.5M6 8l6.5-4.5M6 8h6.5M6 8l6.5 4.5',
  // A volume: a disk.
  volume: 'M3 4.5c0-2 10-2 10 0s-10 2-10 0zM3 4.5v7c0 2 10 2 10 0v-7',
};

/** A project's network, load balancer or volume: a chip inside a ChipsNode. */
export function ResourceChip({ el }: { el: ElementOf<ResourceKind> }) {
  return (
    <div className={boxClass(el)} data-kind={el.kind} title={el.description}>
      <IconPath d={GLYPH[el.kind]} size={10} className="sl-resource__glyph" />
      <span className="sl-resource__text">{resourceLabel(el)}</span>
    </div>
  );
}
