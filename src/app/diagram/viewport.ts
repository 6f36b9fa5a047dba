import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { FAR_ZOOM, NEAR_ZOOM } from '../../render/flow/toFlow';

/**
 * Viewport placement, framework-free: where a diagram is placed on its canvas (fit, or a readable start on a
 * phone), when it is placed again, where a searched or focused element is brought into view, and how far it is
 * seen from (the zoom bands). The React layer (Diagram.tsx, RovingFocus.tsx) only applies what these return.
 */

const FIT = { padding: 0.02 } as const;
/** Below this fit zoom, text is unreadable: a narrow screen starts at a readable zoom, left-aligned. */
const MIN_READABLE_FIT = 0.45;
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 3;
/**
 * An embed's fit never enlarges the diagram past its natural size: a small model in a wide column is drawn at
 * zoom 1 (centred), not blown up.
 */
export const EMBED_MAX_FIT_ZOOM = 1;
/** A glide to a new placement (a resize, a new layout); the first placement never glides. */
export const PLACE_GLIDE_MS = 400;
/** A zoom or a pan asked for with a key or a zoom button. */
export const KEY_GLIDE_MS = 200;

export type CanvasSize = { w: number; h: number };
type Box = { x: number; y: number; w: number; h: number };

/** The first viewport for a diagram of w x h on a canvas of cw x ch (null: fit it all). */
function initialViewport(w: number, h: number, cw: number, ch: number): Viewport | null {
  const fit = Math.min(cw / w, ch / h);
  if (fit >= MIN_READABLE_FIT || cw === 0 || ch === 0) return null;
  const zoom = Math.min(1, Math.max(fit, (ch / h) * 0.98));
  return { x: 8, y: Math.max(0, (ch - h * zoom) / 2), zoom };
}

/**
 * Where a diagram of w x h is placed on a canvas of cw x ch: all of it, fitted; or, when `readable` and the fit
 * would be unreadably small (a phone), at a readable zoom from the left. Compare's half-width panes, big
 * diagrams (an overview first, the far layer) and embeds (a guest in a page: always the whole diagram) fit.
 */
export function startViewport(
  w: number,
  h: number,
  cw: number,
  ch: number,
  readable: boolean,
  maxZoom = MAX_ZOOM,
): Viewport {
  return (
    (readable ? initialViewport(w, h, cw, ch) : null) ??
    getViewportForBounds({ x: 0, y: 0, width: w, height: h }, cw, ch, MIN_ZOOM, maxZoom, FIT.padding)
  );
}

/**
 * The canvas height (CSS px) at which a diagram of w x h, fitted to a canvas `cw` wide, is shown whole with
 * the width deciding the zoom: an embed's auto height. The padding is React Flow's (a fraction of each side,
 * rounded down to whole pixels), so `startViewport` on a canvas this tall picks the width's zoom.
 */
export function fittedHeight(w: number, h: number, cw: number): number {
  if (w <= 0 || h <= 0 || cw <= 0) return 0;
  const padX = 2 * Math.floor((cw - cw / (1 + FIT.padding)) * 0.5);
  const zoom = Math.min(Math.max((cw - padX) / w, MIN_ZOOM), EMBED_MAX_FIT_ZOOM);
  // The vertical padding is the same fraction of the height: h * zoom is what is left of it (+1 for rounding).
  return Math.ceil(h * zoom * (1 + FIT.padding)) + 1;
}

/** Whether two viewports are the same on screen (within half a pixel). */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-6;
}

/**
 * The refit rule: after the first placement, a new canvas size places the diagram again while React Flow holds
 * this layout, measured, and the reader has not panned or zoomed. Nothing else refits: not a theme change, a
 * hover or a selection (only the canvas size and the layout are inputs of a placement).
 */
export function refitsOnResize(s: {
  placed: boolean;
  measured: boolean;
  userMoved: boolean;
  before: CanvasSize;
  after: CanvasSize;
}): boolean {
  const resized = s.before.w !== s.after.w || s.before.h !== s.after.h;
  return resized && s.placed && s.measured && !s.userMoved;
}

/** How far the diagram is seen from: below FAR_ZOOM (no text), below NEAR_ZOOM (a big one is one layer), closer. */
export type Distance = 'far' | 'mid' | 'near';
export const distanceOf = (zoom: number): Distance =>
  zoom < FAR_ZOOM ? 'far' : zoom < NEAR_ZOOM ? 'mid' : 'near';

/** Whether part of a diagram of w x h is out of view on a canvas (the minimap is shown then). */
export function partlyOutOfView(
  viewport: Viewport,
  w: number,
  h: number,
  canvas: CanvasSize,
  slack = 4,
): boolean {
  // Until React Flow has measured its pane, nothing is known to be out of view.
  if (canvas.w === 0 || canvas.h === 0) return false;
  const { x, y, zoom } = viewport;
  return x < -slack || y < -slack || x + w * zoom > canvas.w + slack || y + h * zoom > canvas.h + slack;
}

/**
 * The viewport that shows the elements a search, a details link or a tour asked for (their bounds): a group
 * keeps its surroundings in view, a single hit comes closer.
 */
export function zoomToViewport(
  bounds: { x: number; y: number; width: number; height: number },
  many: boolean,
  canvas: CanvasSize,
): Viewport {
  return getViewportForBounds(bounds, canvas.w, canvas.h, MIN_ZOOM, many ? 1 : 1.4, many ? 0.15 : 0.6);
}

/** One step of a key zoom or a zoom button (React Flow's zoomIn and zoomOut). */
export const ZOOM_STEP = 1.2;

/** A key zoom (+ or −): by `factor` about the canvas centre, within the zoom limits (as React Flow's zoomIn). */
export function zoomedBy(viewport: Viewport, factor: number, canvas: CanvasSize): Viewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, viewport.zoom * factor));
  const k = zoom / viewport.zoom;
  const cx = canvas.w / 2;
  const cy = canvas.h / 2;
  return { x: cx - (cx - viewport.x) * k, y: cy - (cy - viewport.y) * k, zoom };
}

/** The margin kept around an element brought into view. */
const VIEW_MARGIN = 16;

/**
 * Where the viewport goes to bring a focused element's box wholly into view (with a margin), from `viewport`;
 * null when it is in view already. `drawn`: whether its box is in the DOM (when not, far away in a big diagram
 * or on the far layer, the view comes close enough to draw boxes). A box bigger than the view cannot be wholly
 * in it: its top left corner in view is enough, and along an axis where it does not fit its start is shown.
 */
export function bringIntoView(
  box: Box,
  viewport: Viewport,
  canvas: CanvasSize,
  drawn: boolean,
): Viewport | null {
  const { x: tx, y: ty, zoom } = viewport;
  const { w: width, h: height } = canvas;
  const margin = VIEW_MARGIN;
  const left = box.x * zoom + tx;
  const top = box.y * zoom + ty;
  const inView =
    drawn &&
    left >= margin &&
    top >= margin &&
    left + box.w * zoom <= width - margin &&
    top + box.h * zoom <= height - margin;
  const tooBig = box.w * zoom > width - 2 * margin || box.h * zoom > height - 2 * margin;
  const cornerInView = drawn && left >= 0 && top >= 0 && left < width && top < height;
  if (inView || (tooBig && cornerInView)) return null;
  const z = drawn ? zoom : Math.max(zoom, FAR_ZOOM * 2);
  const cx = box.w * z > width - 2 * margin ? box.x + (width / 2 - margin) / z : box.x + box.w / 2;
  const cy = box.h * z > height - 2 * margin ? box.y + (height / 2 - margin) / z : box.y + box.h / 2;
  // React Flow's setCenter: the point (cx, cy) at the canvas centre.
  return { x: width / 2 - cx * z, y: height / 2 - cy * z, zoom: z };
}

/**
 * The viewport a running glide ends on: a move asked for during a glide aims at where the glide is going,
 * not at the frame it is passing (whose end would undo the move). `now` is injected (tests).
 */
export class GlideTarget {
  private target: Viewport | null = null;
  private ends = 0;
  constructor(private readonly now: () => number = () => performance.now()) {}
  /** A glide to `viewport` starts, lasting `duration` ms (0: a jump, nothing running). */
  start(viewport: Viewport, duration: number): void {
    this.target = duration > 0 ? viewport : null;
    this.ends = this.now() + duration;
  }
  /** The reader moved the view (drag, wheel): no glide of ours is running any more. */
  cancel(): void {
    this.target = null;
  }
  /** Where the view is going: the running glide's end, else `current`. */
  aim(current: Viewport): Viewport {
    return this.target && this.now() < this.ends ? this.target : current;
  }
}
