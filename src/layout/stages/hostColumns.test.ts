import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../../topology/deriveScene';
import type { HostElement } from '../../topology/scene';
import { hostGroupId } from '../hosts';
import { SIZES } from '../sizes';
import { nameWidth } from '../text';
import { collect, hiddenParts } from './collect';
import { foldColumns, hostColumns } from './hostColumns';
import { placeOpenStackBand, placeOperatorBand } from './platformBands';
import { newStack } from './stack';

const NOTHING = hiddenParts(new Set());
const scene = deriveScene(defaultModel(), 'both');
const parts = collect(scene, new Set(), NOTHING);

describe('hostColumns', () => {
  const cols = hostColumns(scene, parts, new Set());

  it('keeps what runs on a host (its services, its operator node) inside its column', () => {
    const s = newStack(cols.areaW);
    placeOpenStackBand(s, scene, parts, cols);
    if (!parts.opCluster) throw new Error('the default model has an operator cluster in "both"');
    placeOperatorBand(s, parts.opCluster, new Set(), parts, cols);
    const column = new Map(cols.ordered.map((h, i) => [h.id, i]));
    let checked = 0;
    for (const b of s.boxes) {
      const el = scene.elements.find((e) => e.id === b.id);
      const host = el?.kind === 'service' ? el.host : el?.kind === 'k8s-node' ? el.machine : undefined;
      if (host === undefined) continue;
      const i = column.get(host) ?? -1;
      expect(b.x, b.id).toBeGreaterThanOrEqual(cols.x[i] ?? Number.NaN);
      expect(b.x + b.w, b.id).toBeLessThanOrEqual((cols.x[i] ?? 0) + (cols.w[i] ?? 0) + 0.5);
      checked++;
    }
    const services = scene.elements.filter((e) => e.kind === 'service').length;
    expect(checked).toBe(services + parts.opNodes.size);
    expect(parts.opNodes.size).toBeGreaterThan(0);
  });

  it('places columns left to right without overlap, inside the host area', () => {
    cols.x.forEach((x, i) => {
      if (i > 0) expect(x).toBeGreaterThanOrEqual((cols.x[i - 1] ?? 0) + (cols.w[i - 1] ?? 0) + SIZES.colGap);
    });
    const last = cols.x.length - 1;
    expect(cols.areaW).toBe((cols.x[last] ?? 0) + (cols.w[last] ?? 0) + SIZES.margin);
    expect(cols.x[0]).toBe(SIZES.margin);
  });

  it("makes a column wide enough for its operator node's label", () => {
    cols.ordered.forEach((h, i) => {
      if (parts.opNodes.has(h.id))
        expect(cols.w[i]).toBeGreaterThanOrEqual(nameWidth(`${h.name} · control-plane`, 10) + 16);
    });
  });

  it('sizes the OpenStack band by the column with the most chip rows', () => {
    const most = Math.max(...cols.chipRows.map((r) => r.length));
    expect(cols.stackH).toBe(most * SIZES.chipH + (most - 1) * SIZES.chipGap);
  });
});

describe('foldColumns', () => {
  const big = deriveScene(generateModel(2000, 5), 'traditional');
  const hosts = big.elements.filter((e): e is HostElement => e.kind === 'host');
  const computes = hosts.filter((h) => h.roles.includes('compute'));
  const group = hostGroupId(computes[0] as HostElement);

  it('makes a folded group of hosts one column holding all its members', () => {
    const f = foldColumns(big, hosts, new Set([group]));
    expect(f.ordered.filter((h) => h.id === group)).toHaveLength(1);
    expect(f.groupMembers.get(group)).toHaveLength(computes.length);
    for (const c of computes) {
      expect(f.columnOf.get(c.id)).toBe(group);
      expect(f.ordered.some((h) => h.id === c.id)).toBe(false);
    }
    expect(f.ordered).toHaveLength(hosts.length - computes.length + 1);
  });

  it('keeps one column per host when nothing is folded, operator members first', () => {
    const f = foldColumns(scene, parts.hosts, new Set());
    expect(f.ordered.map((h) => h.id).sort()).toEqual(parts.hosts.map((h) => h.id).sort());
    const firstOutside = f.ordered.findIndex((h) => !h.operatorMember);
    expect(f.ordered.slice(firstOutside).every((h) => !h.operatorMember)).toBe(true);
  });
});
