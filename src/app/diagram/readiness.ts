/**
 * The diagram's readiness, an explicit state machine (framework-free; Diagram.tsx feeds it React Flow's
 * events and writes its marker). For one layout at a time:
 *
 *   loading ──held──▶ laid-out ──painted──▶ drawn ──settled──▶ settled
 *      ▲                                                          │
 *      └──────────────────────── layout (a new one) ◀─────────────┘ (from any state)
 *
 * - `loading`: a new layout (view, model, folding) is not yet held and measured by React Flow;
 * - `laid-out`: React Flow holds this layout's nodes, measured: the view is placed;
 * - `drawn`: the frame that draws it has been painted: the ready marker (`data-ready="true"`, read by the
 *   tests, the bench and an embed's ready message) is on;
 * - `settled`: no placement glide is running any more.
 * An event for a layout no longer shown is ignored, as is one out of order.
 */
export type Readiness = 'loading' | 'laid-out' | 'drawn' | 'settled';

export type ReadinessEvent<L> =
  | { type: 'layout'; layout: L }
  | { type: 'held'; layout: L }
  | { type: 'painted'; layout: L }
  | { type: 'settled'; layout: L };

export interface ReadinessState<L> {
  layout: L;
  phase: Readiness;
}

export const initialReadiness = <L>(layout: L): ReadinessState<L> => ({ layout, phase: 'loading' });

const NEXT: Record<Exclude<ReadinessEvent<unknown>['type'], 'layout'>, [Readiness, Readiness]> = {
  held: ['loading', 'laid-out'],
  painted: ['laid-out', 'drawn'],
  settled: ['drawn', 'settled'],
};

export function nextReadiness<L>(state: ReadinessState<L>, event: ReadinessEvent<L>): ReadinessState<L> {
  if (event.type === 'layout')
    return event.layout === state.layout && state.phase === 'loading'
      ? state
      : { layout: event.layout, phase: 'loading' };
  if (event.layout !== state.layout) return state;
  const [from, to] = NEXT[event.type];
  return state.phase === from ? { layout: state.layout, phase: to } : state;
}

/** The ready marker: on once the layout is drawn, and while it stays shown. */
export const isReady = (phase: Readiness): boolean => phase === 'drawn' || phase === 'settled';

/**
 * One diagram's readiness over time: `send` an event, and `onChange` hears each new phase (Diagram.tsx writes
 * the marker from it).
 */
export class ReadinessMachine<L> {
  private state: ReadinessState<L>;
  constructor(
    layout: L,
    private readonly onChange: (phase: Readiness, layout: L) => void,
  ) {
    this.state = initialReadiness(layout);
  }
  get phase(): Readiness {
    return this.state.phase;
  }
  send(event: ReadinessEvent<L>): void {
    const before = this.state;
    this.state = nextReadiness(before, event);
    if (this.state !== before) this.onChange(this.state.phase, this.state.layout);
  }
}
