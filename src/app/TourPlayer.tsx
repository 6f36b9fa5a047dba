import { useEffect, useRef, useState } from 'react';
import type { Tour } from '../model/tours';
import { Icon } from '../render/Icon';
import { useApp, useAppStore } from './store';
import { TourText } from './TourText';
import { urlWithParam } from './url';
import { useTours } from './useTours';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  t.closest('input, textarea, select, [contenteditable="true"], .cm-editor, dialog') !== null;

/** Keeps `tour=` and `step=` (from 1) in the URL, so an instructor can link any step. */
function writeTourUrl(tour: { id: string; step: number } | null) {
  let href = urlWithParam(window.location.href, 'tour', tour?.id ?? null);
  href = urlWithParam(new URL(href, window.location.href).href, 'step', tour ? String(tour.step + 1) : null);
  window.history.replaceState(window.history.state, '', href);
}

/** A guided tour: the step's text over the diagram, Right/Left or Space to move, Esc to leave. */
export function TourPlayer() {
  const store = useAppStore();
  const current = useApp((s) => s.tour);
  const presenter = useApp((s) => s.presenter);
  const hasModel = useApp((s) => s.model !== null);
  // Only a running tour needs the list (the app's toolbar loads it anyway; an embed without a tour never does).
  const tours = useTours(current !== null);
  const tour: Tour | undefined = current ? tours.find((t) => t.id === current.id) : undefined;
  const stepIndex = tour && current ? Math.min(current.step, tour.steps.length - 1) : 0;
  const step = tour?.steps[stepIndex];
  const [answer, setAnswer] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const running = tour !== undefined && current !== null;
  // A started tour takes the focus, so arrow keys and Space drive it from the first step.
  useEffect(() => {
    if (running) heading.current?.focus({ preventScroll: true });
  }, [running]);

  // Apply the step to the diagram whenever it changes.
  useEffect(() => {
    if (!tour || !step || !current || !hasModel) return;
    setAnswer(null);
    store.getState().applyStep(step);
    writeTourUrl({ id: tour.id, step: stepIndex });
  }, [tour, step, stepIndex, current, hasModel, store]);

  useEffect(() => {
    if (!tour || !current) return;
    const go = (n: number) => {
      if (n < 0 || n >= tour.steps.length) return;
      store.getState().setTour({ id: tour.id, step: n });
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || (e.key === ' ' && !(e.target instanceof HTMLButtonElement))) {
        e.preventDefault();
        go(stepIndex + 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        go(stepIndex - 1);
      } else if (e.key === 'Escape' && !store.getState().selected) {
        store.getState().setTour(null);
        writeTourUrl(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tour, current, stepIndex, store]);

  if (!tour || !step || !current) return null;
  const total = tour.steps.length;
  const go = (n: number) => store.getState().setTour({ id: tour.id, step: n });
  const exit = () => {
    store.getState().setTour(null);
    writeTourUrl(null);
  };
  const chosen = answer !== null ? step.question?.answers[answer] : undefined;
  return (
    <section
      aria-label={`Tour: ${tour.title}`}
      aria-roledescription="guided tour"
      data-testid="tour"
      className={`sl-tour absolute bottom-3 left-1/2 z-30 w-[min(720px,calc(100%-1.5rem))] -translate-x-1/2 rounded-xl border border-slate-300 bg-white/98 text-slate-900 shadow-xl dark:border-slate-600 dark:bg-slate-900/98 dark:text-slate-50 ${
        presenter ? 'px-6 py-4 text-[19px]' : 'px-4 py-3 text-[13.5px]'
      }`}
    >
      <div className="flex items-center gap-3">
        <span
          className={`font-medium text-slate-600 dark:text-slate-300 ${presenter ? 'text-[15px]' : 'text-[12px]'}`}
        >
          {tour.title}
        </span>
        <div
          role="progressbar"
          aria-label="Tour progress"
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={stepIndex + 1}
          aria-valuetext={`Step ${stepIndex + 1} of ${total}`}
          className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div
            className="h-full rounded-full bg-blue-600"
            style={{ width: `${((stepIndex + 1) / total) * 100}%` }}
          />
        </div>
        <span
          className={`tabular-nums text-slate-600 dark:text-slate-300 ${presenter ? 'text-[15px]' : 'text-[12px]'}`}
        >
          {stepIndex + 1} / {total}
        </span>
      </div>
      <h2
        ref={heading}
        tabIndex={-1}
        className={`mt-1.5 font-semibold focus-visible:outline-2 focus-visible:outline-blue-600 ${presenter ? 'text-[26px]' : 'text-[16px]'}`}
        aria-live="polite"
      >
        {step.title}
      </h2>
      <div className="mt-1 grid gap-1.5">
        <TourText text={step.text} />
      </div>
      {step.question ? (
        <fieldset className="mt-2">
          <legend className="font-medium">{step.question.prompt}</legend>
          <div className="mt-1 flex flex-wrap gap-1.5">
            {step.question.answers.map((a, i) => (
              <button
                // biome-ignore lint/suspicious/noArrayIndexKey: answers are free text and may repeat.
                key={i}
                type="button"
                aria-pressed={answer === i}
                onClick={() => setAnswer(i)}
                className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-950"
              >
                {a.text}
              </button>
            ))}
          </div>
          {chosen ? (
            <p
              data-testid="quiz-feedback"
              aria-live="polite"
              className={`mt-1.5 rounded px-2 py-1 ${
                chosen.correct
                  ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
                  : 'bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50'
              }`}
            >
              <strong>{chosen.correct ? 'Right.' : 'Not quite.'}</strong> {step.question.explanation}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="mt-2.5 flex items-center gap-2">
        <button
          type="button"
          onClick={() => go(stepIndex - 1)}
          disabled={stepIndex === 0}
          className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          <Icon name="arrowLeft" className="mr-1" />
          Back
        </button>
        {stepIndex + 1 < total ? (
          <button
            type="button"
            onClick={() => go(stepIndex + 1)}
            className="rounded-md bg-blue-600 px-3 py-1 font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Next
            <Icon name="arrowRight" className="ml-1" />
          </button>
        ) : (
          <button
            type="button"
            onClick={exit}
            className="rounded-md bg-blue-600 px-3 py-1 font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Finish
          </button>
        )}
        <span
          className={`flex-1 text-slate-500 dark:text-slate-400 ${presenter ? 'text-[14px]' : 'text-[11.5px]'}`}
        >
          <Icon name="arrowRight" label="Right arrow" /> or Space: next ·{' '}
          <Icon name="arrowLeft" label="Left arrow" />: back · Esc: leave
          {presenter ? '' : ' · P: presenter mode'}
        </span>
        <button
          type="button"
          onClick={exit}
          className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Leave the tour
        </button>
      </div>
    </section>
  );
}
