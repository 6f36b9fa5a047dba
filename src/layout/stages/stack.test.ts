import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import { deriveScene } from '../../topology/deriveScene';
import { VIEWS } from '../../topology/views';
import { layoutScene } from '../layoutScene';
import { SIZES } from '../sizes';
import { collect, hiddenParts } from './collect';
import { hostColumns } from './hostColumns';
import { projectRows } from './projectRows';
import { addBand, newStack } from './stack';
import { placeTenantBands } from './tenantBands';

describe('addBand', () => {
  it('stacks full-width bands top to bottom without gaps, from the top margin', () => {
    const s = newStack(500);
    const a = addBand(s, 'a', 'tenant-vms', 'A', '', 40);
    const b = addBand(s, 'b', 'hardware', 'B', '', 60);
    expect([a.y, b.y, s.y]).toEqual([SIZES.margin, SIZES.margin + 40, SIZES.margin + 100]);
    expect(s.bands.map((x) => [x.x, x.w])).toEqual([
      [0, 500],
      [0, 500],
    ]);
  });
});

const scene = deriveScene(generateModel(3000, 2), 'both');

describe('the bands, bottom-up', () => {
  it.each(VIEWS)(
    'are hardware, operator Kubernetes, OpenStack, then the project rows in order (%s)',
    (view) => {
      const l = layoutScene(deriveScene(generateModel(3000, 2), view));
      const up = l.bands.map((b) => b.id).reverse();
      const rows = up.slice(up.indexOf('openstack') + 1);
      expect(up.slice(0, up.indexOf('openstack') + 1)).toEqual(
        l.scene.flags.controlPlaneOnK8s
          ? ['hardware', 'operator-k8s', 'openstack']
          : ['hardware', 'openstack'],
      );
      const n = rows.filter((id) => id.startsWith('tenant-vms')).length;
      expect(n).toBeGreaterThan(1);
      const expected = Array.from({ length: n }, (_, i) => i + 1).flatMap((i) =>
        l.scene.flags.k8sInTenant ? [`tenant-vms-${i}`, `tenant-k8s-${i}`] : [`tenant-vms-${i}`],
      );
      // A row without a tenant cluster has no Kubernetes band.
      expect(expected.filter((id) => id.startsWith('tenant-vms') || rows.includes(id))).toEqual(rows);
      l.bands.forEach((b, i) => {
        if (i > 0) expect(b.y).toBe((l.bands[i - 1]?.y ?? 0) + (l.bands[i - 1]?.h ?? 0));
      });
    },
  );
});

describe('placeTenantBands', () => {
  const parts = collect(scene, new Set(), hiddenParts(new Set()));
  const rows = projectRows(scene, parts, new Set(), hostColumns(scene, parts, new Set()).areaW);

  it("puts each tenant cluster right above its VMs, inside its row's Kubernetes band", () => {
    const s = newStack(rows.width);
    placeTenantBands(s, true, parts, rows);
    const at = new Map(s.boxes.map((b) => [b.id, b]));
    const band = (y: number) => s.bands.find((b) => b.y <= y && y < b.y + b.h);
    let checked = 0;
    for (const c of parts.tenantClusters) {
      const box = at.get(c.id);
      if (!box) throw new Error(`no box for ${c.id}`);
      const vms = (parts.projectContents.get(c.project) ?? []).filter(
        (e) => e.kind === 'vm' && e.cluster === c.id,
      );
      const vmBoxes = vms.map((v) => at.get(v.id)).filter((b) => b !== undefined);
      expect(vmBoxes.length).toBe(vms.length);
      for (const v of vmBoxes) {
        expect(v.x).toBeGreaterThanOrEqual(box.x);
        expect(v.x + v.w).toBeLessThanOrEqual(box.x + box.w);
        expect(v.y).toBeGreaterThan(box.y + box.h);
      }
      const k8s = band(box.y);
      const below = k8s ? s.bands[s.bands.indexOf(k8s) + 1] : undefined;
      expect(k8s?.layer).toBe('tenant-k8s');
      expect(below?.id).toBe(k8s?.id.replace('tenant-k8s', 'tenant-vms'));
      expect(band(vmBoxes[0]?.y ?? -1)).toBe(below);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('draws no tenant Kubernetes band in a view without it', () => {
    const s = newStack(rows.width);
    placeTenantBands(s, false, parts, rows);
    expect(s.bands.every((b) => b.layer === 'tenant-vms')).toBe(true);
    expect(s.boxes.some((b) => b.kind === 'tenant-cluster')).toBe(false);
  });
});
