import type { Scene, SceneElement } from '../src/topology/scene';
import { SETTLED } from './pageHelpers';

/**
 * The peer comparison: the same scene as a Mermaid flowchart with subgraphs. Every scene element is one box,
 * nested the way it runs: host > operator node > service pod, host > VM > tenant node > pod; a project holds its
 * networks, volumes and load balancers; clusters stand alone. Boxes with something inside are subgraphs.
 */
export function sceneToMermaid(scene: Scene): { text: string; boxes: number } {
  const parentOf = (el: SceneElement): string | undefined => {
    switch (el.kind) {
      case 'network':
      case 'volume':
      case 'load-balancer':
        return el.project;
      default:
        return el.runsOn;
    }
  };
  const children = new Map<string | undefined, SceneElement[]>();
  for (const el of scene.elements) {
    const parent = parentOf(el);
    const key = parent !== undefined && scene.byId.has(parent) ? parent : undefined;
    const list = children.get(key);
    if (list) list.push(el);
    else children.set(key, [el]);
  }
  const ids = new Map(scene.elements.map((el, i) => [el.id, `n${i}`]));
  // Labels stay plain: nothing Mermaid or HTML would read as markup.
  const label = (el: SceneElement) => `${el.kind} ${el.name}`.replace(/[^\w .@/:-]/g, '_');
  const lines = ['flowchart TB'];
  let boxes = 0;
  const emit = (el: SceneElement, depth: number) => {
    boxes++;
    const pad = '  '.repeat(depth);
    const inside = children.get(el.id) ?? [];
    if (inside.length === 0) {
      lines.push(`${pad}${ids.get(el.id)}["${label(el)}"]`);
      return;
    }
    lines.push(`${pad}subgraph ${ids.get(el.id)}["${label(el)}"]`);
    for (const child of inside) emit(child, depth + 1);
    lines.push(`${pad}end`);
  };
  for (const el of children.get(undefined) ?? []) emit(el, 1);
  return { text: `${lines.join('\n')}\n`, boxes };
}

/**
 * A page that renders `text` with Mermaid and records when the SVG is painted: the moment is taken as the app
 * takes its own ready marker (src/app/diagram/Diagram.tsx), a task after the next frame. Mermaid is loaded as its
 * documentation tells a page to, as an ES module (`mermaid.esm.min.mjs`, from the same origin here), which loads
 * the flowchart's code on demand (rather than its all-in-one `mermaid.min.js`).
 */
export function mermaidPage(text: string, moduleUrl: string): string {
  const config = { startOnLoad: false, maxTextSize: 50_000_000, maxEdges: 100_000, securityLevel: 'strict' };
  return `<!doctype html>
<html lang="en">
<head><meta charset="UTF-8"><title>Mermaid peer</title></head>
<body>
<pre class="mermaid">${text}</pre>
<script type="module">
import mermaid from ${JSON.stringify(moduleUrl)};
mermaid.initialize(${JSON.stringify(config)});
mermaid.run({ querySelector: 'pre.mermaid' }).then(
  () => {
    if (!document.querySelector('pre.mermaid svg')) {
      window.__bench.error = 'mermaid.run resolved without an svg';
      console.debug(${JSON.stringify(SETTLED)});
      return;
    }
    // As Stacklayers' ready marker: after the frame that paints the SVG (the next frame, then a task).
    requestAnimationFrame(() => setTimeout(() => {
      window.__bench.readyAt = performance.now();
      console.debug(${JSON.stringify(SETTLED)});
    }, 0));
  },
  (err) => { window.__bench.error = String((err && err.message) || err); console.debug(${JSON.stringify(SETTLED)}); },
);
</script>
</body>
</html>
`;
}
