import { useMemo, useRef } from 'react';
import { hostGroupId } from '../../layout/layoutScene';
import { failureWords, structureOf } from '../../layout/structure';
import type { ChipsNode, DiagramNode, EdgesNode, FarNode, GroupNode } from '../../render/flow/toFlow';
import { ownedBy, stackOf } from '../../topology/explain';
import type { Scene } from '../../topology/scene';
import { useFailures } from '../derived';
import { useApp } from '../store';
import { spokenOf } from '../tour/frame';

const NO_IDS: ReadonlySet<string> = new Set();

/** The classes an element node gets from the highlight, the persona lens and the what-if failures. */
function nodeClasses(
  id: string,
  state: {
    stack: ReadonlySet<string> | null;
    owned: ReadonlySet<string> | null;
    failed: ReadonlySet<string>;
    down: ReadonlySet<string> | null;
    impaired?: ReadonlySet<string> | null;
    unmanageable: ReadonlySet<string> | null;
    selected: string | null;
    appeared?: ReadonlySet<string>;
    /** During a tour step: what it speaks of (the rest is dimmed), and what it highlights. */
    tour?: { spoken: ReadonlySet<string> | null; highlight: ReadonlySet<string> };
  },
): string {
  const c: string[] = [];
  if (state.appeared?.has(id)) c.push('sl-new');
  if (state.stack) c.push(state.stack.has(id) ? 'sl-lit' : 'sl-dim');
  else if (state.tour?.spoken && !state.tour.spoken.has(id)) c.push('sl-dim');
  if (state.tour?.highlight.has(id)) c.push('sl-tour-hl');
  if (state.owned) c.push(state.owned.has(id) ? 'sl-owned' : 'sl-not-owned');
  if (state.failed.has(id)) c.push('sl-failed');
  else if (state.down?.has(id)) c.push('sl-down');
  else if (state.impaired?.has(id)) c.push('sl-impaired');
  else if (state.unmanageable?.has(id)) c.push('sl-unmanaged');
  if (state.selected === id) c.push('sl-selected');
  return c.join(' ');
}

type Cached = { base: DiagramNode; cls: string; node: DiagramNode };

/** One node decorated: its classes (a key that says when they change) and the node (the cached one if equal). */
function decorate(
  n: DiagramNode,
  prev: Cached | undefined,
  classesOf: (id: string) => string,
  groupFailures: ReadonlyMap<string, string> | null,
): Cached {
  const same = (cls: string) => prev !== undefined && prev.base === n && prev.cls === cls;
  if (n.type === 'chips' || n.type === 'far') {
    // Each chip (or box of the far layer) has its own classes; the node is replaced (and its changed chips re-rendered) when any changes.
    const chips = (n as ChipsNode | FarNode).data;
    const each = chips.chips.map((c) => classesOf(c.el.id));
    const cls = each.join('|');
    const node =
      prev && same(cls)
        ? prev.node
        : each.some(Boolean)
          ? ({ ...n, data: { ...chips, cls: each } } as ChipsNode | FarNode)
          : n;
    return { base: n, cls, node };
  }
  if (n.type === 'group') {
    const failures = groupFailures?.get(n.id);
    const cls = failures ? `sl-group--hit ${failures}` : '';
    const node =
      prev && same(cls)
        ? prev.node
        : failures
          ? ({
              ...n,
              className: `${n.className ?? ''} sl-group--hit`.trim(),
              data: { ...n.data, failures },
            } as GroupNode)
          : n;
    return { base: n, cls, node };
  }
  const cls = classesOf(n.id);
  const node =
    prev && same(cls) ? prev.node : cls ? { ...n, className: `${n.className ?? ''} ${cls}`.trim() } : n;
  return { base: n, cls, node };
}

/** What the diagram highlights at the moment: the focused stack, a persona's elements, a what-if, a tour. */
function useHighlights(scene: Scene) {
  const hovered = useApp((s) => s.hovered);
  const selected = useApp((s) => s.selected);
  const persona = useApp((s) => s.persona);
  const failedList = useApp((s) => s.failed);
  const blast = useFailures(scene);
  const focus = hovered ?? selected;
  const stack = useMemo(
    () => (focus && scene.byId.has(focus) ? stackOf(scene, focus) : null),
    [scene, focus],
  );
  const owned = useMemo(() => (persona ? ownedBy(scene, persona) : null), [scene, persona]);
  // What a what-if does inside each region, zone, cell, rack or group of hosts (folded or open).
  const groupFailures = useMemo(
    () =>
      blast
        ? failureWords(
            scene,
            (h) => [...structureOf(h).map((g) => g.id), hostGroupId(h)],
            blast.down,
            blast.unmanageable,
          )
        : null,
    [scene, blast],
  );
  const named = useApp((s) => s.tourNamed);
  const highlighted = useApp((s) => s.tourHighlight);
  const tour = useMemo(
    () =>
      named.length > 0
        ? { spoken: spokenOf(scene, named, blast?.down ?? null), highlight: new Set(highlighted) }
        : undefined,
    [scene, named, highlighted, blast],
  );
  return { selected, failedList, blast, stack, owned, groupFailures, tour };
}

/**
 * The layout's nodes with the classes of the moment. A node object is replaced only when its classes
 * change, so hovering re-renders the nodes whose look changes, not the whole diagram.
 */
export function useDecoratedNodes(
  scene: Scene,
  base: DiagramNode[],
  appeared: ReadonlySet<string> = NO_IDS,
  marks?: ReadonlyMap<string, string>,
): DiagramNode[] {
  const { selected, failedList, blast, stack, owned, groupFailures, tour } = useHighlights(scene);
  const cache = useRef(new Map<string, Cached>());
  return useMemo(() => {
    const state = {
      stack,
      owned,
      failed: new Set(failedList),
      down: blast?.down ?? null,
      impaired: blast?.impaired ?? null,
      unmanageable: blast?.unmanageable ?? null,
      selected,
      appeared,
      tour,
    };
    const classesOf = (id: string) => {
      const mark = marks?.get(id);
      return mark ? `${nodeClasses(id, state)} ${mark}`.trim() : nodeClasses(id, state);
    };
    const next = new Map<string, Cached>();
    const out = base.map((n) => {
      if (n.type === 'band') return appeared.has(n.id) ? { ...n, className: 'sl-new' } : n;
      if (n.type === 'edges') {
        const data = (n as EdgesNode).data;
        return stack || blast
          ? ({ ...n, data: { ...data, lit: stack, down: blast?.down ?? null } } as EdgesNode)
          : n;
      }
      const done = decorate(n, cache.current.get(n.id), classesOf, groupFailures);
      next.set(n.id, done);
      return done.node;
    });
    cache.current = next;
    return out;
  }, [base, stack, owned, failedList, blast, selected, appeared, marks, groupFailures, tour]);
}
