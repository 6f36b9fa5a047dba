import { RESOURCE } from '../chip';
import type { ElementDef } from '../types';

/** A project's Neutron network. */
export const network: ElementDef<'network'> = {
  kind: 'network',
  label: () => 'network',
  boxClass: () => 'sl-resource sl-resource--network',
  metrics: RESOURCE,
  drawn: { as: 'chip', body: 'resource' },
};

/** A project's Octavia load balancer. */
export const loadBalancer: ElementDef<'load-balancer'> = {
  kind: 'load-balancer',
  label: () => 'load balancer',
  boxClass: () => 'sl-resource sl-resource--load-balancer',
  metrics: RESOURCE,
  drawn: { as: 'chip', body: 'resource' },
};

/** A project's Cinder volume. */
export const volume: ElementDef<'volume'> = {
  kind: 'volume',
  label: () => 'volume',
  boxClass: () => 'sl-resource sl-resource--volume',
  metrics: RESOURCE,
  drawn: { as: 'chip', body: 'resource' },
};
