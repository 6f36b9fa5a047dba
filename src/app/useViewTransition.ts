import { useLayoutEffect, useRef, useState } from 'react';
import type { Layout } from '../layout/layoutScene';
import type { DiagramNode } from '../render/toFlow';

const FADE_MS = 450;
const NONE: { appeared: ReadonlySet<string>; ghosts: DiagramNode[] } = { appeared: new Set(), ghosts: [] };

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
  const prev = useRef<{ layout: Layout; nodes: DiagramNode[] } | null>(null);
  const [state, setState] = useState<{
    appeared: ReadonlySet<string>;
    ghosts: DiagramNode[];
    for: Layout | null;
  }>({
    appeared: new Set(),
    ghosts: [],
    for: null,
  });
  // Only a new layout starts a transition; the node objects change with every hover.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the layout alone, on purpose.
  useLayoutEffect(() => {
    const before = prev.current;
    prev.current = { layout, nodes };
    if (!animate || !before || before.layout === layout) return;
    const now = new Set(layout.boxes.map((b) => b.id));
    for (const b of layout.bands) now.add(`band:${b.id}`);
    const was = new Set(before.layout.boxes.map((b) => b.id));
    for (const b of before.layout.bands) was.add(`band:${b.id}`);
    const appeared = new Set([...now].filter((id) => !was.has(id)));
    const ghosts: DiagramNode[] = [];
    for (const n of before.nodes) {
      if (now.has(n.id) || n.type === 'edges') continue;
      const box = before.layout.byId.get(n.id);
      const band = n.type === 'band' ? before.layout.bands.find((b) => `band:${b.id}` === n.id) : undefined;
      const at = box ?? band;
      if (!at) continue;
      ghosts.push({
        ...n,
        id: `ghost:${n.id}`,
        position: { x: at.x, y: at.y },
        parentId: undefined,
        className: 'sl-vanishing',
        focusable: false,
        selectable: false,
        ariaLabel: undefined,
        domAttributes: { 'aria-hidden': true },
      } as DiagramNode);
    }
    setState({ appeared, ghosts, for: layout });
    const t = setTimeout(() => setState((s) => (s.for === layout ? { ...s, ghosts: [] } : s)), FADE_MS);
    return () => clearTimeout(t);
  }, [layout]);
  // The same empty result every time: a new Set per render would re-decorate every node.
  return state.for === layout ? state : NONE;
}
