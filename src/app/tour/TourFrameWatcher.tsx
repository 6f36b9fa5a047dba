import { useStore as useFlowStore, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { shallow } from 'zustand/shallow';
import type { Layout } from '../../layout/layoutScene';
import { useApp, useAppStore } from '../store';
import { usePrefersReducedMotion } from '../ui/usePrefersReducedMotion';
import { frameTarget } from './frame';
import { frameViewport } from './framing';
import { overlayBoxOf, overlaysIn } from './overlays';

/** How long the glide to a step's frame takes (none with reduced motion). */
const FRAME_GLIDE_MS = 350;

/**
 * While a tour runs, fits what its step speaks of into the part of the canvas its overlays leave free (a
 * child of React Flow). Follows the step, the layout, the canvas size and the overlays. The diagram's
 * container gets `data-tour-framed="true"` once the view has arrived (tests wait for it).
 */
export function TourFrameWatcher({ layout }: { layout: Layout }) {
  const frame = useApp((s) => s.tourFrame);
  const store = useAppStore();
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  const canvas = useFlowStore((s) => ({ width: s.width, height: s.height }), shallow);
  const reduced = usePrefersReducedMotion();
  useEffect(() => {
    if (!frame || canvas.width === 0 || canvas.height === 0) return;
    const container = flow.getState().domNode?.closest('.sl-diagram');
    container?.setAttribute('data-tour-framed', 'false');
    const target = frameTarget(layout, frame.ids);
    const { viewport } = frameViewport(target, canvas, frame.overlays, {
      padding: 20,
      minZoom: 0.02,
      maxZoom: frame.ids.length === 1 ? 1.4 : 1.2,
    });
    let live = true;
    void setViewport(viewport, { duration: reduced ? 0 : FRAME_GLIDE_MS }).then(() => {
      if (!live) return;
      // Framed only if the card still covers what this frame avoided: a new step's card may have changed size
      // after the frame was computed and not been measured yet; then it is measured now and framed again.
      const box = overlayBoxOf(container instanceof HTMLElement ? container : null);
      if (box) store.getState().setTourOverlays(overlaysIn(box));
      if (store.getState().tourFrame === frame) container?.setAttribute('data-tour-framed', 'true');
    });
    return () => {
      live = false;
    };
  }, [frame, layout, canvas, reduced, setViewport, flow, store]);
  return null;
}
