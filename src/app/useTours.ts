import { useEffect, useState } from 'react';
import type { Tour } from '../model/tours';
import { afterFirstDiagram } from './afterFirstDiagram';
import { useApp } from './store';

export const DEFAULT_TOURS_URL = `${import.meta.env.BASE_URL}tours/default.json`;

let defaults: Promise<Tour[]> | null = null;
/**
 * The built-in tours (fetched once, from the page's own origin, and validated: with the schema, so after the
 * first diagram is drawn, see `afterFirstDiagram`).
 */
function loadDefaultTours(): Promise<Tour[]> {
  defaults ??= afterFirstDiagram()
    .then(() => Promise.all([fetch(DEFAULT_TOURS_URL), import('../model/tours')]))
    .then(async ([r, { validateTours }]) => {
      const json: unknown = r.ok ? await r.json() : [];
      const checked = validateTours(json);
      return checked.ok ? checked.tours : [];
    })
    .catch(() => []);
  return defaults;
}

/** The tours on offer: the model's own, then the built-in ones. */
export function useTours(): Tour[] {
  const own = useApp((s) => s.model?.tours);
  const [builtIn, setBuiltIn] = useState<Tour[]>([]);
  useEffect(() => {
    let live = true;
    void loadDefaultTours().then((t) => {
      if (live) setBuiltIn(t);
    });
    return () => {
      live = false;
    };
  }, []);
  return [...(own ?? []), ...builtIn.filter((t) => !own?.some((o) => o.id === t.id))];
}
