import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Model } from '../../model/schema';
import type { TourStep } from '../../model/tours';
import { Icon } from '../../render/flow/Icon';
import { useApp, useAppStore } from '../store';
import { useTourChannel } from './channel';
import { TourText } from './TourText';
import { useTours } from './useTours';

const button =
  'rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

/** A small picture of a step's view, marked as the step marks it (drawn as SVG, shown through a blob URL). */
function StepPreview({ model, step, label }: { model: Model; step: TourStep; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void import('../../render/handout').then(({ stepSvg }) => {
      if (!live) return;
      url = URL.createObjectURL(new Blob([stepSvg(model, step)], { type: 'image/svg+xml' }));
      setSrc(url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [model, step]);
  return src ? (
    <img
      src={src}
      alt={label}
      data-testid="presenter-preview"
      className="w-full rounded-md border border-slate-300 bg-white dark:border-slate-600"
    />
  ) : (
    <div className="aspect-[16/9] w-full rounded-md border border-dashed border-slate-300" />
  );
}

/** mm:ss (or h:mm:ss) of a number of seconds. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

function Elapsed() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <span className="flex items-center gap-2">
      <span className="text-[13px] text-slate-600 dark:text-slate-300">Elapsed</span>
      <span className="font-mono text-[22px] tabular-nums" data-testid="presenter-elapsed" role="timer">
        {clock((now - start) / 1000)}
      </span>
      <button
        type="button"
        className="rounded px-1.5 text-[12.5px] underline focus-visible:outline-2 focus-visible:outline-blue-600"
        onClick={() => {
          setStart(Date.now());
          setNow(Date.now());
        }}
      >
        Restart
      </button>
    </span>
  );
}

/**
 * The presenter's window: the step's notes, the next step's title and a small preview, the step list,
 * the elapsed time, and the quiz's answer to reveal in the room. It drives the room's window (and follows
 * it) over a BroadcastChannel; opened from the tour's Presenter button (`presenter=1`).
 */
export function PresenterView() {
  const store = useAppStore();
  const current = useApp((s) => s.tour);
  const reveal = useApp((s) => s.tourReveal);
  const model = useApp((s) => s.model);
  const tours = useTours();
  const [peer, setPeer] = useState(false);
  const onPeer = useCallback((present: boolean) => setPeer(present), []);
  useTourChannel(store, 'presenter', onPeer);
  const tour = useMemo(() => (current ? tours.find((t) => t.id === current.id) : tours[0]), [current, tours]);
  const index = tour && current ? Math.min(current.step, tour.steps.length - 1) : 0;
  const step = tour?.steps[index];
  const next = tour?.steps[index + 1];
  const go = useCallback(
    (n: number) => {
      if (!tour || n < 0 || n >= tour.steps.length) return;
      store.getState().setTour({ id: tour.id, step: n });
      store.getState().setTourReveal(false);
    },
    [tour, store],
  );
  useEffect(() => {
    document.title = tour ? `Presenter: ${tour.title}` : 'Presenter';
  }, [tour]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (
        e.key === 'ArrowRight' ||
        e.key === 'PageDown' ||
        (e.key === ' ' && !(e.target instanceof HTMLButtonElement))
      ) {
        e.preventDefault();
        go(index + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        go(index - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index]);

  if (!tour || !step)
    return (
      <main className="grid h-full place-items-center p-8 text-slate-700 dark:text-slate-200">
        Loading the tour…
      </main>
    );
  return (
    <div
      className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-testid="presenter"
    >
      <header className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-slate-200 bg-white px-5 py-2 dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-[15px] font-bold">Presenter</h1>
        <span className="min-w-0 truncate text-[14px] text-slate-700 dark:text-slate-200">{tour.title}</span>
        <span className="text-[14px] tabular-nums" data-testid="presenter-step">
          Step {index + 1} of {tour.steps.length}
        </span>
        <span
          className={`rounded px-2 py-0.5 text-[12.5px] font-medium ${peer ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-50'}`}
          data-testid="presenter-peer"
        >
          {peer ? 'Room window connected' : 'No room window: open the tour in another window of this browser'}
        </span>
        <span className="flex-1" />
        <Elapsed />
      </header>
      <main className="grid min-h-0 flex-1 gap-5 overflow-auto p-5 lg:grid-cols-[minmax(0,1fr)_340px]">
        <section aria-label="This step" className="min-w-0">
          <h2 className="text-[26px] leading-tight font-semibold">{step.title}</h2>
          <h3 className="mt-4 text-[12px] font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">
            Notes
          </h3>
          <div className="mt-1 grid gap-2 text-[20px] leading-snug" data-testid="presenter-notes">
            {step.notes ? (
              <TourText text={step.notes} />
            ) : (
              <p className="text-slate-600 dark:text-slate-300">No notes for this step.</p>
            )}
          </div>
          <h3 className="mt-5 text-[12px] font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">
            The room reads
          </h3>
          <div className="mt-1 grid gap-1.5 text-[15px] text-slate-700 dark:text-slate-200">
            <TourText text={step.text} />
          </div>
          {step.question ? (
            <div className="mt-4 rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-[15px] dark:border-blue-900 dark:bg-blue-950">
              <p className="font-medium">{step.question.prompt}</p>
              <ul className="mt-1 grid gap-0.5">
                {step.question.answers.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers are free text and may repeat.
                  <li key={i} className={a.correct ? 'font-semibold' : ''}>
                    {a.correct ? 'Right: ' : ''}
                    {a.text}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className={`${button} mt-2 bg-white dark:bg-slate-900`}
                aria-pressed={reveal}
                onClick={() => store.getState().setTourReveal(!reveal)}
              >
                {reveal ? 'Hide the answer in the room' : 'Reveal the answer in the room'}
              </button>
            </div>
          ) : null}
        </section>
        <aside className="grid content-start gap-4" aria-label="Next and all steps">
          <section aria-label="Next step">
            <h3 className="text-[12px] font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">
              Next
            </h3>
            {next && model ? (
              <>
                <p className="mt-1 text-[16px] font-semibold" data-testid="presenter-next">
                  {next.title}
                </p>
                <div className="mt-1.5">
                  <StepPreview model={model} step={next} label={`Preview of the next step: ${next.title}`} />
                </div>
              </>
            ) : (
              <p className="mt-1 text-[15px]" data-testid="presenter-next">
                The end of the tour.
              </p>
            )}
          </section>
          <nav aria-label="Steps">
            <h3 className="text-[12px] font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-300">
              Steps
            </h3>
            <ol className="mt-1 grid gap-0.5 text-[13.5px]">
              {tour.steps.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps of one tour, in order.
                <li key={i}>
                  <button
                    type="button"
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => go(i)}
                    className="w-full rounded px-2 py-0.5 text-left hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[current=step]:bg-blue-600 aria-[current=step]:text-white dark:hover:bg-slate-800"
                  >
                    {i + 1}. {s.title}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
      </main>
      <footer className="flex items-center gap-2 border-t border-slate-200 bg-white px-5 py-2 text-[14px] dark:border-slate-800 dark:bg-slate-900">
        <button type="button" className={button} onClick={() => go(index - 1)} disabled={index === 0}>
          <Icon name="arrowLeft" className="mr-1" />
          Back
        </button>
        <button
          type="button"
          className={`${button} border-blue-600 bg-blue-600 text-white hover:bg-blue-700`}
          onClick={() => go(index + 1)}
          disabled={index + 1 >= tour.steps.length}
        >
          Next
          <Icon name="arrowRight" className="ml-1" />
        </button>
        <span className="text-slate-600 dark:text-slate-300">
          <Icon name="arrowRight" label="Right arrow" />, Space or a clicker: next ·{' '}
          <Icon name="arrowLeft" label="Left arrow" />: back, here or in the room's window
        </span>
      </footer>
    </div>
  );
}
