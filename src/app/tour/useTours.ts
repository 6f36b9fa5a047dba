import { useEffect, useState } from 'react';
import type { Tour } from '../../model/tours';
import { firstDiagramShown } from '../afterFirstDiagram';
import { useApp } from '../store';

let builtIn: Promise<readonly Tour[]> | null = null;
/** The built-in tours, loaded once (after the first diagram: they are not part of it). */
function loadBuiltInTours(): Promise<readonly Tour[]> {
  builtIn ??= firstDiagramShown()
    .then(() => import('./builtInTours'))
    .then((m) => m.BUILT_IN_TOURS)
    .catch(() => []);
  return builtIn;
}

/**
 * The tours on offer: the model's own, then the built-in ones (loaded once `wanted`: an embed that runs no tour
 * never loads them).
 */
export function useTours(wanted = true): Tour[] {
  const own = useApp((s) => s.model?.tours);
  const [shipped, setShipped] = useState<readonly Tour[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void loadBuiltInTours().then((t) => {
      if (live) setShipped(t);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return [...(own ?? []), ...shipped.filter((t) => !own?.some((o) => o.id === t.id))];
}
