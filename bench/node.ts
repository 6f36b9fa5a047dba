import { defaultCollapsed, layoutScene } from '../src/layout/layoutScene';
import { generateModel } from '../src/model/generate';
import { deriveScene } from '../src/topology/deriveScene';
import { VIEWS, type View } from '../src/topology/views';
import { type Metric, median, round } from './report';

/** Timings of one model size in one view: medians in ms. */
export interface NodeSample {
  elements: number;
  view: View;
  /** Scene elements in this view. */
  sceneElements: number;
  derive: number;
  layout: number;
  /** defaultCollapsed + layoutScene with it (what the app and the CLI do for big models). */
  layoutFolded: number;
  total: number;
  totalFolded: number;
  msPer1k: number;
  runs: number;
}

export interface NodeOptions {
  sizes: readonly number[];
  warmup: number;
  runs: number;
  seed: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** derive + layout time per size and view, the median of `runs` after `warmup` runs. */
export function measureNode(opts: NodeOptions): NodeSample[] {
  const out: NodeSample[] = [];
  for (const elements of opts.sizes) {
    const model = generateModel(elements, opts.seed);
    for (const view of VIEWS) {
      const derive: number[] = [];
      const layout: number[] = [];
      const folded: number[] = [];
      let sceneElements = 0;
      for (let i = 0; i < opts.warmup + opts.runs; i++) {
        gc?.();
        const t0 = performance.now();
        const scene = deriveScene(model, view);
        const t1 = performance.now();
        layoutScene(scene);
        const t2 = performance.now();
        layoutScene(scene, { collapsed: defaultCollapsed(scene) });
        const t3 = performance.now();
        sceneElements = scene.elements.length;
        if (i < opts.warmup) continue;
        derive.push(t1 - t0);
        layout.push(t2 - t1);
        folded.push(t3 - t2);
      }
      const d = median(derive);
      const l = median(layout);
      const f = median(folded);
      const total = median(derive.map((x, i) => x + (layout[i] ?? 0)));
      out.push({
        elements,
        view,
        sceneElements,
        derive: round(d, 2),
        layout: round(l, 2),
        layoutFolded: round(f, 2),
        total: round(total, 2),
        totalFolded: round(median(derive.map((x, i) => x + (folded[i] ?? 0))), 2),
        msPer1k: round(total / (sceneElements / 1000), 2),
        runs: opts.runs,
      });
    }
  }
  return out;
}

/** The headline metrics: the `both` view (the most elements), per size. */
export function nodeMetrics(samples: readonly NodeSample[], sizes: readonly number[]): Metric[] {
  const largest = Math.max(...sizes);
  const metrics: Metric[] = [];
  for (const size of sizes) {
    const s = samples.find((x) => x.elements === size && x.view === 'both');
    const label = `Node derive + layout, ~${size.toLocaleString('en-US')} elements`;
    metrics.push({
      key: `node.deriveLayout.${size}`,
      label,
      value: s ? s.total : null,
      unit: 'ms',
      ...(size === 10_000 ? { target: { op: '<=', value: 300 } } : {}),
      note: s
        ? `${s.sceneElements.toLocaleString('en-US')} in view both; derive ${s.derive} + layout ${s.layout}; ${s.msPer1k} ms/1k`
        : '',
    });
  }
  const big = samples.find((x) => x.elements === largest && x.view === 'both');
  metrics.push({
    key: `node.deriveLayoutFolded.${largest}`,
    label: `Node derive + layout folded (defaultCollapsed), ~${largest.toLocaleString('en-US')}`,
    value: big ? big.totalFolded : null,
    unit: 'ms',
    note: big ? `what the app and the CLI do above 600 elements; layout ${big.layoutFolded}` : '',
  });
  return metrics;
}

/** Per size and view: elements, phases and ms per 1k elements (how time grows with size). */
export function nodeDetail(samples: readonly NodeSample[]): string[][] {
  return samples.map((s) => [
    s.elements.toLocaleString('en-US'),
    s.view,
    s.sceneElements.toLocaleString('en-US'),
    s.derive.toFixed(1),
    s.layout.toFixed(1),
    s.total.toFixed(1),
    s.msPer1k.toFixed(2),
    s.layoutFolded.toFixed(1),
  ]);
}

export const NODE_DETAIL_HEAD = [
  'size',
  'view',
  'scene elements',
  'derive ms',
  'layout ms',
  'derive+layout ms',
  'ms per 1k',
  'folded layout ms',
];
