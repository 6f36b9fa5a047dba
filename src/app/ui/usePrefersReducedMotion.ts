import { useMediaQuery } from './useMediaQuery';

/** Follows `prefers-reduced-motion`: true when the user asked for less motion. */
export const usePrefersReducedMotion = (): boolean => useMediaQuery('(prefers-reduced-motion: reduce)');
