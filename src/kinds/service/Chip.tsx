import { ChipFace } from '../../render/flow/nodes/ChipFace';
import type { ServiceElement } from '../../topology/scene';

/** A service instance (a process, a container or a pod): a chip inside a ChipsNode, shaped by its form. */
export function ServiceChip({ el }: { el: ServiceElement }) {
  return <ChipFace el={el} form={el.form} />;
}
