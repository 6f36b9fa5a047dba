import type { NodeTypes } from '@xyflow/react';
import { BandNode } from './nodes/BandNode';
import { ChipsNode } from './nodes/ChipsNode';
import { ClusterNode } from './nodes/ClusterNode';
import { EdgesNode } from './nodes/EdgesNode';
import { FarNode } from './nodes/FarCanvas';
import { GroupNode } from './nodes/GroupNode';
import { HostNode } from './nodes/HostNode';
import { K8sNodeNode } from './nodes/K8sNodeNode';
import { ProjectNode } from './nodes/ProjectNode';
import { VmNode } from './nodes/VmNode';

/** Declared once at module scope, as React Flow asks. */
export const nodeTypes: NodeTypes = {
  band: BandNode,
  edges: EdgesNode,
  host: HostNode,
  chips: ChipsNode,
  far: FarNode,
  cluster: ClusterNode,
  k8sNode: K8sNodeNode,
  project: ProjectNode,
  vm: VmNode,
  group: GroupNode,
};
