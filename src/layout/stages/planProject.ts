import { defOf, isProjectResource } from '../../kinds';
import type { ProjectElement, SceneElement, VmElement } from '../../topology/scene';
import { type Chip, flowRows, placeRows, rowsHeight } from '../chips';
import { SIZES as S } from '../sizes';
import { nameWidth, textWidth } from '../text';
import type { ElementBox } from '../types';

/** A project's size and its contents, placed relative to its own top-left. */
export interface ProjectPlan {
  project: ProjectElement;
  w: number;
  h: number;
  /** Boxes relative to the project's top-left. */
  children: ElementBox[];
  /** Per tenant cluster: the x-range of its VMs, relative. */
  clusterRuns: Map<string, { x0: number; x1: number }>;
}

/** The short text a resource chip shows (its kind's `chipText`, else its name): it sets the chip's width. */
export function resourceLabel(el: SceneElement): string {
  return defOf(el).chipText?.(el) ?? el.name;
}

/** A folded project: its header and a summary line. */
export function foldedPlan(project: ProjectElement): ProjectPlan {
  const w =
    textWidth('PROJECT', 9) * 1.1 + nameWidth(project.name, 12, true) + textWidth(project.owner, 10) + 28;
  return {
    project,
    w: Math.max(w, 150) + S.projectPad * 2,
    h: S.projectHead + S.summaryH + S.projectPad,
    children: [],
    clusterRuns: new Map(),
  };
}

/** A project's VMs, relative to its VM area: a run per tenant cluster, then a grid of plain VMs. */
interface VmGrid {
  placed: { vm: VmElement; x: number; row: number }[];
  clusterRuns: Map<string, { x0: number; x1: number }>;
  /** Rows of VMs, and rows of the plain VMs' grid. */
  rows: number;
  gridRows: number;
  w: number;
}

/** VMs: one row per tenant cluster (so its Kubernetes can sit right above), then a grid of plain VMs. */
function planVms(vms: readonly VmElement[]): VmGrid {
  const runs = new Map<string, VmElement[]>();
  const plain: VmElement[] = [];
  for (const vm of vms) {
    if (vm.cluster === undefined) plain.push(vm);
    else {
      const run = runs.get(vm.cluster);
      if (run) run.push(vm);
      else runs.set(vm.cluster, [vm]);
    }
  }
  const clusterRuns = new Map<string, { x0: number; x1: number }>();
  const placed: VmGrid['placed'] = [];
  let x = 0;
  for (const [cluster, run] of runs) {
    const x0 = x;
    for (const vm of run) {
      placed.push({ vm, x, row: 0 });
      x += S.vmW + S.vmGap;
    }
    clusterRuns.set(cluster, { x0, x1: x - S.vmGap });
    x += S.projectGap - S.vmGap + S.clusterPad * 2;
  }
  const cols =
    plain.length === 0 ? 0 : Math.min(plain.length, Math.max(4, Math.ceil(Math.sqrt(plain.length * 2))));
  const gridRows = cols === 0 ? 0 : Math.ceil(plain.length / cols);
  plain.forEach((vm, i) => {
    placed.push({ vm, x: x + (i % cols) * (S.vmW + S.vmGap), row: Math.floor(i / cols) });
  });
  const rows = Math.max(runs.size > 0 ? 1 : 0, gridRows);
  return { placed, clusterRuns, rows, gridRows, w: Math.max(0, ...placed.map((p) => p.x + S.vmW)) };
}

/** An open project: its resource chips in rows under the header, its VMs below them. */
export function planProject(project: ProjectElement, contents: readonly SceneElement[]): ProjectPlan {
  const grid = planVms(contents.filter((e): e is VmElement => e.kind === 'vm'));
  const resources = contents.filter(isProjectResource);
  // "PROJECT" (uppercase, letter-spaced), the name, the owner, and the paddings and gaps between them.
  const headerW =
    textWidth('PROJECT', 9) * 1.1 +
    nameWidth(project.name, 12, true) +
    textWidth(project.owner, 10) +
    6 * 2 +
    16;
  const chips: Chip[] = resources.map((el) => ({
    el,
    w: nameWidth(resourceLabel(el), S.resourceFont) + S.resourcePadX,
  }));
  const innerW = Math.max(
    grid.w,
    headerW,
    Math.min(
      360,
      chips.reduce((s, c) => s + c.w + 4, 0),
    ),
  );
  const resRows = flowRows(chips, innerW, S.resourceGap);
  const resH = rowsHeight(resRows.length, S.resourceH, S.resourceGap);
  const pad = S.projectPad;
  const resY = S.projectHead;
  const vmY = resY + (resH > 0 ? resH + 6 : 0);
  const children: ElementBox[] = [];
  placeRows(
    resRows,
    { x: pad, y: resY, width: innerW, h: S.resourceH, gap: S.resourceGap, parent: project.id },
    children,
  );
  // Plain VMs are aligned to the bottom so that cluster runs and the grid share a bottom line.
  for (const { vm, x, row } of grid.placed) {
    const bottomRow = vm.cluster !== undefined ? grid.rows - 1 : row + (grid.rows - grid.gridRows);
    const y = vmY + bottomRow * (S.vmH + S.vmGap);
    children.push({
      id: vm.id,
      kind: 'vm',
      layer: vm.layer,
      x: pad + x,
      y,
      w: S.vmW,
      h: S.vmH,
      parent: project.id,
    });
  }
  const clusterRuns = new Map<string, { x0: number; x1: number }>();
  for (const [cluster, run] of grid.clusterRuns)
    clusterRuns.set(cluster, { x0: run.x0 + pad, x1: run.x1 + pad });
  return {
    project,
    w: innerW + pad * 2,
    h: vmY + rowsHeight(grid.rows, S.vmH, S.vmGap) + pad,
    children,
    clusterRuns,
  };
}
