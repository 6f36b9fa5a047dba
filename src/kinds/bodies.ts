import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { ElementNode } from '../render/flow/toFlow';
import type { SceneElement } from '../topology/scene';
import { ClusterNode } from './cluster/Node';
import { HostNode } from './host/Node';
import { KINDS } from './index';
import { K8sNodeNode } from './k8sNode/Node';
import { PodChip } from './pod/Chip';
import { ProjectNode } from './project/Node';
import { ResourceChip } from './resources/Chip';
import { ServiceChip } from './service/Chip';
import type { ElementOf, Kind } from './types';
import { VmNode } from './vm/Node';

/** The React body of a kind drawn as a node of its own: its React Flow node component. */
type NodeBody = ComponentType<NodeProps<ElementNode>>;
/** The React body of a kind drawn as a chip inside a node of chips (`render/flow/nodes/ChipsNode.tsx`). */
type ChipBody<K extends Kind> = ComponentType<{ el: ElementOf<K> }>;

/** How the app draws a kind, as its definition's `drawn` says: a node of its own, or a chip. */
type Body<K extends Kind> = { node: NodeBody } | { chip: ChipBody<K> };

/**
 * The React body of each kind (`kinds/<kind>/Node.tsx` or `Chip.tsx`). A mapped type over the kinds: a kind
 * without one does not compile. `render/flow/nodeTypes.ts` and the node of chips are built from it.
 */
const BODIES: { readonly [K in Kind]: Body<K> } = {
  host: { node: HostNode },
  'operator-cluster': { node: ClusterNode },
  'tenant-cluster': { node: ClusterNode },
  'k8s-node': { node: K8sNodeNode },
  project: { node: ProjectNode },
  vm: { node: VmNode },
  service: { chip: ServiceChip },
  pod: { chip: PodChip },
  network: { chip: ResourceChip },
  'load-balancer': { chip: ResourceChip },
  volume: { chip: ResourceChip },
};

const KIND_LIST = Object.keys(BODIES) as Kind[];

/** The node components of the kinds drawn as nodes of their own, by their node type (`drawn.nodeType`). */
export const KIND_NODE_TYPES: Readonly<Record<string, NodeBody>> = Object.fromEntries(
  KIND_LIST.flatMap((kind) => {
    const drawn = KINDS[kind].drawn;
    const body = BODIES[kind];
    return drawn.as === 'node' && 'node' in body ? [[drawn.nodeType, body.node]] : [];
  }),
);

/** The chip body of an element drawn as a chip (the kind of `el` picks its body, so the call is sound). */
export function chipBodyOf(el: SceneElement): ChipBody<Kind> | null {
  const body = BODIES[el.kind];
  return 'chip' in body ? (body.chip as ChipBody<Kind>) : null;
}
