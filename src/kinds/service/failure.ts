import { declarationOf } from '../../topology/failures/components';
import { scopingOf } from '../../topology/failures/scopes';
import { SOURCES as S } from '../../topology/failures/sources';
import type { Scene, ServiceElement } from '../../topology/scene';
import type { FailureFact, FailureWords } from '../types';

const PLANE_WORDS = { control: 'Control plane', data: 'Data plane', management: 'Management' } as const;

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

/** What a service instance's details say about failure. */
export const serviceFailure: FailureWords<'service'> = { standing: serviceFacts };
