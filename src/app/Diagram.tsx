import {
  Controls,
  MiniMap,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useStore as useFlowStore,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { layoutScene } from '../layout/layoutScene';
import type { Model } from '../model/schema';
import { nodeTypes } from '../render/nodeTypes';
import { type DiagramNode, layoutToFlow } from '../render/toFlow';
import { deriveScene } from '../topology/deriveScene';
import type { View } from '../topology/views';
import { useApp } from './store';

const ARIA_LABELS = {
  'node.a11yDescription.default':
    'A read-only diagram. Tab moves between elements; the zoom controls and the minimap move the view.',
  'node.a11yDescription.keyboardDisabled':
    'A read-only diagram. Tab moves between elements; the zoom controls and the minimap move the view.',
  'controls.ariaLabel': 'Zoom controls',
  'minimap.ariaLabel': 'Overview of the whole diagram',
};

const MINIMAP_COLORS: Record<string, string> = {
  host: '#94a3b8',
  cluster: '#8b5cf6',
  k8sNode: '#a78bfa',
  chip: '#f43f5e',
  project: '#7dd3fc',
  vm: '#38bdf8',
  resource: '#cbd5e1',
};
const minimapColor = (n: Node) =>
  n.type === 'band' || n.type === 'edges' ? 'transparent' : (MINIMAP_COLORS[n.type ?? ''] ?? '#999');

/** Calls fitView and reports ready once React Flow holds and has measured exactly these nodes. */
function ReadyWatcher({ nodes, onReady }: { nodes: DiagramNode[]; onReady: (nodes: DiagramNode[]) => void }) {
  const initialized = useNodesInitialized();
  const current = useFlowStore((s) => s.nodes === nodes);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!initialized || !current) return;
    let second = 0;
    void fitView({ padding: 0.02, duration: 0 });
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => onReady(nodes));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [initialized, current, nodes, fitView, onReady]);
  return null;
}

/** The minimap, shown only when part of the diagram is out of view (at fit, it would cover it). */
function OverviewMap({ width, height }: { width: number; height: number }) {
  const partial = useFlowStore((s) => {
    const [tx, ty, zoom] = s.transform;
    const slack = 4;
    return (
      tx < -slack ||
      ty < -slack ||
      tx + width * zoom > s.width + slack ||
      ty + height * zoom > s.height + slack
    );
  });
  if (!partial) return null;
  return (
    <MiniMap
      position="bottom-right"
      pannable
      zoomable
      nodeColor={minimapColor}
      nodeStrokeWidth={0}
      style={{ width: 160, height: 90 }}
    />
  );
}

function Flow({ model, view, colorMode }: { model: Model; view: View; colorMode: 'light' | 'dark' }) {
  const layout = useMemo(() => layoutScene(deriveScene(model, view)), [model, view]);
  const { nodes } = useMemo(() => layoutToFlow(layout), [layout]);
  const [readyNodes, setReadyNodes] = useState<DiagramNode[] | null>(null);
  return (
    <div
      className="sl-diagram h-full w-full"
      data-testid="diagram"
      data-ready={readyNodes === nodes ? 'true' : 'false'}
      data-view={view}
    >
      <ReactFlow
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        colorMode={colorMode}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable
        edgesFocusable={false}
        zIndexMode="manual"
        minZoom={0.05}
        maxZoom={3}
        fitView
        fitViewOptions={{ padding: 0.02 }}
        ariaLabelConfig={ARIA_LABELS}
        aria-label={`Diagram of the ${view} view`}
      >
        <ReadyWatcher nodes={nodes} onReady={setReadyNodes} />
        <Controls showInteractive={false} position="top-right" orientation="horizontal" />
        <OverviewMap width={layout.width} height={layout.height} />
      </ReactFlow>
    </div>
  );
}

export function Diagram({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const modelState = useApp((s) => s.modelState);
  const view = useApp((s) => s.view);
  if (modelState.status === 'loading')
    return (
      <div
        className="grid h-full place-items-center text-sm text-slate-500"
        data-testid="diagram"
        data-ready="false"
      >
        Loading the model…
      </div>
    );
  if (modelState.status === 'error')
    return (
      <div className="mx-auto max-w-2xl p-8 text-sm" data-testid="diagram" data-ready="false" role="alert">
        <h2 className="mb-2 text-base font-semibold text-rose-700 dark:text-rose-300">
          {modelState.message}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
          {modelState.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code className="text-[12px]">{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <ReactFlowProvider>
      <Flow model={modelState.model} view={view} colorMode={colorMode} />
    </ReactFlowProvider>
  );
}
