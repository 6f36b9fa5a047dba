import { declarationOf } from '../../topology/failures/components';
import { scopingOf } from '../../topology/failures/scopes';
import { SOURCES as S } from '../../topology/failures/sources';
import type { Scene, SceneElement, ServiceElement } from '../../topology/scene';
import { CHIP } from '../chip';
import { POD, podInCluster } from '../pod/def';
import type { ChipMetrics, ElementDef, FailureFact } from '../types';

const PLANE_WORDS = { control: 'Control plane', data: 'Data plane', management: 'Management' } as const;

const isController = (h: SceneElement | undefined) => h?.kind === 'host' && h.roles.includes('controller');

/** A service instance: an OpenStack process as a container, a system service or a pod, coloured by category. */
export const service: ElementDef<'service', ChipMetrics & { areaMax: number }> = {
  kind: 'service',
  label: (el) => (el.form === 'pod' ? `pod (${el.workloadKind})` : el.form),
  boxClass: (el) => `sl-chip sl-chip--${el.form} sl-tone--${el.category}`,
  // A host's chips flow into rows no wider than `areaMax` (a sparse column is narrower).
  metrics: { ...CHIP, areaMax: 210 },
  drawn: { as: 'chip', body: 'chip' },
  layoutAs: 'service',
  tally: (el, scene, c) => {
    if (isController(scene.byId.get(el.host))) c.controlPlane++;
    else c.agents++;
    if (el.form === 'pod') c.pods++;
  },
  folded: (el, scene) =>
    el.form === 'pod'
      ? [[el.host, POD], ...podInCluster(scene, el.runsOn)]
      : [[el.host, { one: 'service', rank: 10 }]],
  failure: { standing: serviceFacts },
};

/** A service instance: its plane, what losing it does, and whether that stays within a cell or region. */
function serviceFacts(el: ServiceElement, scene: Scene): FailureFact[] {
  const { decl } = declarationOf(el);
  const facts: FailureFact[] = [
    {
      label: 'Plane',
      text: `${PLANE_WORDS[decl.plane]}${decl.manages ? ` of ${decl.manages}` : ''}: ${decl.role}.`,
      source: decl.source,
    },
    { label: 'If it fails', text: failureOf(decl.redundancy, decl.lost), source: decl.source },
  ];
  if (decl.redundancy === 'per-host') return facts;
  const scoping = scopingOf(scene);
  const where = scoping.info(
    scoping.ofProcess(
      scene.elements.filter((e): e is ServiceElement => e.kind === 'service' && e.processId === el.processId),
    ),
  );
  if (where?.level === 'cell')
    facts.push({
      label: 'Scope',
      text: `Cell ${where.name}'s own: losing it takes only ${where.name}'s instances out of management (a down cell: they run on, listed as UNKNOWN); other cells and the API level are not affected.`,
      source: S.novaDownCells,
    });
  else if (where?.level === 'region')
    facts.push({
      label: 'Scope',
      text: `Region ${where.name}'s own: losing it takes only ${where.name}'s instances out of management; the other regions keep their own API level.`,
      source: S.keystone,
    });
  return facts;
}

function failureOf(redundancy: 'any' | 'majority' | 'per-host', lost: string): string {
  if (redundancy === 'majority') return `One member may fail while a majority stays. ${lost}`;
  if (redundancy === 'per-host') return lost;
  return `The other instances keep serving. If every instance is lost: ${lost}`;
}
