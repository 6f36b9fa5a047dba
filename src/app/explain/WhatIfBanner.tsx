import { headline } from '../../topology/failures/report';
import { useFailures, useScene } from '../derived';
import { useApp, useAppStore } from '../store';

/** While something is failed: the headline effect over the diagram, and a way back. */
export function WhatIfBanner() {
  const scene = useScene();
  const blast = useFailures(scene);
  const store = useAppStore();
  const inspector = useApp((s) => s.inspector);
  // The What if panel tells the whole story: the banner is for when it is closed.
  if (!blast || inspector === 'what-if') return null;
  return (
    <div
      data-testid="what-if-banner"
      className="absolute bottom-2 left-1/2 z-10 flex max-w-[min(760px,calc(100%-1rem))] -translate-x-1/2 items-center gap-3 rounded-lg border border-rose-300 bg-rose-50 px-3 py-1.5 text-[12.5px] text-rose-950 shadow-sm dark:border-rose-800 dark:bg-rose-950 dark:text-rose-50"
    >
      <span className="flex-none whitespace-nowrap font-semibold">What if</span>
      <span className="min-w-0 truncate" title={headline(blast)}>
        {blast.notes[0]?.kind === 'failed' ? `${blast.notes[0].text} ` : ''}
        {headline(blast)}
      </span>
      <button
        type="button"
        className="flex-none font-semibold underline focus-visible:outline-2 focus-visible:outline-blue-600"
        onClick={() => store.getState().setInspector('what-if')}
      >
        Effects
      </button>
      <button
        type="button"
        className="flex-none font-semibold underline focus-visible:outline-2 focus-visible:outline-blue-600"
        onClick={() => store.getState().clearFailed()}
      >
        Restore all
      </button>
    </div>
  );
}
