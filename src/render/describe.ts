import { defOf, kindLabel } from '../kinds';
import type { FoldedWord } from '../kinds/types';

export { kindLabel };

import type { Scene, SceneElement } from '../topology/scene';
import { count } from '../topology/words';

/** A one-line accessible label: name, kind and what it runs on. */
export function ariaLabelOf(el: SceneElement): string {
  const on = el.runsOn ? ` on ${el.runsOn.replace(/^.*\//, '')}` : '';
  return `${el.name}, ${kindLabel(el)}${on}`;
}

const summaries = new WeakMap<Scene, Map<string, string>>();

/** What a folded host, project or cluster holds, in a few words ("12 pods", "3 VMs · 1 volume"). */
export function foldedSummary(scene: Scene, id: string): string {
  let map = summaries.get(scene);
  if (!map) {
    map = buildSummaries(scene);
    summaries.set(scene, map);
  }
  return map.get(id) ?? '';
}

/** Each folded box's words: what its kind's definition says each element adds to the boxes that hold it. */
function buildSummaries(scene: Scene): Map<string, string> {
  const tally = new Map<string, Map<string, { word: FoldedWord; n: number }>>();
  for (const el of scene.elements)
    for (const [id, word] of defOf(el).folded?.(el, scene) ?? []) {
      let m = tally.get(id);
      if (!m) {
        m = new Map();
        tally.set(id, m);
      }
      const t = m.get(word.one);
      if (t) t.n++;
      else m.set(word.one, { word, n: 1 });
    }
  const out = new Map<string, string>();
  for (const [id, m] of tally)
    out.set(
      id,
      [...m.values()]
        .sort((a, b) => a.word.rank - b.word.rank)
        .map(({ word, n }) => count(n, word.one))
        .join(' · '),
    );
  return out;
}
