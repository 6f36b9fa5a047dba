/**
 * The one place where the JavaScript docs plugins reach Stacklayers itself: the render function and the
 * component's script file.
 *
 * Until the package's programmatic API is built (`import { renderSvg } from 'stacklayers'`), the render
 * function runs the repository's TypeScript source through tsx, and the component is the web-component build
 * in dist/wc/ (run `npm run build` first). Switching to the package is a change of the marked lines.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsx from 'tsx/cjs/api';

/**
 * The `<stacklayers-diagram>` script, as built: $STACKLAYERS_COMPONENT, else the one-file build
 * (dist/stacklayers-diagram.js) once the build writes it, else the current web-component build (dist/wc/).
 */
const built = (path) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));
export const COMPONENT_SCRIPT =
  process.env.STACKLAYERS_COMPONENT ??
  (existsSync(built('stacklayers-diagram.js'))
    ? built('stacklayers-diagram.js')
    : built('wc/stacklayers-diagram.js'));

/**
 * The renderer's modules, loaded on first use and synchronously: markdown-it renders synchronously, and
 * Docusaurus loads its config (and so this file) through a CommonJS transform where top-level await fails.
 */
let api;
function source() {
  if (!api) {
    const load = (path) =>
      tsx.require(fileURLToPath(new URL(`../../src/${path}`, import.meta.url)), import.meta.url);
    api = {
      ...load('model/checkDraft.ts'),
      ...load('topology/deriveScene.ts'),
      ...load('layout/layoutScene.ts'),
      ...load('render/svg.ts'),
    };
  }
  return api;
}

/** An invalid model: `.issues` lists each problem with its JSON path (and line and column in the text). */
export class StacklayersModelError extends Error {
  name = 'StacklayersModelError';
  /** @param {{ path: string, message: string, line?: number, column?: number }[]} issues */
  constructor(issues) {
    super(
      `not a valid Stacklayers model: ${issues.map((i) => `${i.line ? `${i.line}:${i.column} ` : ''}${i.path} ${i.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/**
 * The package's `renderSvg` (same signature): one view of a model as a standalone SVG document.
 * @param {unknown} model the model, or its JSON text
 * @param {{ topology?: string, theme?: 'light' | 'dark' | 'auto', expanded?: boolean, title?: string }} [options]
 * @returns {string}
 */
export function renderSvg(model, options = {}) {
  const { checkDraft, deriveScene, defaultCollapsed, layoutScene, sceneToSvg } = source();
  const result = checkDraft(typeof model === 'string' ? model : JSON.stringify(model));
  if (!result.ok) throw new StacklayersModelError(result.issues);
  const scene = deriveScene(result.model, options.topology ?? 'traditional');
  const collapsed = options.expanded ? new Set() : defaultCollapsed(scene);
  // `auto` (colours that follow prefers-color-scheme) comes with the package's renderer; until then, light.
  const theme = options.theme === 'dark' ? 'dark' : 'light';
  return sceneToSvg(layoutScene(scene, { collapsed }), theme, options.title ? { title: options.title } : {});
}

/**
 * Copies the component into `dir` (e.g. a site's static folder): the script and every module it imports
 * by a relative path (the one-file build has none). Returns the copied script's path.
 * @param {string} dir
 */
export function copyComponent(dir, script = COMPONENT_SCRIPT) {
  mkdirSync(dir, { recursive: true });
  const done = new Set();
  const copy = (file) => {
    if (done.has(file)) return;
    done.add(file);
    copyFileSync(file, join(dir, basename(file)));
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']\.\/([\w.-]+\.js)["']/g))
      copy(join(dirname(file), m[1] ?? ''));
  };
  copy(script);
  return join(dir, basename(script));
}
