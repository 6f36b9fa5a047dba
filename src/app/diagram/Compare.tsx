import type { Viewport } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { Icon } from '../../render/flow/Icon';
import { diffScenes, type ViewDiff } from '../../topology/diffViews';
import { VIEWS, type View } from '../../topology/views';
import { sceneFor } from '../derived';
import { urlWithParam } from '../settings/url';
import { useApp, useAppStore } from '../store';
import { Flow } from './Diagram';

/** Marks per element: what differs between the two views, for each side. */
function marksFor(diff: ViewDiff) {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  for (const c of diff.changes) {
    if (c.change === 'vanished') left.set(c.id, 'sl-diff-gone');
    else if (c.change === 'appeared') right.set(c.id, 'sl-diff-new');
    else {
      left.set(c.id, 'sl-diff-changed');
      right.set(c.id, 'sl-diff-changed');
    }
  }
  return { left, right };
}

function PaneHeader({ side, view }: { side: 0 | 1; view: View }) {
  const store = useAppStore();
  const compare = useApp((s) => s.compare);
  return (
    <label className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-1 text-[12.5px] dark:border-slate-800 dark:bg-slate-950">
      <span className="font-semibold">{side === 0 ? 'Left' : 'Right'}</span>
      <select
        value={view}
        onChange={(e) => {
          if (!compare) return;
          const next: [View, View] =
            side === 0 ? [e.target.value as View, compare[1]] : [compare[0], e.target.value as View];
          store.getState().setCompare(next);
          window.history.replaceState(
            window.history.state,
            '',
            urlWithParam(window.location.href, 'compare', next.join(',')),
          );
        }}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-900"
      >
        {VIEWS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Two views side by side: synced pan and zoom, shared selection, differences marked in both. */
export function Compare({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const model = useApp((s) => s.model);
  const compare = useApp((s) => s.compare);
  const [viewport, setViewport] = useState<Viewport | undefined>(undefined);
  const diff = useMemo(
    () => (model && compare ? diffScenes(sceneFor(model, compare[0]), sceneFor(model, compare[1])) : null),
    [model, compare],
  );
  const marks = useMemo(() => (diff ? marksFor(diff) : null), [diff]);
  if (!model || !compare || !marks || !diff) return null;
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="compare">
      <div className="grid min-h-0 flex-1 grid-cols-2 divide-x divide-slate-300 dark:divide-slate-700">
        {([0, 1] as const).map((side) => (
          <div key={side} className="flex min-h-0 min-w-0 flex-col">
            <PaneHeader side={side} view={compare[side]} />
            <div className="relative min-h-0 flex-1">
              <Flow
                scene={sceneFor(model, compare[side])}
                colorMode={colorMode}
                sync={{
                  testId: side === 0 ? 'compare-a' : 'compare-b',
                  viewport,
                  onViewportChange: setViewport,
                  place: side === 0,
                  marks: side === 0 ? marks.left : marks.right,
                }}
              />
            </div>
          </div>
        ))}
      </div>
      <section
        aria-label="Differences"
        data-testid="compare-summary"
        className="max-h-28 overflow-auto border-t border-slate-200 bg-white px-4 py-1.5 text-[12.5px] dark:border-slate-800 dark:bg-slate-950"
      >
        <span className="font-semibold">
          {compare[0]} <Icon name="arrowRight" label="to" /> {compare[1]}:
        </span>{' '}
        {diff.summary.join(' ')}
        <span className="ml-2 inline-flex gap-3 text-[11.5px] text-slate-600 dark:text-slate-300">
          <span>
            <span className="sl-legend-shape sl-diff-key-new" aria-hidden="true" /> appears
          </span>
          <span>
            <span className="sl-legend-shape sl-diff-key-gone" aria-hidden="true" /> goes
          </span>
          <span>
            <span className="sl-legend-shape sl-diff-key-changed" aria-hidden="true" /> moves or changes
          </span>
        </span>
      </section>
    </div>
  );
}
