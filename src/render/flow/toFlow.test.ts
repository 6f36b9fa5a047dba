import { describe, expect, it } from 'vitest';
import { CHIP_KINDS } from '../../kinds';
import { defaultCollapsed, type Layout, layoutScene } from '../../layout/layoutScene';
import { generateModel } from '../../model/generate';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../../topology/deriveScene';
import { VIEWS } from '../../topology/views';
import {
  type ChipsNode,
  type DiagramNode,
  ELEMENT_CLASS,
  FAR_LAYER_MIN_BOXES,
  type FarNode,
  layoutToFlow,
} from './toFlow';

/** Every element id a set of React Flow nodes draws: element nodes' own ids, the chips of ChipsNodes, the far layer's boxes. */
function drawnIds(nodes: readonly DiagramNode[]): string[] {
  return nodes.flatMap((n) =>
    n.type === 'chips' || n.type === 'far'
      ? (n as ChipsNode | FarNode).data.chips.map((c) => c.el.id)
      : n.type === 'band' || n.type === 'edges'
        ? []
        : [n.id],
  );
}

function check(layout: Layout) {
  const { nodes } = layoutToFlow(layout);
  const ids = nodes.map((n) => n.id);
  // Node ids are unique, and no node of chips can take an element's id.
  expect(new Set(ids).size).toBe(ids.length);
  // Every laid-out box is drawn exactly once: as a node or as one chip.
  const drawn = drawnIds(nodes);
  expect(drawn.toSorted()).toEqual(layout.boxes.map((b) => b.id).toSorted());
  for (const n of nodes) {
    if (n.type !== 'chips') {
      if (n.type !== 'band' && n.type !== 'edges') expect(n.className).toBe(ELEMENT_CLASS);
      continue;
    }
    const { chips, x, y } = (n as ChipsNode).data;
    expect(n.position).toEqual({ x, y });
    expect(n.focusable).toBe(false);
    for (const { el, box } of chips) {
      expect(CHIP_KINDS.has(el.kind)).toBe(true);
      // The node's box holds its chips, and the chips of a node share one parent (or one host, for services).
      expect(box.x).toBeGreaterThanOrEqual(x);
      expect(box.y).toBeGreaterThanOrEqual(y);
      expect(box.x + box.w).toBeLessThanOrEqual(x + (n.width ?? 0));
      expect(box.y + box.h).toBeLessThanOrEqual(y + (n.height ?? 0));
    }
    const holders = new Set(
      chips.map(({ el, box }) => box.parent ?? (el.kind === 'service' ? `@${el.host}` : box.id)),
    );
    expect(holders.size).toBe(1);
    // Drawn above what holds them.
    const parent = chips[0]?.box.parent;
    const holder = parent ? nodes.find((m) => m.id === parent) : undefined;
    if (holder) expect(n.zIndex ?? 0).toBeGreaterThan(holder.zIndex ?? 0);
  }
  return nodes;
}

describe('layoutToFlow', () => {
  it.each(VIEWS)('draws every box of the default model once, chips grouped (%s)', (view) => {
    const layout = layoutScene(deriveScene(defaultModel(), view));
    const nodes = check(layout);
    // Chips are most of the boxes; grouping them keeps React Flow's nodes few (bands and edges included).
    expect(nodes.filter((n) => n.type === 'chips').length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(layout.boxes.length / 2);
  });

  it('groups a host’s services in one node, whatever the view', () => {
    for (const view of VIEWS) {
      const { nodes } = layoutToFlow(layoutScene(deriveScene(defaultModel(), view)));
      const ctl1 = nodes.find((n) => n.id === 'chips:@ctl1') as ChipsNode | undefined;
      expect(ctl1?.data.chips.map((c) => c.el.id)).toContain('keystone-api@ctl1');
    }
  });

  it('draws every box of a big diagram seen from far once, in one far layer, parents before children', () => {
    const layout = layoutScene(deriveScene(generateModel(2000, 7), 'both'));
    expect(layout.boxes.length).toBeGreaterThanOrEqual(FAR_LAYER_MIN_BOXES);
    const { nodes } = layoutToFlow(layout, { far: true });
    expect(nodes.filter((n) => n.type === 'chips')).toEqual([]);
    const layers = nodes.filter((n) => n.type === 'far') as FarNode[];
    expect(layers.map((n) => n.id)).toEqual(['far']);
    expect(drawnIds(nodes).toSorted()).toEqual(layout.boxes.map((b) => b.id).toSorted());
    const order = new Map(layers[0]?.data.chips.map((c, i) => [c.el.id, i]));
    for (const box of layout.boxes)
      if (box.parent) expect(order.get(box.parent) ?? -1).toBeLessThan(order.get(box.id) ?? -1);
    // Drawing the same layout far or near keeps the data the diagram tells layouts apart by.
    expect(layoutToFlow(layout).nodes[0]?.data).toBe(nodes[0]?.data);
  });

  it.each([300, 2000])('holds on a generated model of %i elements, folded and unfolded', (n) => {
    const model = generateModel(n, 7);
    for (const view of VIEWS) {
      const scene = deriveScene(model, view);
      check(layoutScene(scene));
      check(layoutScene(scene, { collapsed: defaultCollapsed(scene) }));
    }
  });
});
