import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import { deriveScene } from '../../topology/deriveScene';
import type { HostElement } from '../../topology/scene';
import { hostGroupId } from '../hosts';
import { layoutScene } from '../layoutScene';
import { runsOnEdges } from './edges';

const scene = deriveScene(generateModel(600, 7), 'both');

describe('runsOnEdges', () => {
  const l = layoutScene(scene);
  /** The top of what is drawn in a host's column: its service chips, its operator node, or the host itself. */
  const columnTop = (host: string) =>
    Math.min(
      ...scene.elements
        .filter(
          (e) =>
            e.id === host ||
            (e.kind === 'service' && e.host === host) ||
            (e.kind === 'k8s-node' && e.machine === host),
        )
        .map((e) => l.byId.get(e.id)?.y ?? Number.POSITIVE_INFINITY),
    );

  it('runs from the bottom of each VM to the top of what is drawn in its host’s column', () => {
    const vms = scene.elements.filter((e) => e.kind === 'vm');
    expect(l.edges).toHaveLength(vms.length);
    for (const e of l.edges) {
      const vm = l.byId.get(e.from);
      const host = l.byId.get(e.to);
      if (!vm || !host) throw new Error(`edge ${e.id} between missing boxes`);
      expect(host.kind).toBe('host');
      expect(e.points[0]).toEqual({ x: vm.x + vm.w / 2, y: vm.y + vm.h });
      expect(e.points).toEqual([e.points[0], { x: host.x + host.w / 2, y: columnTop(e.to) }]);
    }
  });

  it('ends at the host box itself when its column has no top recorded', () => {
    const edges = runsOnEdges(scene, l.byId, new Map(), new Map());
    for (const e of edges) expect(e.points[1].y).toBe(l.byId.get(e.to)?.y);
  });

  it('ends at the folded group holding the host, and draws nothing for VMs folded away', () => {
    const computes = scene.elements.filter(
      (e): e is HostElement => e.kind === 'host' && e.roles.includes('compute'),
    );
    const group = hostGroupId(computes[0] as HostElement);
    const members = new Set(computes.filter((h) => hostGroupId(h) === group).map((h) => h.id));
    const grouped = layoutScene(scene, { collapsed: new Set([group]) });
    expect(grouped.edges.some((e) => members.has(e.to))).toBe(false);
    expect(grouped.edges.filter((e) => e.to === group).length).toBeGreaterThan(0);
    const project = scene.elements.find((e) => e.kind === 'project');
    const folded = layoutScene(scene, { collapsed: new Set([project?.id ?? '']) });
    const inside = scene.elements
      .filter((e) => e.kind === 'vm' && e.project === project?.id)
      .map((e) => e.id);
    expect(inside.length).toBeGreaterThan(0);
    expect(folded.edges.some((e) => inside.includes(e.from))).toBe(false);
  });
});
