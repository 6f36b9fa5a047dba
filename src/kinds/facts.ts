import type { FailureReport } from '../topology/failures/reportTypes';
import type { Scene, SceneElement } from '../topology/scene';
import { operatorClusterFailure, tenantClusterFailure } from './cluster/failure';
import { hostFailure } from './host/failure';
import { loadBalancerFailure } from './resources/failure';
import { serviceFailure } from './service/failure';
import type { FailureFact, FailureWords, Kind } from './types';
import { vmFailure } from './vm/failure';

export type { FailureFact };

/**
 * Each kind's failure words (`kinds/<kind>/failure.ts`), where it has any: a kind without an entry has no
 * standing facts, and what a failure does to it comes from the report.
 */
const FAILURES: { readonly [K in Kind]?: FailureWords<K> } = {
  host: hostFailure,
  'operator-cluster': operatorClusterFailure,
  'tenant-cluster': tenantClusterFailure,
  service: serviceFailure,
  'load-balancer': loadBalancerFailure,
  vm: vmFailure,
};

/** Failure words called with any element (the kind of `el` picks them, so the call is sound). */
interface AnyFailureWords {
  standing?(el: SceneElement, scene: Scene): FailureFact[];
  whatIf?(el: SceneElement, report: FailureReport): FailureFact | undefined;
}

/**
 * What an element's details say about failure: its plane and what losing it does (its kind's words, from the
 * component's declaration), and, while something is failed, its state in words.
 */
export function failureFacts(scene: Scene, el: SceneElement, report: FailureReport | null): FailureFact[] {
  const failure = FAILURES[el.kind] as AnyFailureWords | undefined;
  const facts = failure?.standing?.(el, scene) ?? [];
  const now = report ? failure?.whatIf?.(el, report) : undefined;
  if (now) facts.push(now);
  return facts;
}
