import { defaultCollapsed, layoutScene } from '../layout/layoutScene';
import { checkDraft } from '../model/checkDraft';
import type { Model } from '../model/schema';
import { validateModel as validateValue } from '../model/validate';
import { sceneToSvg } from '../render/svg';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS as ALL_VIEWS } from '../topology/views';

/**
 * The programmatic API of the `stacklayers` package (`import { renderSvg } from 'stacklayers'`), for docs
 * generators' plugins: the same model check and SVG drawing as the app and the CLI, in Node, no browser.
 * Its types are declared here, not imported, so that the published `.d.ts` stands alone.
 */

/** A view of the model: which parts run on Kubernetes. */
export type View = 'traditional' | 'control-plane-on-k8s' | 'k8s-in-tenant' | 'both';

/** The four views, in the app's order. */
export const VIEWS: readonly View[] = ALL_VIEWS;

/** One problem of a model: where (a JSON path such as `$.hosts[2].roles[0]`; line and column for text) and what. */
export interface ModelProblem {
  path: string;
  message: string;
  /** 1-based, when the model was given as text. */
  line?: number;
  /** 1-based, when the model was given as text. */
  column?: number;
}

export type ValidateResult = { ok: true } | { ok: false; issues: ModelProblem[] };

export interface RenderSvgOptions {
  /** The view to draw; default `traditional` (as the web component and embed.html). */
  topology?: View;
  /** `light` (default), `dark`, or `auto`: one SVG whose colours follow the viewer's `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'auto';
  /** Fold nothing, even a big model; default: fold models of more than 600 elements, like the app. */
  expanded?: boolean;
  /** The SVG's `<title>` (its accessible name); default "<model name>: <view> view". */
  title?: string;
}

/** Thrown by `renderSvg` for a model that is not valid: `issues` says what to fix, as `validateModel` does. */
export class StacklayersModelError extends Error {
  readonly issues: ModelProblem[];
  constructor(issues: ModelProblem[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(
      `not a valid Stacklayers model: ${first ? `${first.path} ${first.message}` : 'unknown problem'}${more}`,
    );
    this.name = 'StacklayersModelError';
    this.issues = issues;
  }
}

type Checked = { ok: true; model: Model } | { ok: false; issues: ModelProblem[] };

/** A model as text (JSON; problems located by line and column) or as a parsed value. */
function check(model: unknown): Checked {
  if (typeof model === 'string') {
    const result = checkDraft(model.charCodeAt(0) === 0xfeff ? model.slice(1) : model);
    if (result.ok) return { ok: true, model: result.model };
    return {
      ok: false,
      issues: result.issues.map(({ path, message, line, column }) => ({ path, message, line, column })),
    };
  }
  const result = validateValue(model);
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map(({ path, message }) => ({ path, message })) };
}

/** Checks a model (JSON text or a parsed value): its schema, ids and references. Never throws. */
export function validateModel(model: unknown): ValidateResult {
  const result = check(model);
  return result.ok ? { ok: true } : { ok: false, issues: result.issues };
}

/**
 * Draws one view of a model as a standalone SVG document (text as text, a title and a description, no script,
 * no external resource). Throws `StacklayersModelError` for an invalid model and a `TypeError` for a bad option.
 */
export function renderSvg(model: unknown, options: RenderSvgOptions = {}): string {
  const view = options.topology ?? 'traditional';
  if (!(ALL_VIEWS as readonly string[]).includes(view))
    throw new TypeError(`unknown topology ${JSON.stringify(view)}; the views are ${ALL_VIEWS.join(', ')}`);
  const theme = options.theme ?? 'light';
  if (theme !== 'light' && theme !== 'dark' && theme !== 'auto')
    throw new TypeError(`theme must be light, dark or auto, not ${JSON.stringify(theme)}`);
  const result = check(model);
  if (!result.ok) throw new StacklayersModelError(result.issues);
  const scene = deriveScene(result.model, view);
  const layout = layoutScene(scene, { collapsed: options.expanded ? new Set() : defaultCollapsed(scene) });
  return sceneToSvg(layout, theme, options.title === undefined ? {} : { title: options.title });
}
