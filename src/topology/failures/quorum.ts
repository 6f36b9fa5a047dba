// Quorum arithmetic, on its own: the explain panel's counts need it without the failure engine.

/** The smallest number of members that is a majority of n: floor(n/2)+1. */
export function majority(n: number): number {
  return Math.floor(Math.max(0, n) / 2) + 1;
}

/** How many of n members can fail while a majority stays up: floor((n-1)/2). */
export function tolerates(n: number): number {
  return n < 1 ? 0 : Math.floor((n - 1) / 2);
}
