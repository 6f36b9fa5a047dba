import { ChipFace } from '../../render/flow/nodes/ChipFace';
import type { PodElement } from '../../topology/scene';

/** A tenant's pod: a pill inside a ChipsNode. */
export function PodChip({ el }: { el: PodElement }) {
  return <ChipFace el={el} form="pod" />;
}
