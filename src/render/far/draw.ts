import type { LayoutEdge } from '../../layout/layoutScene';
import type { ChipItem } from '../flow/toFlow';
import { drawLabels, type LabelInk } from './labels';
import { type Look, NO_LOOK } from './look';

/**
 * Draws the far layer on its canvas: every box a fill in its look's colours, and from FAR_ZOOM on (`labelled`)
 * its border, its labels (labels.ts) and the edges. Plain canvas calls, no DOM: FarCanvas.tsx reads the looks
 * from the page's CSS and calls this.
 */

/**
 * The edges as the edges node draws them (diagram.css's .sl-edge: dashed, 3 on and 3 off), dimmed while a
 * stack is lit. Seen from below NEAR_ZOOM a dash is at most a pixel and a half long: each edge is drawn as a
 * solid line at half the dashes' opacity, the same ink along its length (dashing every curve cost far more
 * than everything else on the canvas).
 */
export function drawEdges(
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

/**
 * Each box in its look: its ring (at least `minRing` wide, so that it stays visible from far), then, when
 * `bordered`, its border inside the box as CSS draws it (border-box) under its face, else its face alone.
 * Returns how many boxes were drawn (an invisible one is not).
 */
export function drawBoxes(
  ctx: CanvasRenderingContext2D,
  items: readonly ChipItem[],
  lookAt: (i: number) => Look,
  bordered: boolean,
  minRing: number,
): number {
  let drawn = 0;
  items.forEach((item, i) => {
    const look = lookAt(i);
    if (look.alpha <= 0) return;
    drawn++;
    const { x: bx, y: by, w, h } = item.box;
    ctx.globalAlpha = look.alpha;
    if (look.ring && look.ringWidth > 0) {
      const rw = Math.max(look.ringWidth, minRing);
      ctx.fillStyle = look.ring;
      ctx.fillRect(bx - rw, by - rw, w + 2 * rw, h + 2 * rw);
    }
    if (bordered && look.border) {
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
  ctx.globalAlpha = 1;
  return drawn;
}

/** What the far layer is drawn from: its boxes and their looks, and the page's colours and font. */
export interface FarScene {
  items: readonly ChipItem[];
  edges: readonly LayoutEdge[] | undefined;
  lookAt: (i: number) => Look;
  /** The layer's origin in flow units, and device pixels per flow unit. */
  x: number;
  y: number;
  scale: number;
  labelled: boolean;
  /** Whether a stack is lit (the other boxes and the edges are dimmed). */
  dimmed: boolean;
  /** The page's edge and muted text colours and the diagram's font family. */
  edge: string;
  muted: string;
  family: string;
}

/** Clears `ctx` and draws the far layer on it; says how many boxes it drew, and how many of them with text. */
export function drawFar(ctx: CanvasRenderingContext2D, scene: FarScene): { boxes: number; labelled: number } {
  const { items, edges, lookAt, x, y, scale, labelled } = scene;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -x * scale, -y * scale);
  if (labelled && edges?.length) drawEdges(ctx, edges, scene.edge, scene.dimmed);
  const boxes = drawBoxes(ctx, items, lookAt, labelled, 1.5 / scale);
  if (!labelled) return { boxes, labelled: 0 };
  // One ink per text colour: the labels are drawn in runs by font and colour (labels.ts).
  const inks = new Map<string, LabelInk>();
  const withText = drawLabels(ctx, items, (i) => {
    const look = lookAt(i) ?? NO_LOOK;
    if (look.alpha <= 0) return null;
    let ink = inks.get(look.color);
    if (!ink) {
      ink = { text: look.color, muted: scene.muted, family: scene.family };
      inks.set(look.color, ink);
    }
    return { ink, alpha: look.alpha };
  });
  return { boxes, labelled: withText };
}
