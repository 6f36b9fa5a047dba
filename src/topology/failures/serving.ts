import { assertNever } from '../../model/assertNever';
import type { ServiceElement } from '../scene';
import type { Component, Endpoint } from './components';
import { CLOUD, type ScopeKey, type Scoping } from './scopes';

// Which capabilities are served, worked out to a fixed point: each component serves while its declaration's
// needs are served and enough of its instances run. Part of `analyzeFailures` (engine.ts).

/** What the fixed point starts from. */
export interface ServingInput {
  components: readonly Component[];
  /** Failed ids and everything that runs on them. */
  down: ReadonlySet<string>;
  gatewayHosts: ReadonlySet<string>;
  endpoint: Endpoint | undefined;
  scoping: Scoping;
}

/** The capabilities served once nothing changes any more, and the questions the report asks of them. */
export interface Serving {
  /** Each component's instances that serve. */
  serving: Map<string, ServiceElement[]>;
  /** Per-host capabilities each host has in the model (whether served or not). */
  modelledOn: Map<string, Set<string>>;
  /** Every capability some component of the model serves. */
  modelledAnywhere: Set<string>;
  /** Whether a capability is served for a scope (its chain, innermost first). */
  servedFor: (chain: readonly ScopeKey[], cap: string) => boolean;
  /** Whether a capability is served for the whole cloud. */
  served: (cap: string) => boolean;
  /** Whether a per-host capability is served on a host (one it does not have counts as served). */
  servedOn: (host: string, cap: string) => boolean;
  /** The hosts of the API endpoint that are up, with their operator node. */
  endpointUp: (ep: Endpoint) => string[];
}

type CapMap<K> = Map<K, Set<string>>;

function addTo<K>(map: CapMap<K>, key: K, cap: string): void {
  const set = map.get(key);
  if (set) set.add(cap);
  else map.set(key, new Set([cap]));
}

function size(map: CapMap<unknown>): number {
  let n = 0;
  for (const set of map.values()) n += set.size;
  return n;
}

/** The capabilities an instance serves: its declaration's, and on a gateway host its gateway ones. */
function capsOf(input: ServingInput, c: Component, s: ServiceElement): string[] {
  return [...c.decl.serves, ...(input.gatewayHosts.has(s.host) ? (c.decl.servesOnGateway ?? []) : [])];
}

/** The capability maps for a set of serving instances: per scope, and per host for per-host components. */
function capabilityMaps(
  input: ServingInput,
  servingOf: (c: Component) => readonly ServiceElement[],
  endpointServes: boolean,
): { inScope: CapMap<ScopeKey>; onHost: CapMap<string> } {
  const inScope: CapMap<ScopeKey> = new Map();
  const onHost: CapMap<string> = new Map();
  for (const c of input.components)
    for (const s of servingOf(c))
      for (const cap of capsOf(input, c, s)) {
        addTo(inScope, c.scope, cap);
        if (c.decl.redundancy === 'per-host') addTo(onHost, s.host, cap);
      }
  if (endpointServes) addTo(inScope, CLOUD, 'api-endpoint');
  return { inScope, onHost };
}

/** Instances that serve, given which of them can (a majority group serves only as a whole). */
function groupServes(c: Component, able: ServiceElement[]): ServiceElement[] {
  const n = c.instances.length;
  switch (c.decl.redundancy) {
    case 'majority':
      return able.length >= Math.floor(n / 2) + 1 ? able : [];
    case 'any':
      return n - able.length <= (c.decl.tolerates ?? n) && able.length > 0 ? able : [];
    case 'per-host':
      return able;
    default:
      return assertNever(c.decl.redundancy, 'redundancy');
  }
}

/**
 * Start from "everything serves" and take away until nothing changes (the maps only shrink).
 */
export function serveToFixedPoint(input: ServingInput): Serving {
  const { components, down, endpoint, scoping } = input;
  const endpointUp = (ep: Endpoint) =>
    ep.hosts.filter((h) => !down.has(h) && !down.has(ep.nodeOf.get(h) ?? ''));
  const modelled = capabilityMaps(input, (c) => c.instances, endpoint !== undefined);
  const modelledAnywhere = new Set([...modelled.inScope.values()].flatMap((caps) => [...caps]));
  let now = {
    inScope: new Map([...modelled.inScope].map(([k, caps]) => [k, new Set(caps)])),
    onHost: new Map([...modelled.onHost].map(([h, caps]) => [h, new Set(caps)])),
  };
  /**
   * Whether a capability is served for a scope: by the innermost scope of its chain that has it (a cell's
   * own database before the API level's); a capability only parts of the cloud have (each region its own
   * database) counts for the whole cloud while one of them serves it; one nobody has counts as served.
   */
  const servedFor = (chain: readonly ScopeKey[], cap: string): boolean => {
    for (const key of chain)
      if (modelled.inScope.get(key)?.has(cap) === true) return now.inScope.get(key)?.has(cap) === true;
    if (!modelledAnywhere.has(cap)) return true;
    for (const [key, caps] of modelled.inScope)
      if (caps.has(cap) && now.inScope.get(key)?.has(cap)) return true;
    return false;
  };
  const servedOn = (host: string, cap: string) =>
    !(modelled.onHost.get(host)?.has(cap) ?? false) || (now.onHost.get(host)?.has(cap) ?? false);
  /** A per-host instance looks its needs up from its host's cell and region; the others from their own scope. */
  const canServe = (c: Component, s: ServiceElement) => {
    if (down.has(s.id)) return false;
    const chain = scoping.chain(c.decl.redundancy === 'per-host' ? scoping.ofHost(s.host) : c.scope);
    return (
      c.decl.needs.every((n) => servedFor(chain, n)) &&
      (c.decl.needsOnHost ?? []).every((n) => servedOn(s.host, n))
    );
  };
  let serving = new Map<string, ServiceElement[]>();
  for (let round = 0; round <= components.length + 1; round++) {
    serving = new Map(
      components.map((c) => [
        c.id,
        groupServes(
          c,
          c.instances.filter((s) => canServe(c, s)),
        ),
      ]),
    );
    const next = capabilityMaps(
      input,
      (c) => serving.get(c.id) ?? [],
      endpoint !== undefined && endpointUp(endpoint).length > 0,
    );
    const same = size(next.inScope) === size(now.inScope) && size(next.onHost) === size(now.onHost);
    now = next;
    if (same) break;
  }
  return {
    serving,
    modelledOn: modelled.onHost,
    modelledAnywhere,
    servedFor,
    served: (cap) => servedFor(scoping.chain(CLOUD), cap),
    servedOn,
    endpointUp,
  };
}
