import { type NodeProps, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { type FocusEvent, memo, useCallback } from 'react';
import { chipBodyOf } from '../../../kinds/bodies';
import { ariaLabelOf } from '../../describe';
import { type ChipItem, type ChipsNode as ChipsNodeType, ELEMENT_CLASS } from '../toFlow';

const focusableNodes = (s: ReactFlowState) => s.nodesFocusable;
const flowId = (s: ReactFlowState) => s.rfId;

/** What React Flow's node description is called (its wrapper of every node points at it). */
const describedBy = (rfId: string) => `react-flow__node-desc-${rfId}`;

/**
 * One chip: an element of the diagram like any box (class, `data-id`, role, label and focus), placed
 * relative to its ChipsNode. It re-renders only when its own classes change.
 */
const Chip = memo(function Chip({
  item,
  x,
  y,
  cls,
  tabbable,
  ghost,
  description,
  onFocus,
}: {
  item: ChipItem;
  x: number;
  y: number;
  cls: string;
  tabbable: boolean;
  ghost: boolean;
  description: string;
  onFocus: (e: FocusEvent<HTMLElement>, box: ChipItem['box']) => void;
}) {
  const { el, box } = item;
  const style = { transform: `translate(${box.x - x}px, ${box.y - y}px)`, width: box.w, height: box.h };
  // The chip's body is its kind's (`kinds/<kind>/Chip.tsx`, listed in `kinds/bodies.ts`).
  const Body = chipBodyOf(el);
  const body = Body ? <Body el={el} /> : null;
  if (ghost)
    return (
      <div className="sl-item" style={style}>
        {body}
      </div>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: the role React Flow gives every node's wrapper (a fieldset is a form's).
    <div
      className={cls ? `${ELEMENT_CLASS} sl-item ${cls}` : `${ELEMENT_CLASS} sl-item`}
      data-id={el.id}
      role="group"
      aria-roledescription="diagram element"
      aria-label={ariaLabelOf(el)}
      aria-describedby={description}
      // One Tab stop for the whole diagram: the app gives it to one box at a time (app/diagram/RovingFocus.tsx).
      tabIndex={tabbable ? -1 : undefined}
      onFocus={tabbable ? (e) => onFocus(e, box) : undefined}
      style={style}
    >
      {body}
    </div>
  );
});

/** Many chips in one React Flow node (the services of a host, the pods of a node, a project's resources). */
function ChipsNodeView({ data }: NodeProps<ChipsNodeType>) {
  const tabbable = useStore(focusableNodes);
  const description = describedBy(useStore(flowId));
  const ghost = data.ghost === true;
  const store = useStoreApi();
  // As React Flow does for a node: a chip reached with the keyboard outside the view is brought into it.
  const onFocus = useCallback(
    (e: FocusEvent<HTMLElement>, box: ChipItem['box']) => {
      if (!e.currentTarget.matches(':focus-visible')) return;
      const { transform, width, height, autoPanOnNodeFocus, setCenter } = store.getState();
      if (!autoPanOnNodeFocus) return;
      const [tx, ty, zoom] = transform;
      const left = box.x * zoom + tx;
      const top = box.y * zoom + ty;
      const inside = left + box.w * zoom > 0 && top + box.h * zoom > 0 && left < width && top < height;
      if (!inside) void setCenter(box.x + box.w / 2, box.y + box.h / 2, { zoom });
    },
    [store],
  );
  return data.chips.map((item, i) => (
    <Chip
      key={item.el.id}
      item={item}
      x={data.x}
      y={data.y}
      cls={data.cls?.[i] ?? ''}
      tabbable={tabbable && !ghost}
      ghost={ghost}
      description={description}
      onFocus={onFocus}
    />
  ));
}

export const ChipsNode = memo(ChipsNodeView);
