import type { HostElement, Scene } from '../../topology/scene';
import { type Chip, flowRows, rowsHeight } from '../chips';
import { hostGroupId, hostSubtitle, orderHosts, ROLE_WORDS } from '../hosts';
import { SIZES as S } from '../sizes';
import {
  foldedGroupOf,
  type GroupTally,
  structureNames,
  structureOf,
  tallyGroups,
  tallyLines,
  tallyWords,
} from '../structure';
import { nameWidth, textWidth } from '../text';
import type { Collected } from './collect';

/** Which host is in which column: an open host is a column; a folded group of hosts is one column. */
interface ColumnFolds {
  /**
   * One host per column, left to right: open hosts, and for a folded group a stand-in (never an element: the
   * group box takes its place) with the group's id and name and its first member's other fields.
   */
  ordered: HostElement[];
  /** A folded group's members by the group's id. */
  groupMembers: Map<string, HostElement[]>;
  /** A folded host's column (its group's id), by host id. */
  columnOf: Map<string, string>;
  /** A folded region, zone, cell or rack's label, by its id (folded role groups have none). */
  groupLabel: Map<string, string>;
  /** Region, zone and cell names, by group id. */
  names: ReadonlyMap<string, string>;
}

/** The host columns, placed: their folds, each column's x (before centring) and width, and its service chips. */
export interface HostColumns extends ColumnFolds {
  /** What each folded group and each open structure group holds. */
  tallies: ReadonlyMap<string, GroupTally>;
  x: number[];
  w: number[];
  /** Each column's service chips, in rows. */
  chipRows: Chip[][][];
  /** The tallest column's chip rows: the OpenStack band's inner height. */
  stackH: number;
  /** The width of the host area, margins included. */
  areaW: number;
}

/** Folds hosts into columns, in column order. */
export function foldColumns(
  scene: Scene,
  hosts: readonly HostElement[],
  collapsed: ReadonlySet<string>,
): ColumnFolds {
  const f: ColumnFolds = {
    ordered: [],
    groupMembers: new Map(),
    columnOf: new Map(),
    groupLabel: new Map(),
    names: structureNames(scene),
  };
  for (const h of orderHosts(hosts)) {
    const folded = foldedGroupOf(h, collapsed);
    const g = folded?.id ?? hostGroupId(h);
    if (!collapsed.has(g)) {
      f.ordered.push(h);
      continue;
    }
    if (folded && !f.groupLabel.has(g))
      f.groupLabel.set(g, structureOf(h, f.names).find((x) => x.id === g)?.label ?? g);
    f.columnOf.set(h.id, g);
    const members = f.groupMembers.get(g);
    if (members) {
      members.push(h);
      continue;
    }
    f.groupMembers.set(g, [h]);
    f.ordered.push({
      ...h,
      id: g,
      name: f.groupLabel.get(g) ?? ROLE_WORDS[g.split(':')[1] ?? ''] ?? 'hosts',
      rack: undefined,
      capacity: undefined,
    });
  }
  return f;
}

/** A folded group's (or open structure group's) one-line summary ("" when it holds nothing). */
export function groupSummary(tallies: ReadonlyMap<string, GroupTally>, id: string): string {
  const t = tallies.get(id);
  return t ? tallyWords(t) : '';
}

/** A folded region, zone, cell or rack's two lines. */
export function groupLines(tallies: ReadonlyMap<string, GroupTally>, id: string): [string, string] {
  const t = tallies.get(id);
  return t ? tallyLines(t) : ['', ''];
}

/** The narrowest each column may be: what its host box (or group box, or operator node) must show. */
function minWidths(f: ColumnFolds, parts: Collected, tallies: ReadonlyMap<string, GroupTally>): number[] {
  return f.ordered.map((h) =>
    Math.max(
      f.groupMembers.has(h.id) ? 170 : 0,
      ...(f.groupLabel.has(h.id) ? groupLines(tallies, h.id).map((l) => textWidth(l, 10) + 28) : [0]),
      nameWidth(h.name, 12) + (h.rack ? nameWidth(h.rack, 9) + 26 : 16),
      ...hostSubtitle(h).map((l) => textWidth(l, S.hostFont) + 16),
      parts.opNodes.has(h.id) ? nameWidth(`${h.name} · control-plane`, 10) + 16 : 0,
      76,
    ),
  );
}

/** Column widths: the densest column sets how many chip rows the OpenStack band has; sparser columns get narrower. */
function columnWidths(chips: readonly Chip[][], minW: readonly number[]): number[] {
  const maxRows = Math.max(
    1,
    ...chips.map((c, i) => flowRows(c, Math.max(S.chipAreaMax, minW[i] ?? 0), S.chipGap).length),
  );
  return chips.map((c, i) => {
    const widest = Math.max(0, ...c.map((chip) => chip.w));
    let w = Math.max(minW[i] ?? 0, Math.min(widest, S.chipAreaMax));
    while (w < S.chipAreaMax && flowRows(c, w, S.chipGap).length > maxRows) w += 8;
    return Math.ceil(w);
  });
}

/** Columns' x from the left margin: a small gap within a group of alike hosts, a wider one between groups. */
function columnXs(ordered: readonly HostElement[], w: readonly number[]): { x: number[]; right: number } {
  const groupOf = (h: HostElement) =>
    `${h.operatorMember}:${h.roles.includes('compute') ? 'c' : h.roles[0]}:${structureOf(h)[0]?.id ?? ''}:${structureOf(h)[1]?.id ?? ''}`;
  const xs: number[] = [];
  let x = S.margin;
  ordered.forEach((h, i) => {
    const prev = ordered[i - 1];
    if (prev) x += groupOf(prev) === groupOf(h) ? S.colGap : S.groupGap;
    xs.push(x);
    x += w[i] ?? 0;
  });
  return { x: xs, right: x };
}

/**
 * Stage 2: host columns. Each host (or folded group of hosts) is a column shared by the hardware, operator
 * Kubernetes and OpenStack bands, so what runs on a host sits right above it.
 */
export function hostColumns(scene: Scene, parts: Collected, collapsed: ReadonlySet<string>): HostColumns {
  const f = foldColumns(scene, parts.hosts, collapsed);
  // What each folded group holds, and each open structure group (for its bar), in one pass.
  const tallies = tallyGroups(scene, (h) => {
    const out = structureOf(h).map((g) => g.id);
    const column = f.columnOf.get(h.id);
    if (column !== undefined && !out.includes(column)) out.push(column);
    return out;
  });
  const chips = f.ordered.map((h) =>
    (parts.servicesByHost.get(h.id) ?? []).map((el) => ({
      el,
      w: nameWidth(el.name, S.chipFont) + S.chipPadX,
    })),
  );
  const w = columnWidths(chips, minWidths(f, parts, tallies));
  const { x, right } = columnXs(f.ordered, w);
  const chipRows = chips.map((c, i) => flowRows(c, w[i] ?? 0, S.chipGap));
  const stackH = Math.max(0, ...chipRows.map((rows) => rowsHeight(rows.length, S.chipH, S.chipGap)));
  return { ...f, tallies, x, w, chipRows, stackH, areaW: right + S.margin };
}
