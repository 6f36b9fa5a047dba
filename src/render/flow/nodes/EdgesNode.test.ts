import type { NodeProps } from '@xyflow/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { layoutScene } from '../../../layout/layoutScene';
import { generateModel } from '../../../model/generate';
import { deriveScene } from '../../../topology/deriveScene';
import { type EdgesNode as EdgesNodeType, layoutToFlow } from '../toFlow';
import { EdgesNode } from './EdgesNode';

const layout = layoutScene(deriveScene(generateModel(1000, 5), 'both'));
const edgesNode = (far: boolean) =>
  layoutToFlow(layout, { far }).nodes.find((n) => n.type === 'edges') as EdgesNodeType;
const paths = (data: EdgesNodeType['data']) =>
  // The node component reads only its data.
  renderToStaticMarkup(createElement(EdgesNode, { data } as unknown as NodeProps<EdgesNodeType>)).match(
    /<path /g,
  )?.length ?? 0;

describe('the edges node', () => {
  it('draws every edge up close, and from far only the lit and broken ones', () => {
    const edges = layout.edges;
    expect(edges.length).toBeGreaterThan(100);
    expect(paths(edgesNode(false).data)).toBe(edges.length);
    const far = edgesNode(true).data;
    expect(paths(far)).toBe(0);
    const [a, b, c] = edges;
    if (!a || !b || !c) throw new Error('too few edges');
    const lit = new Set([a.from]);
    const down = new Set([b.from, c.from]);
    const marked = edges.filter((e) => lit.has(e.from) || down.has(e.from)).length;
    expect(paths({ ...far, lit, down })).toBe(marked);
    // Up close, the others are drawn too (dimmed).
    expect(paths({ ...edgesNode(false).data, lit, down })).toBe(edges.length);
  });
});
