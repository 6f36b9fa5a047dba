import type { Rect } from './framing';

/**
 * The rectangles of the canvas that the tour's own overlays cover (canvas coordinates): its card and React
 * Flow's zoom controls. The diagram is framed into the rest.
 */
export function overlaysIn(container: HTMLElement): Rect[] {
  const origin = container.getBoundingClientRect();
  const out: Rect[] = [];
  for (const el of container.querySelectorAll('[data-tour-overlay], .react-flow__controls')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // A little margin: a highlight's ring and halo must not touch the card either.
    out.push({
      x: r.left - origin.left - 6,
      y: r.top - origin.top - 6,
      width: r.width + 12,
      height: r.height + 12,
    });
  }
  return out;
}

/**
 * The box the tour's card sits in with the diagram (the one `overlaysIn` measures from): the nearest ancestor of
 * the diagram that holds a tour overlay; null when there is none.
 */
export function overlayBoxOf(diagram: HTMLElement | null | undefined): HTMLElement | null {
  let box = diagram?.parentElement ?? null;
  while (box && !box.querySelector('[data-tour-overlay]')) box = box.parentElement;
  return box;
}
