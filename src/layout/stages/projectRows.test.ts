import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../../topology/deriveScene';
import type { ProjectElement } from '../../topology/scene';
import { PROJECTS_GROUP } from '../hosts';
import { SIZES } from '../sizes';
import { collect, hiddenParts } from './collect';
import { hostColumns } from './hostColumns';
import { foldedPlan, planProject } from './planProject';
import { projectRows, wrapRows } from './projectRows';

const NOTHING = hiddenParts(new Set());

describe('projectRows', () => {
  const scene = deriveScene(generateModel(3000, 2), 'both');
  const parts = collect(scene, new Set(), NOTHING);
  const areaW = hostColumns(scene, parts, new Set()).areaW;
  const rows = projectRows(scene, parts, new Set(), areaW);

  it('wraps rows at the host area width (never narrower than 900 px), keeping the projects in order', () => {
    expect(rows.rows.length).toBeGreaterThan(1);
    const maxW = Math.max(areaW - SIZES.margin * 2, 900);
    for (const r of rows.rows) if (r.plans.length > 1) expect(r.w).toBeLessThanOrEqual(maxW);
    // Greedy: the next row's first project would not have fitted.
    rows.rows.forEach((r, i) => {
      const next = rows.rows[i + 1]?.plans[0];
      if (next) expect(r.w + SIZES.projectGap + next.w).toBeGreaterThan(maxW);
    });
    expect(rows.rows.flatMap((r) => r.plans.map((p) => p.project.id))).toEqual(
      parts.projects.map((p) => p.id),
    );
  });

  it('makes the diagram as wide as the host area, or the widest row if wider', () => {
    expect(rows.width).toBe(Math.max(areaW, ...rows.rows.map((r) => r.w + SIZES.margin * 2)));
  });

  it('folds all projects into one box when their group is folded, saying what it holds', () => {
    const grouped = projectRows(scene, parts, new Set([PROJECTS_GROUP]), areaW);
    expect(grouped.rows).toHaveLength(1);
    expect(grouped.rows[0]?.plans.map((p) => p.project.id)).toEqual([PROJECTS_GROUP]);
    const vms = scene.elements.filter((e) => e.kind === 'vm').length;
    expect(grouped.groupSummary).toMatch(new RegExp(`^${vms} VMs`));
  });
});

describe('wrapRows', () => {
  const plan = (id: string, w: number) => ({
    ...foldedPlan({
      id,
      kind: 'project',
      name: id,
      owner: 'tenant',
      layer: 'tenant-vms',
    } satisfies ProjectElement),
    w,
  });

  it('gives a project wider than the row a row of its own', () => {
    const rows = wrapRows([plan('a', 300), plan('b', 1200), plan('c', 300), plan('d', 300)], 1000);
    expect(rows.map((r) => r.plans.map((p) => p.project.id))).toEqual([['a'], ['b'], ['c', 'd']]);
    expect(rows[2]?.w).toBe(600 + SIZES.projectGap);
  });
});

describe('planProject', () => {
  const scene = deriveScene(defaultModel(), 'both');
  const parts = collect(scene, new Set(), NOTHING);

  it("keeps its contents inside it, and a tenant cluster's VMs side by side in one run", () => {
    for (const p of parts.projects) {
      const contents = parts.projectContents.get(p.id) ?? [];
      const plan = planProject(p, contents);
      expect(plan.children.map((c) => c.id).sort()).toEqual(contents.map((e) => e.id).sort());
      for (const c of plan.children) {
        expect(c.x).toBeGreaterThanOrEqual(SIZES.projectPad);
        expect(c.x + c.w).toBeLessThanOrEqual(plan.w - SIZES.projectPad);
        expect(c.y + c.h).toBeLessThanOrEqual(plan.h - SIZES.projectPad);
      }
      for (const [cluster, run] of plan.clusterRuns) {
        const vms = contents.filter((e) => e.kind === 'vm' && e.cluster === cluster).map((e) => e.id);
        const boxes = plan.children.filter((c) => vms.includes(c.id));
        expect(new Set(boxes.map((b) => b.y)).size).toBe(1);
        expect(Math.min(...boxes.map((b) => b.x))).toBe(run.x0);
        expect(Math.max(...boxes.map((b) => b.x + b.w))).toBe(run.x1);
      }
    }
    expect(
      [...parts.projects].some(
        (p) => planProject(p, parts.projectContents.get(p.id) ?? []).clusterRuns.size > 0,
      ),
    ).toBe(true);
  });
});
