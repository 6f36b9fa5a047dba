import { useEffect, useMemo, useState } from 'react';
import { Icon } from '../../render/flow/Icon';
import { diffScenes } from '../../topology/diffViews';
import { sceneFor } from '../derived';
import { useApp } from '../store';
import { CloseButton } from '../ui/CloseButton';

/** Runs `work` when the main thread is idle (at the latest after 300 ms); returns a cancel function. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 50);
  return () => clearTimeout(timer);
}

/** The last switch and, once the page is idle after it, what it changed (null until then). */
export function useSwitchDiff() {
  const model = useApp((s) => s.model);
  const last = useApp((s) => s.lastSwitch);
  // Worked out once the switch has been drawn (when the page is idle): the list never delays the diagram.
  const [shown, setShown] = useState<typeof last>(null);
  useEffect(() => {
    if (!last) return setShown(null);
    return whenIdle(() => setShown(last));
  }, [last]);
  const diff = useMemo(
    () => (model && shown ? diffScenes(sceneFor(model, shown.from), sceneFor(model, shown.to)) : null),
    [model, shown],
  );
  return last && shown === last ? { last, diff } : null;
}

/**
 * After a switch, says in words what appeared, vanished, moved or changed owner (kept with reduced motion).
 * During a tour the card says it instead, in a line (TourPlayer), so nothing floats over the diagram.
 */
export function ChangeList() {
  const last = useApp((s) => s.lastSwitch);
  const dismiss = useApp((s) => s.dismissSwitch);
  const shown = useSwitchDiff();
  const diff = shown?.diff;
  useEffect(() => {
    if (!last) return;
    const t = setTimeout(dismiss, 20_000);
    return () => clearTimeout(t);
  }, [last, dismiss]);
  if (!diff || !last) return null;
  return (
    <section
      aria-label="What changed"
      data-testid="changes"
      className={`absolute bottom-2 left-2 z-10 w-[min(420px,calc(100%-1rem))] rounded-xl border border-slate-200 bg-white/97 px-3 py-2 text-[12.5px] text-slate-800 shadow-md dark:border-slate-700 dark:bg-slate-900/97 dark:text-slate-100`}
    >
      <div className="mb-1 flex items-baseline gap-2">
        <h2 className="font-semibold">What changed</h2>
        <span className="text-[11.5px] font-semibold text-slate-500 dark:text-slate-400">
          {last.from} <Icon name="arrowRight" label="to" /> {last.to}
        </span>
        <span className="flex-1" />
        <CloseButton label="Dismiss what changed" onClick={dismiss} />
      </div>
      <ul className="grid list-disc gap-0.5 pl-4" aria-live="polite">
        {diff.summary.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sentences may repeat (two elements with one name).
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
