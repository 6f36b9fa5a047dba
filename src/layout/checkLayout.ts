import { LAYERS } from '../topology/scene';
import type { Layout, LayoutBox } from './layoutScene';

const EPS = 0.5;
const inside = (a: LayoutBox, b: { x: number; y: number; w: number; h: number }) =>
  a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.w <= b.x + b.w + EPS && a.y + a.h <= b.y + b.h + EPS;

/**
 * The layout's invariants, as a list of problems (empty when all hold): positive sizes; children
 * inside their parents; no two boxes overlap unless one contains the other; every box inside a band
 * of its layer; bands stacked bottom-up in layer order without gaps or overlaps (each row of projects
 * has its own pair of tenant bands). Near-linear (sweep).
 */
export function layoutProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const { boxes, byId, bands } = layout;
  const seen = new Set<string>();
  for (const b of boxes) {
    if (!(b.w > 0 && b.h > 0)) problems.push(`${b.id} has no area`);
    if (![b.x, b.y, b.w, b.h].every(Number.isFinite)) problems.push(`${b.id} has a non-finite coordinate`);
    if (b.parent !== undefined) {
      const p = byId.get(b.parent);
      if (!p || !seen.has(p.id)) problems.push(`${b.id}: parent ${b.parent} missing or after it`);
      else if (!inside(b, p)) problems.push(`${b.id} sticks out of its parent ${p.id}`);
    }
    seen.add(b.id);
    if (b.x < -EPS || b.y < -EPS || b.x + b.w > layout.width + EPS || b.y + b.h > layout.height + EPS)
      problems.push(`${b.id} lies outside the diagram`);
  }

  // Bands: top to bottom, contiguous, layers in non-increasing order (hardware last).
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    const next = bands[i + 1];
    if (!band || !next) continue;
    if (Math.abs(band.y + band.h - next.y) > EPS)
      problems.push(`band ${band.id} and ${next.id} are not contiguous`);
    // Rows of projects repeat the tenant pair: a row's Kubernetes sits right above that row's VMs.
    const nextRow = band.layer === 'tenant-vms' && next.layer === 'tenant-k8s';
    if (LAYERS.indexOf(band.layer) < LAYERS.indexOf(next.layer) && !nextRow)
      problems.push(
        `band ${band.id} (${band.layer}) is above ${next.id} (${next.layer}) but belongs below it`,
      );
  }
  if (bands.length > 0 && bands[bands.length - 1]?.layer !== 'hardware')
    problems.push('the bottom band is not hardware');
  for (const b of boxes) {
    if (!bands.some((band) => band.layer === b.layer && inside(b, band)))
      problems.push(`${b.id} is not inside a ${b.layer} band`);
  }

  // Overlaps: sweep along x; boxes related as ancestor/descendant may overlap (containment).
  const isAncestor = (a: LayoutBox, b: LayoutBox) => {
    for (let p = b.parent; p !== undefined; p = byId.get(p)?.parent) if (p === a.id) return true;
    return false;
  };
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const active: LayoutBox[] = [];
  for (const b of sorted) {
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i] as LayoutBox;
      if (a.x + a.w <= b.x + EPS) active.splice(i, 1);
    }
    for (const a of active) {
      const overlapY = a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
      if (overlapY && !isAncestor(a, b) && !isAncestor(b, a)) problems.push(`${a.id} overlaps ${b.id}`);
    }
    active.push(b);
  }
  return problems;
}
