import { type NodeProps, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LayoutEdge } from '../../../layout/layoutScene';
import { thousands } from '../../../model/limits';
import { drawFar } from '../../far/draw';
import { registerFarCanvas } from '../../far/hit';
import { looksOf, NO_LOOK } from '../../far/look';
import { boxClass } from '../boxClass';
import { type ChipItem, ELEMENT_CLASS, FAR_ZOOM, type FarNode as FarNodeType, NEAR_ZOOM } from '../toFlow';

export { farBoxOnScreen, farElementAt } from '../../far/hit';

/**
 * The far layer of a big diagram (seen from below NEAR_ZOOM) on one canvas: every box a filled rectangle of
 * its kind's colour, as the page's CSS gives it (read from a hidden probe element with the box's classes, so
 * themes, the lens, what-if and compare marks look as they do up close); from FAR_ZOOM on, with its border and
 * its labels (far/labels.ts); the drawing and hit-testing are plain modules in render/far/. Thousands of boxes as elements cost hundreds of milliseconds of script, style,
 * layout and paint at every change (a view switch, a hover); on a canvas a change is one redraw.
 *
 * The canvas sits in the viewport like any node (panning moves it, zoom scales it) and is drawn at the
 * resolution of the zoom, in steps of √2, so a zoom redraws it only when a step is crossed.
 */

/** The largest canvas drawn, in pixels (side, and area), whatever the zoom (Chromium allows 32,767 a side). */
const MAX_SIDE = 16_384;
const MAX_AREA = 16_000_000;

const PROBE_STYLE = {
  position: 'absolute',
  visibility: 'hidden',
  width: 0,
  height: 0,
  overflow: 'hidden',
  contain: 'strict',
  pointerEvents: 'none',
} as const;

/**
 * The resolution step for a zoom: 2^(k/2) device pixels per flow unit (at least the screen's, so labels are
 * drawn at the device's pixel ratio). Never more than the near zoom's: the layer is only seen from farther.
 */
const stepOf = (zoom: number) =>
  Math.ceil(Math.log2(Math.max(Math.min(zoom, NEAR_ZOOM), 1e-4) * (window.devicePixelRatio || 1)) * 2);
const zoomStep = (s: ReactFlowState) => stepOf(s.transform[2]);
/** From FAR_ZOOM on, the boxes' labels are drawn. */
const labelZoom = (s: ReactFlowState) => s.transform[2] >= FAR_ZOOM;

/**
 * Labels drawn while the page's fonts were still loading are drawn again once they are in (with Inter, not a
 * fallback); `drewEarly` says whether the last drawing was such.
 */
function useFontEpoch(drewEarly: { current: boolean }): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    if (document.fonts?.status !== 'loading') return;
    let live = true;
    void document.fonts.ready.then(() => {
      if (live && drewEarly.current) setEpoch((e) => e + 1);
    });
    return () => {
      live = false;
    };
  }, [drewEarly]);
  return epoch;
}

/** Redraws when the theme on <html> changes (the colours come from CSS variables). */
function useThemeEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const mo = new MutationObserver(() => setEpoch((e) => e + 1));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  return epoch;
}

function FarCanvasView({
  items,
  edges,
  cls,
  zoom,
  x,
  y,
  width,
  height,
}: {
  items: readonly ChipItem[];
  edges: readonly LayoutEdge[] | undefined;
  /** Each box's classes of the moment (lens, what-if, compare), by index; absent: none. */
  cls: readonly string[] | undefined;
  /** The zoom these boxes are about to be placed at (see FarNodeData.zoom). */
  zoom: number | undefined;
  /** The layer's origin and size in flow units. */
  x: number;
  y: number;
  width: number;
  height: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const current = useStore(zoomStep);
  const labelledNow = useStore(labelZoom);
  // New boxes are drawn at the zoom they are about to be placed at; then the zoom of the moment decides.
  const drawnItems = useRef<readonly ChipItem[] | null>(null);
  const placing = zoom !== undefined && drawnItems.current !== items;
  const step = placing ? stepOf(zoom) : current;
  const labelled = placing ? zoom >= FAR_ZOOM : labelledNow;
  const drewEarly = useRef(false);
  const fonts = useFontEpoch(drewEarly);
  useLayoutEffect(() => {
    drawnItems.current = items;
  });
  const epoch = useThemeEpoch();
  const scale = Math.min(
    2 ** (step / 2),
    MAX_SIDE / Math.max(width, height, 1),
    Math.sqrt(MAX_AREA / Math.max(width * height, 1)),
  );
  const pw = Math.max(1, Math.ceil(width * scale));
  const ph = Math.max(1, Math.ceil(height * scale));

  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch is the theme: the colours are read from CSS.
  useLayoutEffect(() => {
    const c = canvas.current;
    const p = probe.current;
    const ctx = c?.getContext('2d');
    if (!c || !p || !ctx) return;
    registerFarCanvas(c, { items, x, y, width });
    const classes = items.map(
      (item, i) => `${ELEMENT_CLASS} sl-item sl-far ${boxClass(item.el)} ${cls?.[i] ?? ''}`,
    );
    const looks = looksOf(p, new Set(classes));
    const page = getComputedStyle(p);
    const drawn = drawFar(ctx, {
      items,
      edges,
      lookAt: (i) => looks.get(classes[i] ?? '') ?? NO_LOOK,
      x,
      y,
      scale,
      labelled,
      dimmed: cls?.some((c) => c.includes('sl-dim')) === true,
      edge: page.getPropertyValue('--sl-edge').trim() || 'gray',
      muted: page.getPropertyValue('--sl-muted').trim() || 'gray',
      family: page.fontFamily,
    });
    drewEarly.current = labelled && document.fonts?.status === 'loading';
    // What the canvas says it holds (the bench and the tests count it) is what was drawn on it.
    c.setAttribute('data-boxes', String(drawn.boxes));
    if (labelled && drawn.labelled === drawn.boxes) c.setAttribute('data-labels', 'true');
    else c.removeAttribute('data-labels');
  }, [items, edges, cls, x, y, width, scale, pw, ph, epoch, labelled, fonts]);

  return (
    <>
      <canvas
        ref={canvas}
        className="sl-far-canvas"
        width={pw}
        height={ph}
        style={{ width, height }}
        role="img"
        aria-label={
          labelled
            ? `${thousands(items.length)} boxes with their names, drawn as one picture: zoom in to select their text or reach them by keyboard, or use the outline.`
            : `${thousands(items.length)} boxes, seen from far: zoom in to read and select them by keyboard, or use the outline.`
        }
      />
      {/* Holds a probe per class list while the canvas is drawn (looksOf); never seen. */}
      <div ref={probe} aria-hidden="true" style={PROBE_STYLE} />
    </>
  );
}

const FarCanvas = memo(FarCanvasView);

/** The far layer's node: its boxes on one canvas the size of the node. */
function FarNodeView({ data, width, height }: NodeProps<FarNodeType>) {
  return (
    <FarCanvas
      items={data.chips}
      edges={data.edges}
      cls={data.cls}
      zoom={data.zoom}
      x={data.x}
      y={data.y}
      width={width ?? 0}
      height={height ?? 0}
    />
  );
}

export const FarNode = memo(FarNodeView);
