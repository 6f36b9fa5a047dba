import { describe, expect, it } from 'vitest';
import { countElements } from '../model/countElements';
import { generateModel } from '../model/generate';
import type { Model } from '../model/schema';
import { validateModel } from '../model/validate';
import { deriveScene } from '../topology/deriveScene';
import type { HostElement } from '../topology/scene';
import { layoutProblems } from './checkLayout';
import { defaultCollapsed, layoutScene } from './layoutScene';
import { START_BOXES, structureOf } from './structure';

/** A small cloud in two regions: region-level controllers, two zones, three cells, one Ironic node. */
const small = (): Model => ({
  version: 1,
  regions: [{ id: 'RegionOne' }, { id: 'RegionTwo' }],
  availabilityZones: [
    { id: 'az1', region: 'RegionOne' },
    { id: 'az2', region: 'RegionTwo' },
  ],
  aggregates: [{ id: 'gpu', zone: 'az1', hosts: ['c1', 'c2'] }],
  cells: [
    { id: 'cell1', region: 'RegionOne' },
    { id: 'cell2', region: 'RegionOne' },
    { id: 'cell3', region: 'RegionTwo' },
  ],
  hosts: [
    { id: 'ctl1', region: 'RegionOne', roles: ['controller'] },
    { id: 'ctl2', region: 'RegionTwo', roles: ['controller'] },
    { id: 'c1', zone: 'az1', cell: 'cell1', rack: 'r1', roles: ['compute'] },
    { id: 'c2', zone: 'az1', cell: 'cell2', rack: 'r1', roles: ['compute'] },
    { id: 'c3', zone: 'az2', cell: 'cell3', rack: 'r1', roles: ['compute'] },
    {
      id: 'bm1',
      zone: 'az1',
      cell: 'cell1',
      roles: ['baremetal'],
      ironic: { node: '7f1c', resourceClass: 'baremetal.gpu' },
    },
  ],
  services: [
    { id: 'nova', processes: [{ id: 'nova-api', role: 'controller' }] },
    {
      id: 'cell1-db',
      kind: 'infrastructure',
      processes: [{ id: 'mariadb-cell1', role: 'controller', hosts: ['ctl1'], cell: 'cell1', quorum: true }],
    },
  ],
  projects: [
    {
      id: 'p',
      vms: [
        { id: 'vm1', flavor: 'm1', host: 'c1' },
        { id: 'metal1', flavor: 'bm', host: 'bm1' },
      ],
    },
  ],
});

const issuesOf = (m: unknown) => {
  const r = validateModel(m);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('regions, zones, aggregates, cells and bare metal in the model', () => {
  it('accepts a structured model, and every existing shape stays valid', () => {
    expect(issuesOf(small())).toEqual([]);
  });

  it('refuses references to regions, zones and cells that do not exist', () => {
    const m = small() as { hosts: Record<string, unknown>[]; aggregates: Record<string, unknown>[] };
    m.hosts[2] = { ...m.hosts[2], zone: 'az9' };
    m.hosts[3] = { ...m.hosts[3], cell: 'cell9' };
    m.aggregates[0] = { ...m.aggregates[0], hosts: ['c1', 'nope'] };
    expect(issuesOf(m)).toEqual([
      "$.aggregates[0].hosts[1]: host 'nope' is not in hosts",
      "$.hosts[2].zone: host 'c1' is in zone 'az9', which is not in availabilityZones",
      "$.hosts[3].cell: host 'c2' is in cell 'cell9', which is not in cells",
    ]);
  });

  it('refuses a host placed in two regions by its zone and its cell', () => {
    const m = small() as { hosts: Record<string, unknown>[] };
    m.hosts[2] = { ...m.hosts[2], cell: 'cell3' };
    expect(issuesOf(m)).toEqual([
      "$.hosts[2].cell: host 'c1' would be in two regions: 'RegionOne' (zone 'az1') and 'RegionTwo' (cell 'cell3')",
    ]);
  });

  it('gives an Ironic node whole to one instance, and runs no service on it', () => {
    const m = small() as { projects: { vms: Record<string, unknown>[] }[]; hosts: Record<string, unknown>[] };
    m.projects[0]?.vms.push({ id: 'metal2', flavor: 'bm', host: 'bm1' });
    m.hosts[5] = { ...m.hosts[5], roles: ['baremetal', 'compute'] };
    expect(issuesOf(m)).toEqual([
      "$.hosts[5].roles: host 'bm1' is a baremetal node and cannot have other roles: Nova gives it whole to one instance",
      "$.projects[0].vms[2].host: VM 'metal2' is deployed on bare-metal host 'bm1', which already serves 'metal1' (one instance per Ironic node)",
    ]);
  });

  it('places hosts in their structure and marks bare-metal instances', () => {
    const scene = deriveScene(small(), 'both');
    const c1 = scene.byId.get('c1') as HostElement;
    expect([c1.region, c1.zone, c1.cell, c1.aggregates]).toEqual(['RegionOne', 'az1', 'cell1', ['gpu']]);
    const metal = scene.byId.get('metal1');
    expect(metal?.kind === 'vm' && metal.baremetal && metal.cell).toBe('cell1');
    const vm1 = scene.byId.get('vm1');
    expect(vm1?.kind === 'vm' && !vm1.baremetal && vm1.cell).toBe('cell1');
    // An Ironic node is a tenant's server: it does not join the operator's Kubernetes.
    expect(scene.byId.has('operator-k8s/bm1')).toBe(false);
    expect(scene.byId.get('mariadb-cell1@ctl1')).toMatchObject({ cell: 'cell1' });
    expect(countElements(small()).total).toBe(scene.elements.length);
  });

  it('draws region, zone, cell and rack bars under open hosts, each group contiguous', () => {
    const layout = layoutScene(deriveScene(small(), 'traditional'));
    expect(layoutProblems(layout)).toEqual([]);
    const bars = layout.boxes.filter((b) => b.kind === 'structure');
    expect(bars.map((b) => b.label)).toEqual(
      expect.arrayContaining(['Region RegionOne', 'Zone az1', 'Cell cell1', 'Cell cell2', 'Rack r1']),
    );
    // Every host sits above the bars of its own region, zone and cell.
    for (const b of layout.boxes.filter((x) => x.kind === 'host')) {
      const host = layout.scene.byId.get(b.id) as HostElement;
      for (const g of structureOf(host)) {
        const bar = layout.byId.get(g.id);
        expect(bar, `${b.id} in ${g.id}`).toBeDefined();
        if (bar) expect(bar.x <= b.x && b.x + b.w <= bar.x + bar.w).toBe(true);
      }
    }
  });
});

describe('a big cloud starts folded by its own structure', () => {
  const model = generateModel(12_000, 3, { regions: 2, zones: 6, cells: 20 });
  const scene = deriveScene(model, 'both');

  it('is a valid model with the structure asked for', () => {
    expect(issuesOf(model)).toEqual([]);
    expect(model.regions).toHaveLength(2);
    expect(model.availabilityZones).toHaveLength(6);
    expect(model.cells).toHaveLength(20);
    expect(model.hosts.some((h) => h.roles.includes('baremetal'))).toBe(true);
  });

  it('starts as its zones under open regions, and unfolds a zone into its cells', () => {
    const folded = defaultCollapsed(scene);
    const start = layoutScene(scene, { collapsed: folded });
    expect(layoutProblems(start)).toEqual([]);
    const groups = start.boxes.filter((b) => b.kind === 'host-group');
    const zones = groups.filter((b) => b.id.startsWith('group:zone:'));
    expect(zones.map((b) => b.label)).toEqual([
      'Zone az1',
      'Zone az2',
      'Zone az3',
      'Zone az4',
      'Zone az5',
      'Zone az6',
    ]);
    expect(groups.length).toBeLessThanOrEqual(START_BOXES);
    for (const z of zones) expect(z.summary).toMatch(/^[\d,]+ hosts · [\d,]+ VMs/);
    expect(start.boxes.filter((b) => b.kind === 'structure').map((b) => b.label)).toEqual([
      'Region RegionOne',
      'Region RegionTwo',
    ]);
    // The numbers of the folded zones add up to the cloud's compute hosts and VMs in zones.
    const inZones = scene.elements.filter((e) => e.kind === 'host' && e.zone !== undefined).length;
    const sum = zones.reduce(
      (n, z) => n + Number(/^([\d,]+) hosts/.exec(z.summary ?? '')?.[1]?.replace(/,/g, '')),
      0,
    );
    expect(sum).toBe(inZones);

    const open = new Set(folded);
    open.delete('group:zone:az1');
    const unfolded = layoutScene(scene, { collapsed: open });
    expect(layoutProblems(unfolded)).toEqual([]);
    const cells = unfolded.boxes.filter((b) => b.kind === 'host-group' && b.id.startsWith('group:cell:'));
    const cellsOfAz1 = model.hosts.filter((h) => h.zone === 'az1').map((h) => h.cell);
    expect(new Set(cells.map((c) => c.label?.replace('Cell ', '')))).toEqual(new Set(cellsOfAz1));
    expect(unfolded.byId.get('group:zone:az1')?.kind).toBe('structure');
  });
});
