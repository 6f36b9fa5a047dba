import { lazy, Suspense, useState } from 'react';
import { useApp } from '../app/store';

// What an embed shows only when its reader (or its page) asks: the details card of a selected element and a
// guided tour. Their code loads then, not with the diagram; once shown they stay mounted (each closes itself).
const DetailsCard = lazy(() =>
  import('../app/explain/DetailsCard').then((m) => ({ default: m.DetailsCard })),
);
const TourPlayer = lazy(() => import('../app/tour/TourPlayer').then((m) => ({ default: m.TourPlayer })));

/** True from the first render where `now` is true on. */
function useOnceTrue(now: boolean): boolean {
  const [seen, setSeen] = useState(now);
  if (now && !seen) setSeen(true);
  return seen || now;
}

/** The details card, loaded when an element is first selected (a click, a key, the `select` setting). */
export function EmbedDetails() {
  const shown = useOnceTrue(useApp((s) => s.selected !== null));
  return shown ? (
    <Suspense fallback={null}>
      <DetailsCard />
    </Suspense>
  ) : null;
}

/** The tour player, loaded when a tour starts (the `tour` setting). */
export function EmbedTour() {
  const shown = useOnceTrue(useApp((s) => s.tour !== null));
  return shown ? (
    <Suspense fallback={null}>
      <TourPlayer embedded />
    </Suspense>
  ) : null;
}
