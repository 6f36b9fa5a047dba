import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import type { Model } from '../../model/schema';
import { deriveScene } from '../deriveScene';
import type { Scene } from '../scene';
import { majorityGroups } from './components';
import { analyzeFailures } from './engine';
import { scopingOf } from './scopes';

/** What the old tests read: the control plane down, what is down and unmanageable, the story in one string. */
const blastRadius = (scene: Scene, failed: string[]) => {
  const r = analyzeFailures(scene, failed);
  return {
    ...r,
    controlPlaneDown: r.controlPlane === 'down',
    summary: r.notes.map((n) => n.text),
  };
};
const cellsOf = (scene: Scene) => scopingOf(scene).cells;
/** Each cell's majorities: its process, members and majority. */
const cellMajorities = (scene: Scene) =>
  majorityGroups(scene)
    .filter((g) => g.scope?.startsWith('cell:'))
    .map((g) => ({ cell: g.scope?.slice('cell:'.length), process: g.id, size: g.size, majority: g.needed }));

/**
 * Scenarios from the Nova cells v2 docs (docs/scale.md): each cell has its own database, message queue and
 * conductor; the API database and API-level services sit above the cells. A cell whose database loses its
 * majority is a down cell: its instances keep running, cannot be managed, and no other cell is affected.
 * The processes are named as the failure engine's declarations know them (mariadb, rabbitmq, nova-conductor).
 */
const twoCells = (): Model => ({
  version: 1,
  cells: [{ id: 'cell1' }, { id: 'cell2' }],
  hosts: [
    ...['api1', 'api2', 'api3'].map((id) => ({ id, roles: ['controller' as const] })),
    ...['c1a', 'c1b', 'c1c'].map((id) => ({ id, cell: 'cell1', roles: ['controller' as const] })),
    ...['c2a', 'c2b', 'c2c'].map((id) => ({ id, cell: 'cell2', roles: ['controller' as const] })),
    { id: 'cmp1', cell: 'cell1', roles: ['compute'] },
    { id: 'cmp2', cell: 'cell2', roles: ['compute'] },
  ],
  services: [
    {
      id: 'nova',
      processes: [
        { id: 'nova-api', role: 'controller', hosts: ['api1', 'api2', 'api3'] },
        { id: 'nova-conductor', role: 'controller', hosts: ['api1', 'api2', 'api3'] },
        { id: 'nova-compute', role: 'compute' },
      ],
    },
    {
      id: 'mariadb',
      kind: 'infrastructure',
      processes: [
        {
          id: 'mariadb-api',
          name: 'mariadb',
          role: 'controller',
          hosts: ['api1', 'api2', 'api3'],
          quorum: true,
        },
      ],
    },
    ...(['cell1', 'cell2'] as const).map((cell) => {
      const hosts = cell === 'cell1' ? ['c1a', 'c1b', 'c1c'] : ['c2a', 'c2b', 'c2c'];
      return {
        id: `nova-${cell}`,
        kind: 'infrastructure' as const,
        processes: [
          { id: `mariadb-${cell}`, name: 'mariadb', role: 'controller' as const, hosts, cell, quorum: true },
          {
            id: `rabbitmq-${cell}`,
            name: 'rabbitmq',
            role: 'controller' as const,
            hosts,
            cell,
            quorum: true,
          },
          { id: `conductor-${cell}`, name: 'nova-conductor', role: 'controller' as const, hosts, cell },
        ],
      };
    }),
  ],
  projects: [
    {
      id: 'p',
      vms: [
        { id: 'vm1', flavor: 'm1', host: 'cmp1' },
        { id: 'vm2', flavor: 'm1', host: 'cmp2' },
      ],
    },
  ],
});

describe('Nova cells', () => {
  const scene = deriveScene(twoCells(), 'traditional');

  it("knows each cell's majorities and instances", () => {
    expect(cellsOf(scene).map((c) => [c.id, c.hosts.length, c.vms])).toEqual([
      ['cell1', 4, ['vm1']],
      ['cell2', 4, ['vm2']],
    ]);
    expect(cellMajorities(scene)).toEqual([
      { cell: 'cell1', process: 'mariadb-cell1', size: 3, majority: 2 },
      { cell: 'cell1', process: 'rabbitmq-cell1', size: 3, majority: 2 },
      { cell: 'cell2', process: 'mariadb-cell2', size: 3, majority: 2 },
      { cell: 'cell2', process: 'rabbitmq-cell2', size: 3, majority: 2 },
    ]);
  });

  it("losing a cell's database majority takes that cell's instances out of management, not the other cell's", () => {
    const blast = blastRadius(scene, ['mariadb-cell1@c1a', 'mariadb-cell1@c1b']);
    expect(blast.controlPlaneDown).toBe(false);
    expect(blast.unmanageable.has('vm1')).toBe(true);
    expect(blast.unmanageable.has('vm2')).toBe(false);
    expect(blast.down.has('vm1')).toBe(false);
    expect(blast.summary.join(' ')).toMatch(/Cell cell1: mariadb lost its majority \(1 of 3 up, 2 needed\)/);
    expect(blast.summary.join(' ')).toMatch(/the other 1 cell is not affected/);
  });

  it('one of three cell database members down: the cell keeps its majority', () => {
    const blast = blastRadius(scene, ['mariadb-cell1@c1a']);
    expect(blast.scopes).toEqual([]);
    expect(blast.unmanageable.size).toBe(0);
  });

  it("losing a cell's controllers (database, queue and conductor) is that cell's outage only", () => {
    const blast = blastRadius(scene, ['c2a', 'c2b', 'c2c']);
    expect(blast.controlPlaneDown).toBe(false);
    expect([...blast.unmanageable].filter((id) => id.startsWith('vm'))).toEqual(['vm2']);
  });

  it('losing the API database is the whole control plane: every cell is unmanageable', () => {
    const blast = blastRadius(scene, ['api1', 'api2']);
    expect(blast.controlPlaneDown).toBe(true);
    expect(blast.unmanageable.has('vm1') && blast.unmanageable.has('vm2')).toBe(true);
  });

  it('in a generated cloud of 20 cells, failing one cell database leaves the other 19 managed', () => {
    const model = generateModel(6_000, 2, { regions: 2, zones: 6, cells: 20 });
    const big = deriveScene(model, 'both');
    const cells = cellsOf(big);
    expect(cells).toHaveLength(20);
    const cell7 = cells.find((c) => c.id === 'cell7');
    const db = cell7?.processes.find((p) => p.name === 'mariadb');
    expect(db?.members).toHaveLength(3);
    const blast = blastRadius(big, (db?.members ?? []).slice(0, 2));
    expect(blast.controlPlaneDown).toBe(false);
    const vms = big.elements.filter((e) => e.kind === 'vm');
    const out = vms.filter((v) => blast.unmanageable.has(v.id));
    expect(out.length).toBe(cell7?.vms.length);
    expect(out.every((v) => v.kind === 'vm' && v.cell === 'cell7')).toBe(true);
  });

  it("losing one region's API database takes out that region's instances, not the other region's", () => {
    const model = generateModel(3_000, 2, { regions: 2, zones: 2, cells: 4 });
    const big = deriveScene(model, 'traditional');
    const blast = blastRadius(big, ['regionone-ctl1', 'regionone-ctl2']);
    expect(blast.controlPlaneDown).toBe(false);
    const regionOf = (host: string) => {
      const h = big.byId.get(host);
      return h?.kind === 'host' ? h.region : undefined;
    };
    const vms = big.elements.filter((e) => e.kind === 'vm');
    const out = vms.filter((v) => blast.unmanageable.has(v.id));
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((v) => v.kind === 'vm' && regionOf(v.host) === 'RegionOne')).toBe(true);
    expect(vms.filter((v) => v.kind === 'vm' && regionOf(v.host) === 'RegionOne').length).toBe(out.length);
    expect(blast.summary.join(' ')).toMatch(/Region RegionOne: mariadb lost its majority/);
  });

  it('losing every Keystone (one for all regions) is the whole control plane', () => {
    const model = generateModel(3_000, 2, { regions: 2, zones: 2, cells: 4 });
    const big = deriveScene(model, 'traditional');
    const blast = blastRadius(big, [
      'keystone-api@regionone-ctl1',
      'keystone-api@regionone-ctl2',
      'keystone-api@regionone-ctl3',
    ]);
    expect(blast.controlPlaneDown).toBe(true);
  });
});
