import type { HostElement, Scene } from '../../topology/scene';
import { SIZES as S } from '../sizes';
import { STRUCTURE_LEVELS, type StructureLevel, structureOf } from '../structure';
import type { HostGroupBox } from '../types';
import { groupLines, groupSummary, type HostColumns } from './hostColumns';
import { addBand, type Stack } from './stack';

/** ", 2 regions, 6 zones, 20 cells" for the hardware band's sublabel ("" without structure). */
function structureWords(scene: Scene): string {
  const n = { region: 0, zone: 0, cell: 0 };
  for (const p of scene.places ?? []) n[p.level]++;
  const parts: string[] = [];
  if (n.region > 1) parts.push(`${n.region} regions`);
  if (n.zone > 0) parts.push(`${n.zone} ${n.zone === 1 ? 'zone' : 'zones'}`);
  if (n.cell > 0) parts.push(`${n.cell} ${n.cell === 1 ? 'cell' : 'cells'}`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** The hardware band's sublabel: how many hosts, in what structure, in how many racks. */
function hardwareSublabel(scene: Scene, hosts: readonly HostElement[]): string {
  const racks = new Set(hosts.map((h) => h.rack).filter(Boolean));
  const inRacks = racks.size ? ` in ${racks.size} ${racks.size === 1 ? 'rack' : 'racks'}` : '';
  return `${hosts.length} ${hosts.length === 1 ? 'host' : 'hosts'}${structureWords(scene)}${inRacks}`;
}

/** An open structure group's bar: its extent over the columns. */
interface Bar {
  id: string;
  label: string;
  /** Its level's index in STRUCTURE_LEVELS. */
  row: number;
  x0: number;
  x1: number;
}

/** Whether the column `columnId` is a folded group at or above group `groupId`'s level (then it has no bar there). */
function isFoldedBelow(columnId: string, groupId: string): boolean {
  if (!columnId.startsWith('group:')) return false;
  const level = (id: string) => STRUCTURE_LEVELS.indexOf(id.split(':')[1] as StructureLevel);
  const c = level(columnId);
  return c >= 0 && c <= level(groupId);
}

/**
 * The bars of the open structure groups: for each level, runs of adjacent columns in the same open group. A
 * folded group is a column of its own (its box says what it is), so it gets no bar of its level, only of the
 * open levels above it.
 */
export function structureBars(cols: HostColumns, collapsed: ReadonlySet<string>): Bar[] {
  const bars: Bar[] = [];
  // A group split across the operator cluster's edge (a storage host beside its zone's members) gets one bar.
  const used = new Set<string>();
  const open: (Bar | undefined)[] = STRUCTURE_LEVELS.map(() => undefined);
  cols.ordered.forEach((h, i) => {
    // A folded group's stand-in keeps the host's fields: its groups are the ones above the folded one.
    const groups = structureOf(h, cols.names);
    const x0 = cols.x[i] ?? 0;
    const x1 = x0 + (cols.w[i] ?? 0);
    STRUCTURE_LEVELS.forEach((level, row) => {
      const g = groups.find((x) => x.level === level);
      const current = open[row];
      const show = g !== undefined && !collapsed.has(g.id) && h.id !== g.id && !isFoldedBelow(h.id, g.id);
      if (show && current && current.id === g.id) {
        current.x1 = x1;
        return;
      }
      open[row] = undefined;
      if (show && !used.has(g.id)) {
        used.add(g.id);
        const bar: Bar = { id: g.id, label: g.label, row, x0, x1 };
        bars.push(bar);
        open[row] = bar;
      }
    });
  });
  return bars;
}

/** A folded group's box: a region, zone, cell or rack says what it holds; a role group, how many hosts. */
function hostGroupBox(
  cols: HostColumns,
  h: HostElement,
  members: readonly HostElement[],
  at: Omit<HostGroupBox, 'kind' | 'label' | 'summary'>,
): HostGroupBox {
  if (cols.groupLabel.has(h.id)) {
    const [summary, detail] = groupLines(cols.tallies, h.id);
    return { ...at, kind: 'host-group', label: h.name, summary, detail };
  }
  const vms = cols.tallies.get(h.id)?.vms ?? 0;
  const summary = vms ? `${vms} VMs run on them` : (members[0]?.roles.join(' · ') ?? '');
  return { ...at, kind: 'host-group', label: `${members.length} ${h.name}`, summary };
}

/**
 * Stage 4d: the hardware band, at the bottom: a box per column (a host, or a folded group of hosts), and under
 * them a bar per open region, zone, cell and rack, the finest level nearest the hosts.
 */
export function placeHardwareBand(
  s: Stack,
  scene: Scene,
  hosts: readonly HostElement[],
  cols: HostColumns,
  collapsed: ReadonlySet<string>,
): void {
  const bars = structureBars(cols, collapsed);
  const barRows = new Set(bars.map((b) => b.row));
  const levels = STRUCTURE_LEVELS.filter((_, i) => barRows.has(i));
  const barsH = levels.length * (S.barH + S.barGap);
  const hw = addBand(
    s,
    'hardware',
    'hardware',
    'Hardware',
    hardwareSublabel(scene, hosts),
    S.bandLabel + S.hostH + barsH + S.bandPad,
  );
  for (const bar of bars) {
    const level = STRUCTURE_LEVELS[bar.row] as StructureLevel;
    const row = levels.length - 1 - levels.indexOf(level);
    const y = hw.y + S.bandLabel + S.hostH + S.barGap + row * (S.barH + S.barGap);
    const summary = groupSummary(cols.tallies, bar.id);
    s.boxes.push({
      id: bar.id,
      kind: 'structure',
      layer: 'hardware',
      level,
      x: bar.x0,
      y,
      w: bar.x1 - bar.x0,
      h: S.barH,
      label: bar.label,
      summary,
    });
  }
  cols.ordered.forEach((h, i) => {
    const at = {
      id: h.id,
      layer: 'hardware',
      x: cols.x[i] ?? 0,
      y: hw.y + S.bandLabel,
      w: cols.w[i] ?? 0,
      h: S.hostH,
    } as const;
    const members = cols.groupMembers.get(h.id);
    s.boxes.push(members ? hostGroupBox(cols, h, members, at) : { ...at, kind: 'host' });
    if (!s.columnTop.has(h.id)) s.columnTop.set(h.id, at.y);
  });
}
