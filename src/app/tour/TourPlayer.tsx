import {
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { Tour } from '../../model/tours';
import '../explain/failureEngine';
import { Icon } from '../../render/flow/Icon';
import { headline } from '../../topology/failures/report';
import { layoutFor, useCollapsed, useFailures, useScene } from '../derived';
import { useSwitchDiff } from '../explain/ChangeList';
import { urlWithParam } from '../settings/url';
import { useApp, useAppStore } from '../store';
import { frameTarget } from './frame';
import { type CardPlacement, chooseCardPlacement } from './framing';
import { openHandout } from './openHandout';
import { overlaysIn } from './overlays';
import { openPresenterWindow } from './presenterLink';
import { TourText } from './TourText';
import { useTouchInput } from './useTouchInput';
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

/** Below this canvas width the card is a bottom sheet (a phone). */
const NARROW_CANVAS = 640;
const CARD = { sideWidth: 372, bottomHeight: 230, narrowBelow: NARROW_CANVAS };

/** The canvas's size, followed (the tour's card sits in the same box as the diagram). */
function useBoxSize(el: HTMLElement | null) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return size;
}

/** Right, PageDown or Space: the next step; Left or PageUp: back; Esc (nothing selected): leave. */
function useTourKeys(tourId: string | null, stepIndex: number, goRef: RefObject<(n: number) => void>) {
  const store = useAppStore();
  useEffect(() => {
    if (tourId === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (
        e.key === 'ArrowRight' ||
        e.key === 'PageDown' ||
        (e.key === ' ' && !(e.target instanceof HTMLButtonElement))
      ) {
        e.preventDefault();
        goRef.current(stepIndex + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        goRef.current(stepIndex - 1);
      } else if (e.key === 'Escape' && !store.getState().selected) {
        store.getState().setTour(null);
        writeTourUrl(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tourId, stepIndex, store, goRef]);
}

/** Tells the diagram what the card covers, whenever the card or the canvas changes size or place. */
function useOverlayReport(card: RefObject<HTMLElement | null>, container: HTMLElement | null) {
  const store = useAppStore();
  useLayoutEffect(() => {
    const el = card.current;
    if (!el || !container) return;
    const report = () => store.getState().setTourOverlays(overlaysIn(container));
    report();
    const ro = new ResizeObserver(report);
    ro.observe(el);
    ro.observe(container);
    // React Flow's controls mount with the flow, after the card: measure again once they are there.
    const late = window.setTimeout(report, 50);
    return () => {
      ro.disconnect();
      clearTimeout(late);
    };
  });
}

/** A horizontal swipe on the card moves between steps (the diagram itself pans under a finger). */
function useSwipe(move: (by: 1 | -1) => void) {
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  return {
    onPointerDown: (e: ReactPointerEvent) => {
      if (e.pointerType === 'mouse') return;
      swipe.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
    },
    onPointerUp: (e: ReactPointerEvent) => {
      const start = swipe.current;
      swipe.current = null;
      if (!start || start.id !== e.pointerId) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (Math.abs(dx) > 56 && Math.abs(dx) > 1.5 * Math.abs(dy)) move(dx < 0 ? 1 : -1);
    },
    onPointerCancel: () => {
      swipe.current = null;
    },
  };
}

/** The tour's title, and how far through it the step is. */
function TourProgress({
  title,
  index: stepIndex,
  total,
  small,
}: {
  title: string;
  index: number;
  total: number;
  small: string;
}) {
  const tour = { title };
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className={`min-w-0 font-medium text-slate-600 dark:text-slate-300 ${small}`}>{tour.title}</span>
      <div
        role="progressbar"
        aria-label="Tour progress"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={stepIndex + 1}
        aria-valuetext={`Step ${stepIndex + 1} of ${total}`}
        className="h-1.5 min-w-24 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className="h-full rounded-full bg-blue-600"
          style={{ width: `${((stepIndex + 1) / total) * 100}%` }}
        />
      </div>
      <span className={`flex-none tabular-nums text-slate-600 dark:text-slate-300 ${small}`}>
        {stepIndex + 1} / {total}
      </span>
    </div>
  );
}

/** A step's question: its answers as buttons, then whether the chosen one is right (or the answer, revealed). */
function TourQuestion({
  question,
  answer,
  onAnswer: setAnswer,
  reveal,
}: {
  question: NonNullable<Tour['steps'][number]['question']>;
  answer: number | null;
  onAnswer: (i: number) => void;
  reveal: boolean;
}) {
  const chosen = answer !== null ? question.answers[answer] : undefined;
  return (
    <fieldset className="mt-2">
      <legend className="font-medium">{question.prompt}</legend>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {question.answers.map((a, i) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: answers are free text and may repeat.
            key={i}
            type="button"
            aria-pressed={answer === i}
            onClick={() => setAnswer(i)}
            data-correct={reveal && a.correct ? 'true' : undefined}
            className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 data-[correct=true]:border-emerald-600 data-[correct=true]:bg-emerald-50 data-[correct=true]:font-semibold dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-950 dark:data-[correct=true]:bg-emerald-950"
          >
            {a.text}
          </button>
        ))}
      </div>
      {chosen || reveal ? (
        <p
          data-testid="quiz-feedback"
          aria-live="polite"
          className={`mt-1.5 rounded px-2 py-1 ${
            reveal || chosen?.correct
              ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
              : 'bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50'
          }`}
        >
          <strong>{reveal ? 'Answer:' : chosen?.correct ? 'Right.' : 'Not quite.'}</strong>{' '}
          <TourText text={question.explanation} inline />
        </p>
      ) : null}
    </fieldset>
  );
}

/** The keys (or the swipe) that move through the tour. */
function TourHint({ touch, presenter, embedded }: { touch: boolean; presenter: boolean; embedded: boolean }) {
  return (
    <p
      data-testid="tour-hint"
      className={`mt-1 text-slate-600 dark:text-slate-400 ${presenter ? 'text-[14px]' : 'text-[11.5px]'}`}
    >
      {touch ? (
        'Swipe the card left or right to move between steps.'
      ) : (
        <>
          <Icon name="arrowRight" label="Right arrow" /> or Space: next ·{' '}
          <Icon name="arrowLeft" label="Left arrow" />: back · Esc: leave
          {presenter || embedded ? '' : ' · P: room view'}
        </>
      )}
    </p>
  );
}

/** Back, Next (or Finish), the presenter window, the handout and leaving. */
function TourNav({
  tour,
  stepIndex,
  total,
  go,
  exit,
  presenter,
  sheet,
  embedded,
}: {
  tour: Tour;
  stepIndex: number;
  total: number;
  go: (n: number) => void;
  exit: () => void;
  presenter: boolean;
  sheet: boolean;
  embedded: boolean;
}) {
  const store = useAppStore();
  return (
    <div className={`mt-2.5 flex flex-wrap items-center gap-x-2 gap-y-1.5 ${presenter ? '' : 'text-[13px]'}`}>
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
      <span className="flex-1" />
      {presenter || sheet ? null : (
        <>
          {embedded ? null : (
            <button
              type="button"
              onClick={() => openPresenterWindow(store.getState())}
              className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Presenter
            </button>
          )}
          <button
            type="button"
            onClick={() => void openHandout(store.getState(), tour)}
            className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Handout
          </button>
        </>
      )}
      <button
        type="button"
        onClick={exit}
        className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {sheet ? 'Leave' : 'Leave the tour'}
      </button>
    </div>
  );
}

/** Where the card goes: beside or below the diagram, whichever shows the step's target larger; a sheet on a phone. */
function useCardPlacement(
  canvas: { width: number; height: number },
  frameIds: readonly string[] | undefined,
) {
  const scene = useScene();
  const collapsed = useCollapsed(scene);
  const hidden = useApp((s) => s.hiddenLayers);
  const layout = scene ? layoutFor(scene, collapsed, hidden) : null;
  const target = layout ? frameTarget(layout, frameIds ?? []) : null;
  const placement: CardPlacement =
    target && canvas.width > 0 ? chooseCardPlacement(target, canvas, CARD) : 'bottom';
  return { placement, sheet: canvas.width > 0 && canvas.width < NARROW_CANVAS };
}

/** The card's place and size classes. */
function cardPosition(side: boolean, sheet: boolean, presenter: boolean, expanded: boolean): string {
  return side
    ? `top-14 right-2 max-h-[calc(100%-4rem)] ${presenter ? 'w-[440px]' : 'w-[360px]'}`
    : sheet
      ? `bottom-0 left-0 right-0 rounded-b-none ${expanded ? 'max-h-[75%]' : 'max-h-[46%]'}`
      : `bottom-2 left-1/2 -translate-x-1/2 max-h-[58%] ${presenter ? 'w-[min(900px,calc(100%-1rem))]' : 'w-[min(760px,calc(100%-1rem))]'}`;
}

/** What the step's failures do (a what-if), and what the last view switch changed. */
function StepNotes({ whatIf, small, show }: { whatIf: string; small: string; show: boolean }) {
  const changes = useSwitchDiff();
  const changeLine = changes?.diff?.summary[0];
  return (
    <>
      {whatIf ? (
        <p
          data-testid="tour-what-if"
          className={`mt-1.5 rounded border-l-4 border-rose-500 bg-rose-50 px-2 py-0.5 text-rose-950 dark:bg-rose-950 dark:text-rose-50 ${small}`}
        >
          <strong>What if: </strong>
          {whatIf}
        </p>
      ) : null}
      {changeLine && show ? (
        <p data-testid="tour-changes" className={`mt-1 text-slate-600 dark:text-slate-300 ${small}`}>
          <strong>
            {changes.last.from} <Icon name="arrowRight" label="to" /> {changes.last.to}:
          </strong>{' '}
          {changeLine}
        </p>
      ) : null}
    </>
  );
}

/**
 * A guided tour: the step's text in a card placed where it leaves what the step speaks of largest (beside
 * or below the diagram; a bottom sheet on a phone), Right/Left or Space or a swipe to move, Esc to leave.
 * The card tells the canvas what it covers, and the diagram frames the step into the rest.
 */
export function TourPlayer({ embedded = false }: { embedded?: boolean }) {
  const store = useAppStore();
  const current = useApp((s) => s.tour);
  const presenter = useApp((s) => s.presenter);
  const reveal = useApp((s) => s.tourReveal);
  const frameIds = useApp((s) => s.tourFrame?.ids);
  const hasModel = useApp((s) => s.model !== null);
  // Only a running tour needs the list (the app's toolbar loads it anyway; an embed without a tour never does).
  const tours = useTours(current !== null);
  const tour: Tour | undefined = current ? tours.find((t) => t.id === current.id) : undefined;
  const stepIndex = tour && current ? Math.min(current.step, tour.steps.length - 1) : 0;
  const step = tour?.steps[stepIndex];
  const [answer, setAnswer] = useState<number | null>(null);
  const [expanded, setExpanded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const card = useRef<HTMLElement>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  // The box the player sits in: the diagram's.
  const anchor = useCallback((el: HTMLSpanElement | null) => setContainer(el?.parentElement ?? null), []);
  const canvas = useBoxSize(container);
  const touch = useTouchInput();
  const running = tour !== undefined && current !== null;
  const scene = useScene();
  const report = useFailures(scene);
  const whatIf = report ? headline(report) : '';

  // A started tour takes the focus, so arrow keys and Space drive it from the first step.
  useEffect(() => {
    if (running) heading.current?.focus({ preventScroll: true });
  }, [running]);

  // Apply the step to the diagram whenever it changes.
  useEffect(() => {
    if (!tour || !step || !current || !hasModel) return;
    setAnswer(null);
    setExpanded(false);
    store.getState().applyStep(step);
    writeTourUrl({ id: tour.id, step: stepIndex });
  }, [tour, step, stepIndex, current, hasModel, store]);

  const go = (n: number) => {
    if (!tour || n < 0 || n >= tour.steps.length) return;
    store.getState().setTour({ id: tour.id, step: n });
  };
  const goRef = useRef(go);
  goRef.current = go;

  useTourKeys(running ? tour.id : null, stepIndex, goRef);

  const { placement, sheet } = useCardPlacement(canvas, frameIds);

  useOverlayReport(card, container);

  const swipe = useSwipe((by) => go(stepIndex + by));

  if (!tour || !step || !current) return <span ref={anchor} hidden />;
  const total = tour.steps.length;
  const exit = () => {
    store.getState().setTour(null);
    writeTourUrl(null);
  };
  const side = placement === 'side' && !sheet;
  const size = presenter ? 'text-[19px]' : sheet ? 'text-[13px]' : 'text-[13.5px]';
  const small = presenter ? 'text-[15px]' : 'text-[12px]';
  const position = cardPosition(side, sheet, presenter, expanded);
  return (
    <>
      <span ref={anchor} hidden />
      <section
        ref={card}
        aria-label={`Tour: ${tour.title}`}
        aria-roledescription="guided tour"
        data-testid="tour"
        data-tour-overlay=""
        data-placement={sheet ? 'sheet' : placement}
        {...swipe}
        className={`sl-tour absolute z-30 flex flex-col overflow-y-auto rounded-xl border border-slate-300 bg-white/98 text-slate-900 shadow-xl dark:border-slate-600 dark:bg-slate-900/98 dark:text-slate-50 ${position} ${
          presenter ? 'px-6 py-4' : sheet ? 'px-3 pt-2 pb-2.5' : 'px-4 py-3'
        } ${size}`}
        style={sheet ? { touchAction: 'pan-y' } : undefined}
      >
        <TourProgress title={tour.title} index={stepIndex} total={total} small={small} />
        <h2
          ref={heading}
          tabIndex={-1}
          className={`mt-1.5 font-semibold focus-visible:outline-2 focus-visible:outline-blue-600 ${presenter ? 'text-[26px]' : sheet ? 'text-[15px]' : 'text-[16px]'}`}
          aria-live="polite"
        >
          {step.title}
        </h2>
        <div
          className={`mt-1 ${sheet && !expanded ? 'line-clamp-3' : 'grid gap-1.5'}`}
          data-testid="tour-text"
        >
          <TourText text={step.text} />
        </div>
        {sheet ? (
          <button
            type="button"
            onClick={() => setExpanded(!expanded)}
            aria-expanded={expanded}
            className="self-start py-0.5 text-[12px] font-medium text-blue-700 underline dark:text-blue-300"
          >
            {expanded ? 'Less' : 'More'}
          </button>
        ) : null}
        <StepNotes whatIf={whatIf} small={small} show={!presenter && (!sheet || expanded)} />
        {step.question ? (
          <TourQuestion question={step.question} answer={answer} onAnswer={setAnswer} reveal={reveal} />
        ) : null}
        <TourNav {...{ tour, stepIndex, total, go, exit, presenter, sheet, embedded }} />
        <TourHint touch={touch} presenter={presenter} embedded={embedded} />
      </section>
    </>
  );
}
