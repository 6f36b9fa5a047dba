import type { ChipMetrics } from './types';

/** The box of every chip (a service instance, a pod, a project's network, volume or load balancer). */
export const CHIP: ChipMetrics = { h: 18, gap: 3, font: 10, padX: 22 };

/** A project's networks, volumes and load balancers: chips in rows 4 px apart, the glyph and padding 26 px. */
export const RESOURCE: ChipMetrics = { ...CHIP, gap: 4, padX: 26 };
