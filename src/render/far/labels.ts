import { hostSubtitle, resourceLabel } from '../../layout/layoutScene';
import { textWidth } from '../../layout/text';
import { assertNever } from '../../model/assertNever';
import { baseline, fitText, oneLine } from '../svg';
import type { ChipItem } from '../toFlow';

/**
 * The labels of the far layer's boxes, seen from FAR_ZOOM to NEAR_ZOOM (render/toFlow.ts): each box's text as
 * its element node or chip shows it (and as `sceneToSvg` draws it: the same places, sizes and weights, cut with
 * "…" by the same width table of Inter), drawn on the layer's canvas.
 */

/** The colours a label is drawn in: the box's text colour (from the page's CSS), and the muted one. */
export interface LabelInk {
  text: string;
  muted: string;
  /** The page's font family for the diagram (Inter first). */
  family: string;
}

/**
 * Collects the labels' runs of text by font, colour and opacity, to draw each group at once: a canvas
 * resolves every font it is given anew, and switching between a name's bold and a detail's regular weight box
 * after box cost more than drawing the text.
 */
interface Pen {
  ink: LabelInk;
  alpha: number;
  runs: Map<string, { font: string; fill: string; alpha: number; texts: string[]; at: number[] }>;
  /** How many runs of text were collected. */
  texts: number;
}

type Weight = 400 | 600 | 700;

function text(
  pen: Pen,
  value: string,
  x: number,
  y: number,
  size: number,
  maxW: number,
  options: { weight?: Weight; muted?: boolean; italic?: boolean } = {},
): number {
  const weight = options.weight ?? 400;
  const shown = fitText(oneLine(value), size, weight >= 600, maxW);
  if (shown === '') return 0;
  const font = `${options.italic ? 'italic ' : ''}${weight} ${size}px ${pen.ink.family}`;
  const fill = options.muted ? pen.ink.muted : pen.ink.text;
  const key = `${font}|${fill}|${pen.alpha}`;
  let run = pen.runs.get(key);
  if (!run) {
    run = { font, fill, alpha: pen.alpha, texts: [], at: [] };
    pen.runs.set(key, run);
  }
  run.texts.push(shown);
  run.at.push(x, y);
  pen.texts++;
  return textWidth(shown, size, weight >= 600);
}

/** A folded box's line: what it holds, in words. */
const foldedText = (summary: string, none: string) => `› ${summary || none} folded`;

function label(pen: Pen, item: ChipItem): void {
  const { el, box } = item;
  const { x, y, w, h } = box;
  switch (el.kind) {
    case 'host': {
      text(pen, el.name, x + 8, y + baseline(13, 12), 12, w - 16, { weight: 700 });
      const [roles = '', capacity = ''] = hostSubtitle(el);
      text(pen, roles, x + 8, y + baseline(27.5, 10), 10, w - 16);
      const third = item.folded !== undefined ? foldedText(item.folded, 'nothing') : capacity;
      if (third)
        text(pen, third, x + 8, y + baseline(40.5, 10), 10, w - 16, {
          muted: true,
          italic: item.folded !== undefined,
        });
      return;
    }
    case 'vm':
      text(pen, el.name, x + 8, y + baseline(12.5, 11), 11, w - 16, { weight: 700 });
      text(
        pen,
        `${el.flavor} · ${el.host}${el.placement === 'derived' ? '*' : ''}`,
        x + 8,
        y + baseline(26.5, 10),
        10,
        w - 16,
        { muted: true },
      );
      return;
    case 'project': {
      const owner = el.owner === 'operator' ? 'operator' : 'tenant';
      const ownerW = textWidth(owner, 10);
      text(pen, owner, x + w - 9.5 - ownerW, y + 18, 10, ownerW, { muted: true });
      const lead = text(pen, 'PROJECT', x + 9.5, y + 18, 9, w - 19, { muted: true });
      text(pen, el.name, x + 9.5 + lead + 6, y + 18, 12, w - 19 - lead - 6 - ownerW - 6, { weight: 700 });
      if (item.folded !== undefined)
        text(pen, foldedText(item.folded, 'empty'), x + 9.5, y + baseline(31.5, 10), 10, w - 19, {
          muted: true,
        });
      return;
    }
    case 'operator-cluster':
    case 'tenant-cluster': {
      const owner = el.kind === 'operator-cluster' ? "operator's Kubernetes" : "tenant's Kubernetes";
      const left = x + 26.5;
      const maxW = w - 35;
      const at = y + baseline(11.5, 10.5);
      const nameW = text(pen, el.name, left, at, 11, maxW, { weight: 700 });
      text(pen, owner, left + nameW + 6, at, 10.5, maxW - nameW - 6, { weight: 600, muted: true });
      if (item.folded !== undefined)
        text(pen, foldedText(item.folded, 'no nodes'), x + 9.5, y + baseline(29.5, 10), 10, w - 19, {
          muted: true,
        });
      return;
    }
    case 'k8s-node': {
      const cp = el.nodeRole === 'control-plane';
      const mid = el.clusterKind === 'operator' ? h / 2 : 10;
      text(pen, cp ? 'control plane' : 'worker', x + 21, y + baseline(mid, 10), 10, w - 27, { weight: 600 });
      if (cp && el.clusterKind === 'tenant')
        text(pen, 'kube-apiserver · etcd', x + 6, y + baseline(25, 9.5), 9.5, w - 12, { muted: true });
      return;
    }
    case 'service':
    case 'pod':
      text(pen, el.name, x + (el.kind === 'pod' ? 17 : 16), y + baseline(h / 2, 10), 10, w - 22);
      return;
    case 'network':
    case 'load-balancer':
    case 'volume':
      text(pen, resourceLabel(el), x + 18, y + baseline(h / 2, 10), 10, w - 25);
      return;
    default:
      assertNever(el, 'element kind');
  }
}

/**
 * Draws the labels of `items` on `ctx` (set to flow units). `inkOf(i)` gives the colours of item i (its box's
 * text colour, with its opacity already applied by the caller through globalAlpha), or null when the box is
 * not drawn. Returns how many boxes got text drawn.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  items: readonly ChipItem[],
  inkOf: (i: number) => { ink: LabelInk; alpha: number } | null,
): number {
  const pen: Pen = { ink: { text: '', muted: '', family: '' }, alpha: 1, runs: new Map(), texts: 0 };
  let labelled = 0;
  items.forEach((item, i) => {
    const look = inkOf(i);
    if (!look) return;
    pen.ink = look.ink;
    pen.alpha = look.alpha;
    const before = pen.texts;
    label(pen, item);
    if (pen.texts > before) labelled++;
  });
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const run of pen.runs.values()) {
    ctx.font = run.font;
    ctx.fillStyle = run.fill;
    ctx.globalAlpha = run.alpha;
    run.texts.forEach((t, k) => {
      ctx.fillText(t, run.at[2 * k] as number, run.at[2 * k + 1] as number);
    });
  }
  ctx.globalAlpha = 1;
  return labelled;
}
