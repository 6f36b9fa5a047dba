import { countElements } from '../../model/countElements';
import { MAX_ELEMENTS, thousands } from '../../model/limits';
import type { Model } from '../../model/schema';
import { validateModel } from '../../model/validate';
import { show } from '../fields';
import type { ImportReport } from '../types';
import { standInModel } from './standIn';

/** What is dropped, one step after the other, until the model validates. */
const STEPS: readonly [string, (m: Model) => Model][] = [
  ['its tenant Kubernetes clusters', ({ tenantClusters: _t, ...m }) => m],
  [
    'its tenant Kubernetes clusters and services',
    ({ operatorCluster: _o, ...m }) => ({ ...m, services: [] }),
  ],
  ['its tenant Kubernetes clusters, services and projects', ({ projects: _p, ...m }) => m],
];

/**
 * The model as built validates (tests make sure); should it not, or should the cloud have more elements than
 * Stacklayers draws (MAX_ELEMENTS), the parts that fail are dropped and said.
 */
export function ensureValid(model: Model, report: ImportReport): Model {
  const first = validateModel(model);
  if (first.ok) return first.model;
  const total = countElements(model).total;
  const tooBig = total > MAX_ELEMENTS;
  if (!tooBig) {
    const issue = first.issues[0];
    report.unmatched.push(
      `Internal: the model did not validate (${show(issue ? `${issue.path} ${issue.message}` : '?', 120)}); left out.`,
    );
  }
  let m = model;
  for (const [what, step] of STEPS) {
    m = step(m);
    const r = validateModel(m);
    if (!r.ok) continue;
    if (tooBig)
      report.unmatched.push(
        `The cloud has ${thousands(total)} elements, more than the ${thousands(MAX_ELEMENTS)} Stacklayers draws: ${what} were left out.`,
      );
    return r.model;
  }
  if (tooBig)
    report.unmatched.push(
      `The cloud has ${thousands(total)} elements, more than the ${thousands(MAX_ELEMENTS)} Stacklayers draws: only a stand-in model was made.`,
    );
  return standInModel();
}
