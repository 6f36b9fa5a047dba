import type { ModelIssue } from '../model/issues';
import type { Model, Tour } from '../model/schema';
import { formatPath } from '../model/validate';
import { deriveScene } from './deriveScene';
import { FAILABLE_KINDS } from './failures/kinds';
import type { Scene } from './scene';
import { VIEWS, type View } from './views';

/**
 * What only the views can say about a model's tours (the schema and `validateModel` check the rest): every
 * element a step names (focus, highlight, fail) is drawn in that step's view, and every element it fails
 * can fail there (the failure engine accepts it: a machine, a Kubernetes node or cluster, a service
 * instance or a pod; not a project or a network). Issues carry JSON paths under `basePath`, like model
 * problems, so they are located in the text the same way.
 */
export function checkTourViews(
  model: Model,
  tours: readonly Tour[],
  basePath: readonly (string | number)[] = ['tours'],
): ModelIssue[] {
  const scenes = new Map<View, Scene>();
  const sceneOf = (view: View) => {
    let s = scenes.get(view);
    if (!s) {
      s = deriveScene(model, view);
      scenes.set(view, s);
    }
    return s;
  };
  const issues: ModelIssue[] = [];
  const add = (segments: (string | number)[], message: string) =>
    issues.push({ path: formatPath(segments), message, segments });
  tours.forEach((tour, i) => {
    tour.steps.forEach((step, j) => {
      const scene = sceneOf(step.view);
      const where = `step ${j + 1} of tour '${tour.id}'`;
      for (const key of ['focus', 'highlight', 'fail'] as const)
        step[key]?.forEach((id, k) => {
          if (!scene.byId.has(id))
            add(
              [...basePath, i, 'steps', j, key, k],
              `'${id}' is not drawn in the ${step.view} view (${where})${inOtherView(id, step.view, sceneOf)}`,
            );
        });
      step.fail?.forEach((id, k) => {
        if (!scene.byId.has(id)) return;
        const kind = scene.byId.get(id)?.kind;
        if (kind !== undefined && !FAILABLE_KINDS.has(kind)) {
          add(
            [...basePath, i, 'steps', j, 'fail', k],
            `'${id}' cannot fail: it is a ${kind.replace(/-/g, ' ')}; fail a machine, a Kubernetes node or cluster, a service instance or a pod (${where})`,
          );
        }
      });
    });
  });
  return issues;
}

/** A hint naming the views that do draw the element, if any. */
function inOtherView(id: string, view: View, sceneOf: (v: View) => Scene): string {
  const others = VIEWS.filter((v) => v !== view && sceneOf(v).byId.has(id));
  return others.length ? `; it is drawn in ${others.join(', ')}` : '';
}
