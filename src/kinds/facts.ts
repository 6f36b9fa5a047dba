import type { FailureReport } from '../topology/failures/reportTypes';
import type { Scene, SceneElement } from '../topology/scene';
import { defOf } from './index';
import type { FailureFact } from './types';

export type { FailureFact };

/**
 * What an element's details say about failure: its plane and what losing it does (its kind's words, from the
 * component's declaration), and, while something is failed, its state in words.
 */
export function failureFacts(scene: Scene, el: SceneElement, report: FailureReport | null): FailureFact[] {
  const failure = defOf(el).failure;
  const facts = failure?.standing?.(el, scene) ?? [];
  const now = report ? failure?.whatIf?.(el, report) : undefined;
  if (now) facts.push(now);
  return facts;
}
