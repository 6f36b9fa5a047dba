import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import { deriveScene } from '../../topology/deriveScene';
import { STRUCTURE_LEVELS, structureOf } from '../structure';
import { collect, hiddenParts } from './collect';
import { placeHardwareBand, structureBars } from './hardwareBand';
import { hostColumns } from './hostColumns';
import { newStack } from './stack';

const scene = deriveScene(generateModel(800, 3, { regions: 2, zones: 4, cells: 3 }), 'traditional');
const parts = collect(scene, new Set(), hiddenParts(new Set()));

describe('structureBars', () => {
  it('gives each open region, zone, cell and rack one bar spanning exactly its hosts’ columns', () => {
    const cols = hostColumns(scene, parts, new Set());
    const bars = structureBars(cols, new Set());
    expect(new Set(bars.map((b) => STRUCTURE_LEVELS[b.row]))).toEqual(
      new Set(['region', 'zone', 'cell', 'rack']),
    );
    expect(new Set(bars.map((b) => b.id)).size).toBe(bars.length);
    for (const bar of bars) {
      const inIt = cols.ordered.flatMap((h, i) => (structureOf(h).some((g) => g.id === bar.id) ? [i] : []));
      expect(bar.x0).toBe(Math.min(...inIt.map((i) => cols.x[i] ?? 0)));
      expect(bar.x1).toBe(Math.max(...inIt.map((i) => (cols.x[i] ?? 0) + (cols.w[i] ?? 0))));
    }
  });

  it('gives a folded zone no bar of its own, and the bar of its region still spans it', () => {
    const zone = scene.places?.find((p) => p.level === 'zone');
    if (!zone) throw new Error('the generated cloud has zones');
    const collapsed = new Set([`group:zone:${zone.id}`]);
    const cols = hostColumns(scene, collect(scene, collapsed, hiddenParts(new Set())), collapsed);
    const column = cols.ordered.findIndex((h) => h.id === `group:zone:${zone.id}`);
    expect(column).toBeGreaterThanOrEqual(0);
    const bars = structureBars(cols, collapsed);
    expect(bars.some((b) => b.id === `group:zone:${zone.id}`)).toBe(false);
    const x = cols.x[column] ?? Number.NaN;
    const region = bars.find((b) => STRUCTURE_LEVELS[b.row] === 'region' && b.x0 <= x && x < b.x1);
    expect(region).toBeDefined();
  });
});

describe('placeHardwareBand', () => {
  it('puts a box per column under the band label, and the bars under them, the finest level nearest the hosts', () => {
    const cols = hostColumns(scene, parts, new Set());
    const s = newStack(cols.areaW);
    placeHardwareBand(s, scene, parts.hosts, cols, new Set());
    const [band] = s.bands;
    const hosts = s.boxes.filter((b) => b.kind === 'host');
    expect(hosts.map((b) => b.id)).toEqual(cols.ordered.map((h) => h.id));
    const hostBottom = Math.max(...hosts.map((b) => b.y + b.h));
    const yOf = (level: string) =>
      s.boxes.find((b) => b.kind === 'structure' && b.level === level)?.y ?? Number.NaN;
    const ys = ['rack', 'cell', 'zone', 'region'].map(yOf);
    expect(ys[0]).toBeGreaterThan(hostBottom);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (const b of s.boxes) expect(b.y + b.h).toBeLessThanOrEqual((band?.y ?? 0) + (band?.h ?? 0));
    const n = (level: string) => scene.places?.filter((p) => p.level === level).length ?? 0;
    const racks = new Set(parts.hosts.map((h) => h.rack).filter(Boolean)).size;
    expect(band?.sublabel).toBe(
      `${parts.hosts.length} hosts, ${n('region')} regions, ${n('zone')} zones, ${n('cell')} cells in ${racks} racks`,
    );
  });
});
