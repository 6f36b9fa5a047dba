import type { FocusEvent, KeyboardEvent, MouseEvent as ReactMouseEvent, RefObject } from 'react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { farElementAt } from '../../render/flow/nodes/FarCanvas';
import { type DiagramNode, ELEMENT_CLASS } from '../../render/flow/toFlow';
import type { Scene } from '../../topology/scene';
import { useAppStore } from '../store';

const COLLAPSIBLE = new Set(['host', 'project', 'tenant-cluster', 'operator-cluster']);

/** The element (or folded group) under a DOM node, if any: its box, a node's wrapper or a chip, carries the id. */
function elementIdAt(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest(`.${ELEMENT_CLASS}`) : null;
  return el?.getAttribute('data-id') ?? null;
}

/** The element under the pointer: an element's DOM box, or a box drawn on the far layer's canvas. */
const elementAtPointer = (e: ReactMouseEvent) =>
  elementIdAt(e.target) ?? farElementAt(e.target, e.clientX, e.clientY);

/**
 * React Flow's pointer handlers: click selects (or folds a group), double-click folds, hover lights a stack.
 * They never change: each box's wrapper is memoized on them, so new functions on every render (a hover, the
 * ready marker) would re-render every box. They read the current scene from a ref. No hover while `moving`.
 */
export function useNodeHandlers(
  scene: Scene,
  collapsed: ReadonlySet<string>,
  interactive: boolean,
  moving: RefObject<boolean>,
) {
  const store = useAppStore();
  const latest = useRef({ scene, collapsed, interactive });
  useLayoutEffect(() => {
    latest.current = { scene, collapsed, interactive };
  });
  return useMemo(() => {
    const hoverAt = (e: ReactMouseEvent) => {
      if (moving.current) return;
      const id = elementAtPointer(e);
      const next = id && latest.current.scene.byId.has(id) ? id : null;
      if (store.getState().hovered !== next) store.getState().hover(next);
    };
    return {
      // A chip is not a node of its own: the element is the one under the pointer, else the node's.
      onNodeClick: (e: ReactMouseEvent, node: DiagramNode) => {
        const { scene, collapsed, interactive } = latest.current;
        if (!interactive) return;
        if (node.type === 'group') store.getState().toggleCollapsed(node.id, collapsed);
        else {
          const id = elementAtPointer(e) ?? node.id;
          if (scene.byId.has(id)) store.getState().select(id);
        }
      },
      onNodeDoubleClick: (e: ReactMouseEvent, node: DiagramNode) => {
        const { scene, collapsed } = latest.current;
        const el = scene.byId.get(elementAtPointer(e) ?? node.id);
        if (el && COLLAPSIBLE.has(el.kind)) store.getState().toggleCollapsed(el.id, collapsed);
      },
      onPaneClick: () => store.getState().select(null),
      // Hover is delegated: the pointer entering any element's box (a node or a chip) lights its stack.
      onMouseOver: (e: ReactMouseEvent) => hoverAt(e),
      // Over the far layer's canvas the box under the pointer changes without leaving an element.
      onMouseMove: (e: ReactMouseEvent) => {
        if (e.target instanceof HTMLCanvasElement) hoverAt(e);
      },
      onMouseLeave: () => store.getState().hover(null),
    };
  }, [store, moving]);
}

/** The diagram element's own handlers: Enter and Space on a focused element, and focus lighting its stack. */
export function useFrameHandlers(collapsed: ReadonlySet<string>) {
  const store = useAppStore();
  return {
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      const id = elementIdAt(e.target);
      if (!id) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        // The element's key, not also a tour's next step (Space).
        e.stopPropagation();
        if (id.startsWith('group:')) store.getState().toggleCollapsed(id, collapsed);
        else store.getState().select(id);
      }
    },
    onFocus: (e: FocusEvent<HTMLDivElement>) => store.getState().hover(elementIdAt(e.target)),
    onBlur: (e: FocusEvent<HTMLDivElement>) => {
      // Focus moving on to another box of this diagram (the arrow keys) lights that one instead: no clearing
      // in between, which would render every box twice.
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)))
        store.getState().hover(null);
    },
  };
}
