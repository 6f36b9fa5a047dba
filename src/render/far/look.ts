/**
 * How a box of the far layer looks, read from the page's CSS (so themes, the lens, what-if and compare marks
 * look on the canvas as they do up close): from a hidden probe element with the box's classes.
 */

export interface Look {
  fill: string;
  alpha: number;
  ring: string | null;
  ringWidth: number;
  /** The box's border (its top side's: a host's thicker bottom is not drawn) and text colour. */
  border: string | null;
  borderWidth: number;
  color: string;
}

export const NO_LOOK: Look = {
  fill: 'transparent',
  alpha: 0,
  ring: null,
  ringWidth: 0,
  border: null,
  borderWidth: 0,
  color: 'transparent',
};

/** The computed style properties a look is read from. */
export type LookStyle = Pick<
  CSSStyleDeclaration,
  'boxShadow' | 'opacity' | 'backgroundColor' | 'borderTopWidth' | 'borderTopColor' | 'color'
>;

const CLEAR = /^(transparent|rgba\(0, 0, 0, 0\))$/;
const SHADOW = /^(\S+\([^)]*\)|#[0-9a-f]+|[a-z]+)\s+-?[\d.]+px\s+-?[\d.]+px\s+[\d.]+px\s+([\d.]+)px/i;

/** The look of a box of this computed style: its background, opacity, ring (a box-shadow spread) and border. */
export function lookOf(cs: LookStyle): Look {
  const shadow = SHADOW.exec(cs.boxShadow);
  const alpha = Number.parseFloat(cs.opacity);
  if (!shadow && CLEAR.test(cs.backgroundColor)) return NO_LOOK;
  const borderWidth = Number.parseFloat(cs.borderTopWidth) || 0;
  return {
    fill: cs.backgroundColor,
    alpha: Number.isFinite(alpha) ? alpha : 1,
    ring: shadow ? (shadow[1] ?? null) : null,
    ringWidth: shadow ? Number.parseFloat(shadow[2] ?? '0') : 0,
    border: borderWidth > 0 && !CLEAR.test(cs.borderTopColor) ? cs.borderTopColor : null,
    borderWidth,
    color: cs.color,
  };
}

/**
 * The looks of boxes with each of these class lists, as the page's CSS gives them: a probe element per list,
 * all placed before the first is read, so that the browser works out their styles in one pass, not one per
 * list. New elements also start no CSS transition that a read could catch halfway.
 */
export function looksOf(container: HTMLElement, lists: Iterable<string>): Map<string, Look> {
  const probes = new Map<string, HTMLElement>();
  for (const classes of lists) {
    const probe = document.createElement('div');
    probe.className = classes;
    probes.set(classes, probe);
  }
  container.replaceChildren(...probes.values());
  const looks = new Map<string, Look>();
  for (const [classes, probe] of probes) looks.set(classes, lookOf(getComputedStyle(probe)));
  container.replaceChildren();
  return looks;
}
