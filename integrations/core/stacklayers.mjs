/**
 * The one place where the JavaScript docs plugins reach Stacklayers itself: the render function (the
 * package's built API, `dist/lib/index.js`, which `npm install` / `npm run build` write) and the component's
 * one-file script (`dist/stacklayers-diagram.js`, written by `npm run build`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSvg } from '../../dist/lib/index.js';

export { renderSvg };

/** The `<stacklayers-diagram>` script, as built: $STACKLAYERS_COMPONENT, else the one-file build. */
const COMPONENT_SCRIPT =
  process.env.STACKLAYERS_COMPONENT ??
  fileURLToPath(new URL('../../dist/stacklayers-diagram.js', import.meta.url));

/**
 * Copies the component's one script into `dir` (e.g. a site's static folder). Returns the copied file's path.
 * @param {string} dir
 */
export function copyComponent(dir, script = COMPONENT_SCRIPT) {
  mkdirSync(dir, { recursive: true });
  const to = join(dir, basename(script));
  copyFileSync(script, to);
  return to;
}
