import type { Scene } from '../scene';
import type { FailureReport, Note, Status } from './reportTypes';
import { cellKey, scopingOf } from './scopes';

/** The fields of the `stacklayers whatif` JSON that form its contract (docs/failures.md): they keep their meaning. */
export const WHATIF_CONTRACT_KEYS = [
  'failed',
  'controlPlane',
  'services',
  'majorities',
  'northSouth',
  'vms',
  'clusters',
  'notes',
] as const;

/**
 * The documented JSON of `stacklayers whatif` (docs/failures.md). The fields of the contract keep their
 * meaning; more fields may be added.
 */
export interface WhatIfJson {
  view: string;
  failed: string[];
  controlPlane: Status;
  services: Record<string, Status>;
  majorities: {
    group: string;
    kind: 'process' | 'kubernetes';
    label: string;
    members: string[];
    up: number;
    needed: number;
    held: boolean;
    /** A cell's or region's own majority: `cell:<id>` or `region:<id>` (absent: the whole cloud's). */
    scope?: string;
  }[];
  northSouth: 'up' | 'down';
  gateways: { hosts: string[]; up: string[] };
  apiEndpoint: { name: string; hosts: string[]; up: string[] } | null;
  vms: Record<string, { running: boolean; network: 'up' | 'down'; manageable: boolean }>;
  loadBalancers: Record<string, { up: boolean; amphorae: string[]; amphoraeUp: string[]; rebuilt: boolean }>;
  clusters: Record<
    string,
    {
      kind: 'operator' | 'tenant';
      api: 'up' | 'down';
      workloadsRunning: boolean;
      canHeal: boolean;
      canReplaceNodes?: boolean;
    }
  >;
  notes: { kind: Note['kind']; text: string; source: string | null }[];
  /** Each Nova cell of the model: whether its own processes serve, and if not, which are lost. */
  cells: Record<string, ScopeJson & { region: string | null }>;
  /** Each region, when the model has several: the same for its own API level. */
  regions: Record<string, ScopeJson>;
}

/** A cell or region in the `whatif` JSON. */
interface ScopeJson {
  /** `down`: some of its own processes (its database, queue, conductor, API services) are lost, so its running instances cannot be managed; other cells and regions are not affected. */
  status: 'up' | 'down';
  /** Its own processes (process ids) whose instances are gone or below their majority. */
  lost: string[];
  /** Its own processes that run but lack what they need. */
  starved: string[];
  /** Its instances (VMs and bare-metal instances) in this view. */
  instances: number;
  /** Of those, running but unmanageable. */
  unmanageable: number;
}

/** Plain objects built with null prototypes would print oddly; ids such as `__proto__` must stay keys. */
function record<V>(entries: Iterable<[string, V]>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

export function whatIfJson(scene: Scene, r: FailureReport): WhatIfJson {
  return {
    view: scene.view,
    failed: r.failed,
    controlPlane: r.controlPlane,
    services: record(r.services),
    majorities: r.majorities.map((m) => ({
      group: m.id,
      kind: m.kind,
      label: m.label,
      members: m.members,
      up: m.up,
      needed: m.needed,
      held: m.held,
      ...(m.scope !== undefined ? { scope: m.scope } : {}),
    })),
    northSouth: r.northSouth,
    gateways: r.gateways,
    apiEndpoint: r.endpoint ? { name: r.endpoint.name, hosts: r.endpoint.hosts, up: r.endpoint.up } : null,
    vms: record(r.vms),
    loadBalancers: record(r.loadBalancers),
    clusters: record(
      [...r.clusters].map(([id, c]) => {
        const { nodesDown: _nodes, ...rest } = c;
        return [id, rest] as [string, typeof rest];
      }),
    ),
    notes: r.notes.map((n) => ({ kind: n.kind, text: n.text, source: n.source ?? null })),
    ...scopesJson(scene, r),
  };
}

function scopesJson(scene: Scene, r: FailureReport): Pick<WhatIfJson, 'cells' | 'regions'> {
  const scoping = scopingOf(scene);
  const one = (key: string, instances: number): ScopeJson => {
    const o = r.scopes.find((x) => x.scope.key === key);
    return {
      status: o === undefined ? 'up' : 'down',
      lost: o?.lost.map((c) => c.id) ?? [],
      starved: o?.starved.map((x) => x.component.id) ?? [],
      instances,
      unmanageable: o?.unmanageable.length ?? 0,
    };
  };
  return {
    cells: record(
      scoping.cells.map((c) => [c.id, { region: c.region ?? null, ...one(cellKey(c.id), c.vms.length) }]),
    ),
    regions: record(scoping.regions.map((g) => [g.id, one(g.key, g.vms.length)])),
  };
}

/** The effect to lead with (a banner has room for one sentence): the worst news first. */
export function headline(r: FailureReport): string {
  const order: Note['kind'][] = [
    'control-plane',
    'traffic',
    'down',
    'unmanageable',
    'heals',
    'majority',
    'running',
  ];
  const worst = r.notes.find((n) => n.kind === 'control-plane' && r.controlPlane === 'down');
  if (worst) return worst.text;
  for (const kind of order.slice(1)) {
    const n = r.notes.find((x) => x.kind === kind);
    if (n) return n.text;
  }
  return r.notes.find((n) => n.kind === 'control-plane')?.text ?? r.notes[0]?.text ?? '';
}

const HEADINGS: readonly [Note['kind'], string][] = [
  ['failed', 'Failed'],
  ['control-plane', 'Control plane'],
  ['majority', 'Majorities'],
  ['traffic', 'Traffic'],
  ['down', 'Down'],
  ['unmanageable', 'Running, but cannot be managed'],
  ['heals', 'What heals, and how'],
  ['running', 'Keeps running'],
];

/** The notes grouped under headings, in a fixed order (the panel and the text output share it). */
export function notesByHeading(r: FailureReport): { kind: Note['kind']; heading: string; notes: Note[] }[] {
  return HEADINGS.map(([kind, heading]) => ({
    kind,
    heading,
    notes: r.notes.filter((n) => n.kind === kind),
  })).filter((g) => g.notes.length > 0);
}

/** The story as plain text: headings, sentences, and each sentence's source on the line below. */
export function whatIfText(
  scene: Scene,
  r: FailureReport,
  sanitize: (s: string) => string = (s) => s,
): string {
  const lines: string[] = [`What if, in the ${scene.view} view of ${sanitize(scene.title)}:`];
  lines.push(
    `control plane ${r.controlPlane}; north-south traffic ${r.northSouth}; ${r.majorities.filter((m) => !m.held).length} of ${r.majorities.length} majorities lost`,
  );
  for (const g of notesByHeading(r)) {
    lines.push('', `${g.heading}:`);
    for (const n of g.notes) {
      lines.push(`  - ${sanitize(n.text)}`);
      if (n.source) lines.push(`    why: ${n.source}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
