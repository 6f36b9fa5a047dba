import { displayName } from '../../model/access';
import type { Model } from '../../model/schema';
import type { HostElement } from '../scene';
import type { DeriveState, HostPlace } from './state';

/**
 * Stage 1, hardware: one host element per host of the model, in model order, with its place in the cloud's
 * structure and whether it is a member of the operator's cluster (known in every view).
 */
export function deriveHardware(state: DeriveState): void {
  const { model, members, hostPlaces } = state;
  placesOfHosts(model, hostPlaces);
  for (const h of model.hosts) {
    const host: HostElement = {
      id: h.id,
      kind: 'host',
      name: displayName(h),
      layer: 'hardware',
      owner: 'operator',
      description: h.description,
      docs: h.docs,
      roles: h.roles,
      rack: h.rack,
      capacity: h.capacity,
      operatorMember: members.has(h.id),
      ...hostPlaces.get(h.id),
      gateway: h.gateway,
    };
    state.elements.push(host);
  }
}

/**
 * Where each host sits in the cloud's structure: its region (its own, else its zone's, else its cell's), zone,
 * cell, aggregates, and for an Ironic node its details, into `out`. Only the keys that have a value are set.
 */
function placesOfHosts(model: Model, out: Map<string, HostPlace>): void {
  const zoneRegion = new Map((model.availabilityZones ?? []).map((z) => [z.id, z.region]));
  const cellRegion = new Map((model.cells ?? []).map((c) => [c.id, c.region]));
  const aggregatesOf = new Map<string, string[]>();
  for (const a of model.aggregates ?? [])
    for (const h of a.hosts) {
      const list = aggregatesOf.get(h);
      if (list) list.push(a.id);
      else aggregatesOf.set(h, [a.id]);
    }
  for (const h of model.hosts) {
    const region =
      h.region ??
      (h.zone !== undefined ? zoneRegion.get(h.zone) : undefined) ??
      (h.cell !== undefined ? cellRegion.get(h.cell) : undefined);
    const p: HostPlace = {};
    if (region !== undefined) p.region = region;
    if (h.zone !== undefined) p.zone = h.zone;
    if (h.cell !== undefined) p.cell = h.cell;
    const aggregates = aggregatesOf.get(h.id);
    if (aggregates) p.aggregates = aggregates;
    if (h.roles.includes('baremetal')) p.baremetal = { ...h.ironic };
    out.set(h.id, p);
  }
}
