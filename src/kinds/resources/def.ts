import { RESOURCE } from '../chip';
import type { ChipMetrics, ElementDef } from '../types';

/** A project's Neutron network. */
export const network: ElementDef<'network', ChipMetrics> = {
  kind: 'network',
  label: () => 'network',
  boxClass: () => 'sl-resource sl-resource--network',
  chipText: (el) => `${el.name}${el.cidr ? ` ${el.cidr}` : ''}`,
  metrics: RESOURCE,
  drawn: { as: 'chip', body: 'resource' },
  layoutAs: 'project-content',
  folded: (el) => [[el.project, { one: 'network', rank: 80 }]],
};

/** A project's Octavia load balancer. */
export const loadBalancer: ElementDef<'load-balancer', ChipMetrics> = {
  kind: 'load-balancer',
  label: () => 'load balancer',
  boxClass: () => 'sl-resource sl-resource--load-balancer',
  metrics: RESOURCE,
  drawn: { as: 'chip', body: 'resource' },
  layoutAs: 'project-content',
  folded: (el) => [[el.project, { one: 'load balancer', rank: 60 }]],
};

/** A project's Cinder volume. */
export const volume: ElementDef<'volume', ChipMetrics> = {
  kind: 'volume',
  label: () => 'volume',
  boxClass: () => 'sl-resource sl-resource--volume',
  chipText: (el) => `${el.name} · ${el.sizeGiB} GB`,
  metrics: RESOURCE,
  drawn: { as: 'chip', body: 'resource' },
  layoutAs: 'project-content',
  folded: (el) => [[el.project, { one: 'volume', rank: 70 }]],
};
