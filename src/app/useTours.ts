import { useEffect, useState } from 'react';
import { type Tour, validateTours } from '../model/tours';
import { useApp } from './store';

export const DEFAULT_TOURS_URL = `${import.meta.env.BASE_URL}tours/default.json`;

let defaults: Promise<Tour[]> | null = null;
/** The built-in tours (fetched once, from the page's own origin). */
function loadDefaultTours(): Promise<Tour[]> {
  defaults ??= fetch(DEFAULT_TOURS_URL)
    .then((r) => (r.ok ? r.json() : []))
    .then((json: unknown) => {
      const r = validateTours(json);
      return r.ok ? r.tours : [];
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
