import { boxClass, kindLabel } from '../../../kinds';
import type { PodElement, ServiceElement } from '../../../topology/scene';

/**
 * The face of a service instance's or a tenant pod's chip (`kinds/service/Chip.tsx`, `kinds/pod/Chip.tsx`):
 * its name in a box of its kind's classes, `form` its shape (a process, a container or a pod).
 */
export function ChipFace({
  el,
  form,
}: {
  el: ServiceElement | PodElement;
  form: 'process' | 'container' | 'pod';
}) {
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
