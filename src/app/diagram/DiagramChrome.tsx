import {
  MiniMap,
  type Node,
  Panel,
  useStore as useFlowStore,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import { createPortal } from 'react-dom';
import { type ColourToken, tokenVar } from '../../kinds/tokens';
import { Icon } from '../../render/flow/Icon';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';
import {
  type GlideTarget,
  KEY_GLIDE_MS,
  partlyOutOfView,
  startViewport,
  ZOOM_STEP,
  zoomedBy,
} from './viewport';

// What is drawn over the diagram: the minimap and an embed's zoom buttons.

/** The minimap's boxes in the diagram's own colours (design tokens, as CSS variables: they follow the theme). */
const MINIMAP_TOKENS: Record<string, ColourToken> = {
  host: 'host-border',
  cluster: 'op-border',
  k8sNode: 'op-border',
  chips: 'tone-control-plane',
  project: 'project-border',
  vm: 'vm-border',
  // The far layer is one node over the whole diagram: a neutral outline of it.
  far: 'line',
};
const minimapColor = (n: Node) => {
  if (n.type === 'band' || n.type === 'edges') return 'transparent';
  return tokenVar(MINIMAP_TOKENS[n.type ?? ''] ?? 'muted');
};

/** The minimap, shown only when part of the diagram is out of view (at fit, it would cover it). */
export function OverviewMap({ width, height }: { width: number; height: number }) {
  const partial = useFlowStore((s) => {
    const [x, y, zoom] = s.transform;
    return partlyOutOfView({ x, y, zoom }, width, height, { w: s.width, h: s.height });
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

const ZOOM_BUTTON =
  'grid size-7 place-items-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * An embed's zoom control: zoom out, zoom in, and back to the whole diagram. In the embed's bar when it has
 * one (a slot outside React Flow, filled through a portal), else over the diagram's top right corner.
 */
export function ZoomButtons({
  slot,
  userMoved,
  glide,
  width,
  height,
  maxFit,
}: {
  slot: HTMLElement | null;
  userMoved: { current: boolean };
  glide: GlideTarget;
  /** The diagram's size, to fit it. */
  width: number;
  height: number;
  maxFit: number;
}) {
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  const duration = usePrefersReducedMotion() ? 0 : KEY_GLIDE_MS;
  const go = (next: ReturnType<typeof startViewport>) => {
    glide.start(next, duration);
    void setViewport(next, { duration });
  };
  const fit = () => {
    // Back to the placement a resize keeps up to date.
    userMoved.current = false;
    const s = flow.getState();
    go(startViewport(width, height, s.width, s.height, false, maxFit));
  };
  const zoom = (factor: number) => {
    // A zoom the reader chose is kept when the page resizes (as a pan or a wheel zoom is).
    userMoved.current = true;
    // From where a running zoom is going: two quick presses zoom twice (React Flow's zoomIn would start
    // the second from the frame the first had reached).
    const { transform, width: w, height: h } = flow.getState();
    const [x, y, z] = transform;
    go(zoomedBy(glide.aim({ x, y, zoom: z }), factor, { w, h }));
  };
  // Out of the Tab order, as the app's zoom controls: the diagram is one Tab stop and zooms with + / − / 0
  // (RovingFocus); the buttons are for the pointer.
  const buttons = (
    <fieldset className="sl-zoom flex items-center gap-1" data-testid="zoom">
      <legend className="sr-only">Zoom</legend>
      {(
        [
          ['Zoom out', 'minus', () => zoom(1 / ZOOM_STEP)],
          ['Zoom in', 'plus', () => zoom(ZOOM_STEP)],
          ['Fit the whole diagram', 'fit', fit],
        ] as const
      ).map(([label, icon, onClick]) => (
        <button
          key={icon}
          type="button"
          className={ZOOM_BUTTON}
          tabIndex={-1}
          aria-label={label}
          title={label}
          onClick={onClick}
        >
          <Icon name={icon} size={14} />
        </button>
      ))}
    </fieldset>
  );
  return slot ? createPortal(buttons, slot) : <Panel position="top-right">{buttons}</Panel>;
}
