import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store';

/**
 * The room's window and the presenter's stay in step through a BroadcastChannel: same origin, no server,
 * works offline. Either window moves the tour (keys, buttons, the step list); the presenter's reveals the
 * quiz's answer in the room. Messages from the channel are checked before use.
 */
const TOUR_CHANNEL = 'stacklayers-tour';

type TourPosition = { id: string; step: number } | null;

type TourMessage =
  | { type: 'hello' }
  | { type: 'state'; tour: TourPosition; reveal: boolean; draft: string }
  | { type: 'go'; tour: TourPosition }
  | { type: 'reveal'; reveal: boolean }
  | { type: 'bye' };

const isPosition = (v: unknown): v is TourPosition =>
  v === null ||
  (typeof v === 'object' &&
    typeof (v as { id?: unknown }).id === 'string' &&
    Number.isInteger((v as { step?: unknown }).step) &&
    ((v as { step: number }).step ?? -1) >= 0);

/** The message, if `data` is one (anything else is ignored). */
function readTourMessage(data: unknown): TourMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
    case 'bye':
      return { type: m.type };
    case 'go':
      return isPosition(m.tour) ? { type: 'go', tour: m.tour } : null;
    case 'reveal':
      return typeof m.reveal === 'boolean' ? { type: 'reveal', reveal: m.reveal } : null;
    case 'state':
      return isPosition(m.tour) && typeof m.reveal === 'boolean' && typeof m.draft === 'string'
        ? { type: 'state', tour: m.tour, reveal: m.reveal, draft: m.draft }
        : null;
    default:
      // Not a union yet: a message from another page or another version of Stacklayers is ignored.
      return null;
  }
}

const samePosition = (a: TourPosition, b: TourPosition) =>
  a === b || (a !== null && b !== null && a.id === b.id && a.step === b.step);

/**
 * Joins the channel as the room or the presenter. The room answers a presenter's hello with its state
 * (tour, step, the model's text) and turns to the room view (diagram and step text, large); both follow
 * and send every move. `onPeer` hears whether the other window is there.
 */
export function useTourChannel(
  store: StoreApi<AppState>,
  role: 'room' | 'presenter',
  onPeer?: (present: boolean) => void,
): void {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(TOUR_CHANNEL);
    let remote = false;
    const post = (m: TourMessage) => channel.postMessage(m);
    const apply = (fn: () => void) => {
      remote = true;
      try {
        fn();
      } finally {
        remote = false;
      }
    };
    channel.onmessage = (e: MessageEvent) => {
      const m = readTourMessage(e.data);
      if (!m) return;
      const s = store.getState();
      if (m.type === 'hello' && role === 'room') {
        post({ type: 'state', tour: s.tour, reveal: s.tourReveal, draft: s.draft });
        if (!s.presenter) s.togglePresenter();
        onPeer?.(true);
      } else if (m.type === 'state' && role === 'presenter') {
        onPeer?.(true);
        apply(() => {
          if (m.draft !== '' && m.draft !== s.draft)
            s.loadText(m.draft, { kind: 'draft', label: "the room's model", key: '' });
          if (!samePosition(s.tour, m.tour)) s.setTour(m.tour);
          s.setTourReveal(m.reveal);
        });
      } else if (m.type === 'go') {
        if (!samePosition(s.tour, m.tour)) apply(() => s.setTour(m.tour));
      } else if (m.type === 'reveal' && role === 'room') {
        s.setTourReveal(m.reveal);
      } else if (m.type === 'bye') {
        onPeer?.(false);
      }
    };
    const unsubscribe = store.subscribe((next, prev) => {
      if (remote) return;
      if (!samePosition(next.tour, prev.tour)) post({ type: 'go', tour: next.tour });
      if (role === 'presenter' && next.tourReveal !== prev.tourReveal)
        post({ type: 'reveal', reveal: next.tourReveal });
    });
    if (role === 'presenter') post({ type: 'hello' });
    const bye = () => post({ type: 'bye' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      unsubscribe();
      channel.close();
    };
  }, [store, role, onPeer]);
}
