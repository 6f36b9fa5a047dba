import { type NodeProps, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LayoutEdge } from '../../layout/layoutScene';
import { thousands } from '../../model/limits';
import { boxClass } from '../boxClass';
import { type ChipItem, ELEMENT_CLASS, FAR_ZOOM, type FarNode as FarNodeType, NEAR_ZOOM } from '../toFlow';
import { drawLabels, type LabelInk } from './farLabels';

/**
 * The far layer of a big diagram (seen from below NEAR_ZOOM) on one canvas: every box a filled rectangle of
 * its kind's colour, as the page's CSS gives it (read from a hidden probe element with the box's classes, so
 * themes, the lens, what-if and compare marks look as they do up close); from FAR_ZOOM on, with its border and
 * its labels (farLabels.ts). Thousands of boxes as elements cost hundreds of milliseconds of script, style,
 * layout and paint at every change (a view switch, a hover); on a canvas a change is one redraw.
 *
 * The canvas sits in the viewport like any node (panning moves it, zoom scales it) and is drawn at the
 * resolution of the zoom, in steps of √2, so a zoom redraws it only when a step is crossed.
 */

/** The largest canvas drawn, in pixels (side, and area), whatever the zoom (Chromium allows 32,767 a side). */
const MAX_SIDE = 16_384;
const MAX_AREA = 16_000_000;

/** Which box is under a point of a far canvas, for clicks and hover: set by each canvas as it draws. */
const hitBoxes = new WeakMap<Element, { items: readonly ChipItem[]; x: number; y: number; width: number }>();

/**
 * The element under a point of a far canvas (the innermost box there), or null when the point is on no box
 * or `target` is not a far canvas.
 */
export function farElementAt(target: EventTarget | null, clientX: number, clientY: number): string | null {
  if (!(target instanceof Element)) return null;
  const hit = hitBoxes.get(target);
  if (!hit) return null;
  const r = target.getBoundingClientRect();
  // The canvas's size on screen / its size in flow units: the zoom it is seen at.
  const zoom = r.width / hit.width;
  const px = hit.x + (clientX - r.left) / zoom;
  const py = hit.y + (clientY - r.top) / zoom;
  // Children come after their parents: the last box containing the point is the innermost.
  for (let i = hit.items.length - 1; i >= 0; i--) {
    const b = (hit.items[i] as ChipItem).box;
    if (px >= b.x && px <= b.x + b.w && py >= b.y && py <= b.y + b.h) return b.id;
  }
  return null;
}

/** Where a box of a far canvas in `root` is on screen, with that canvas; null when no far canvas draws it. */
export function farBoxOnScreen(
  root: Document | ShadowRoot,
  id: string,
): { canvas: Element; left: number; top: number; width: number; height: number } | null {
  for (const canvas of root.querySelectorAll('canvas.sl-far-canvas')) {
    const hit = hitBoxes.get(canvas);
    const box = hit?.items.find((item) => item.box.id === id)?.box;
    if (!hit || !box) continue;
    const r = canvas.getBoundingClientRect();
    const zoom = r.width / hit.width;
    return {
      canvas,
      left: r.left + (box.x - hit.x) * zoom,
      top: r.top + (box.y - hit.y) * zoom,
      width: box.w * zoom,
      height: box.h * zoom,
    };
  }
  return null;
}

type Look = {
  fill: string;
  alpha: number;
  ring: string | null;
  ringWidth: number;
  /** The box's border (its top side's: a host's thicker bottom is not drawn) and text colour. */
  border: string | null;
  borderWidth: number;
  color: string;
};
const NO_LOOK: Look = {
  fill: 'transparent',
  alpha: 0,
  ring: null,
  ringWidth: 0,
  border: null,
  borderWidth: 0,
  color: 'transparent',
};
const CLEAR = /^(transparent|rgba\(0, 0, 0, 0\))$/;
const SHADOW = /^(\S+\([^)]*\)|#[0-9a-f]+|[a-z]+)\s+-?[\d.]+px\s+-?[\d.]+px\s+[\d.]+px\s+([\d.]+)px/i;

/** The look of a box of this computed style: its background, opacity and ring (a box-shadow spread). */
function lookOf(cs: CSSStyleDeclaration): Look {
  const shadow = SHADOW.exec(cs.boxShadow);
  const alpha = Number.parseFloat(cs.opacity);
  if (!shadow && CLEAR.test(cs.backgroundColor)) return NO_LOOK;
  const borderWidth = Number.parseFloat(cs.borderTopWidth) || 0;
  return {
    fill: cs.backgroundColor,
    alpha: Number.isFinite(alpha) ? alpha : 1,
    ring: shadow ? (shadow[1] ?? null) : null,
    ringWidth: shadow ? Number.parseFloat(shadow[2] ?? '0') : 0,
    border: borderWidth > 0 && !CLEAR.test(cs.borderTopColor) ? cs.borderTopColor : null,
    borderWidth,
    color: cs.color,
  };
}

/**
 * The looks of boxes with each of these class lists, as the page's CSS gives them: a probe element per list,
 * all placed before the first is read, so that the browser works out their styles in one pass, not one per
 * list (less work in a fresh page's first draw of a big cloud). New elements also start no CSS
 * transition that a read could catch halfway.
 */
function looksOf(container: HTMLElement, lists: Iterable<string>): Map<string, Look> {
  const probes = new Map<string, HTMLElement>();
  for (const classes of lists) {
    const probe = document.createElement('div');
    probe.className = classes;
    probes.set(classes, probe);
  }
  container.replaceChildren(...probes.values());
  const looks = new Map<string, Look>();
  for (const [classes, probe] of probes) looks.set(classes, lookOf(getComputedStyle(probe)));
  container.replaceChildren();
  return looks;
}

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

/**
 * The edges as the edges node draws them (diagram.css's .sl-edge: dashed, 3 on and 3 off), dimmed while a
 * stack is lit. Seen from below NEAR_ZOOM a dash is at most a pixel and a half long: each edge is drawn as a
 * solid line at half the dashes' opacity, the same ink along its length (dashing every curve cost far more
 * than everything else on the canvas).
 */
function drawEdges(
  ctx: CanvasRenderingContext2D,
  edges: readonly LayoutEdge[],
  colour: string,
  dimmed: boolean,
): void {
  ctx.beginPath();
  for (const e of edges) {
    const [a, b] = e.points;
    const mid = (a.y + b.y) / 2;
    ctx.moveTo(a.x, a.y);
    ctx.bezierCurveTo(a.x, mid, b.x, mid, b.x, b.y);
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1;
  ctx.globalAlpha = (dimmed ? 0.12 : 0.45) / 2;
  ctx.stroke();
  ctx.globalAlpha = 1;
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
    hitBoxes.set(c, { items, x, y, width });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.setTransform(scale, 0, 0, scale, -x * scale, -y * scale);
    const classes = items.map(
      (item, i) => `${ELEMENT_CLASS} sl-item sl-far ${boxClass(item.el)} ${cls?.[i] ?? ''}`,
    );
    const looks = looksOf(p, new Set(classes));
    if (labelled && edges?.length)
      drawEdges(
        ctx,
        edges,
        getComputedStyle(p).getPropertyValue('--sl-edge').trim() || 'gray',
        cls?.some((c) => c.includes('sl-dim')) === true,
      );
    // A ring stays visible from far: at least 1.5 pixels wide.
    const minRing = 1.5 / scale;
    items.forEach((item, i) => {
      const look = looks.get(classes[i] ?? '') ?? NO_LOOK;
      if (look.alpha <= 0) return;
      const { x: bx, y: by, w, h } = item.box;
      ctx.globalAlpha = look.alpha;
      if (look.ring && look.ringWidth > 0) {
        const rw = Math.max(look.ringWidth, minRing);
        ctx.fillStyle = look.ring;
        ctx.fillRect(bx - rw, by - rw, w + 2 * rw, h + 2 * rw);
      }
      if (labelled && look.border) {
        // The border inside the box, as CSS draws it (border-box), then the face.
        const bw = look.borderWidth;
        ctx.fillStyle = look.border;
        ctx.fillRect(bx, by, w, h);
        ctx.fillStyle = look.fill;
        ctx.fillRect(bx + bw, by + bw, w - 2 * bw, h - 2 * bw);
      } else {
        ctx.fillStyle = look.fill;
        ctx.fillRect(bx, by, w, h);
      }
    });
    drewEarly.current = labelled && document.fonts?.status === 'loading';
    if (labelled) {
      const family = getComputedStyle(p).fontFamily;
      const muted = getComputedStyle(p).getPropertyValue('--sl-muted').trim() || 'gray';
      const inks = new Map<string, LabelInk>();
      drawLabels(ctx, items, (i) => {
        const look = looks.get(classes[i] ?? '') ?? NO_LOOK;
        if (look.alpha <= 0) return null;
        let ink = inks.get(look.color);
        if (!ink) {
          ink = { text: look.color, muted, family };
          inks.set(look.color, ink);
        }
        return { ink, alpha: look.alpha };
      });
    }
    ctx.globalAlpha = 1;
  }, [items, edges, cls, x, y, width, scale, pw, ph, epoch, labelled, fonts]);

  return (
    <>
      <canvas
        ref={canvas}
        className="sl-far-canvas"
        width={pw}
        height={ph}
        data-boxes={items.length}
        data-labels={labelled ? 'true' : undefined}
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
