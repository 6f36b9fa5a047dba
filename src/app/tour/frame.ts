import { stackOf } from '../../topology/explain';
import type { Scene } from '../../topology/scene';

export { frameTarget } from '../../layout/frame';

/**
 * What a step speaks of, for dimming the rest: each named element's stack (itself, what it runs on, what
 * runs on it, a container's members), plus what its failures take down. Null when the step names nothing
 * (then nothing is dimmed).
 */
export function spokenOf(
  scene: Scene,
  named: readonly string[],
  down: ReadonlySet<string> | null,
): Set<string> | null {
  const present = named.filter((id) => scene.byId.has(id));
  if (present.length === 0) return null;
  const out = new Set<string>();
  for (const id of present) for (const x of stackOf(scene, id)) out.add(x);
  if (down) for (const x of down) out.add(x);
  return out;
}
