import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Layout } from '../../layout/layoutScene';
import type { DiagramNode } from '../../render/flow/toFlow';

const FADE_MS = 450;
const NO_GHOSTS: DiagramNode[] = [];
const NONE: { appeared: ReadonlySet<string>; ghosts: DiagramNode[] } = {
  appeared: new Set(),
  ghosts: NO_GHOSTS,
};

/**
 * Between two layouts of the same diagram: what appeared (to fade in) and ghost copies of what vanished
 * (to fade out, then drop). Elements that persist keep their id, so React Flow moves them and CSS
 * transitions animate the move. Nothing happens with reduced motion or on the first layout.
 */
export function useViewTransition(
  layout: Layout,
  nodes: DiagramNode[],
  animate: boolean,
): { appeared: ReadonlySet<string>; ghosts: DiagramNode[] } {
  // The layout (and its nodes) shown before this one: read while rendering the new layout, so the
  // transition is part of the same render (no second render of every box right after a switch).
  const prev = useRef<{ layout: Layout; nodes: DiagramNode[] } | null>(null);
  // Only a new layout starts a transition; the node objects change with every hover.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the layout alone, on purpose.
  const transition = useMemo(() => {
    const before = prev.current;
    if (!animate || !before || before.layout === layout) return NONE;
    const now = new Set(layout.boxes.map((b) => b.id));
    for (const b of layout.bands) now.add(`band:${b.id}`);
    const was = new Set(before.layout.boxes.map((b) => b.id));
    for (const b of before.layout.bands) was.add(`band:${b.id}`);
    const appeared = new Set([...now].filter((id) => !was.has(id)));
    // Nodes are compared by id (a node of chips has an id of its own, not a box's); positions are absolute.
    const stays = new Set(nodes.map((n) => n.id));
    const ghosts: DiagramNode[] = [];
    for (const n of before.nodes) {
      if (stays.has(n.id) || n.type === 'edges') continue;
      // The far layer (a big diagram seen from far) does not fade out: thousands of boxes, no text to read.
      if (n.type === 'far') continue;
      ghosts.push({
        ...n,
        id: `ghost:${n.id}`,
        className: 'sl-vanishing',
        focusable: false,
        selectable: false,
        ariaLabel: undefined,
        domAttributes: { 'aria-hidden': true },
        ...(n.type === 'chips' ? { data: { ...n.data, cls: undefined, ghost: true } } : {}),
      } as DiagramNode);
    }
    return { appeared, ghosts };
  }, [layout]);
  // The nodes of each new layout are remembered, and again when the same layout is drawn anew (the far layer).
  useLayoutEffect(() => {
    prev.current = { layout, nodes };
  }, [layout, nodes]);
  // Ghosts fade out, then go.
  const [gone, setGone] = useState<Layout | null>(null);
  useEffect(() => {
    if (transition.ghosts.length === 0) return;
    const t = setTimeout(() => setGone(layout), FADE_MS);
    return () => clearTimeout(t);
  }, [transition, layout]);
  return gone === layout ? { appeared: transition.appeared, ghosts: NO_GHOSTS } : transition;
}
