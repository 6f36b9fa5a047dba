import type { NodeTypes } from '@xyflow/react';
import { KIND_NODE_TYPES } from '../../kinds/bodies';
import { BandNode } from './nodes/BandNode';
import { ChipsNode } from './nodes/ChipsNode';
import { EdgesNode } from './nodes/EdgesNode';
import { FarNode } from './nodes/FarCanvas';
import { GroupNode } from './nodes/GroupNode';

/**
 * Declared once at module scope, as React Flow asks: the generic nodes, and each kind drawn as a node of its own
 * (its body in `kinds/<kind>/Node.tsx`, listed in `kinds/bodies.ts`).
 */
export const nodeTypes: NodeTypes = {
  band: BandNode,
  edges: EdgesNode,
  chips: ChipsNode,
  far: FarNode,
  group: GroupNode,
  ...KIND_NODE_TYPES,
};
