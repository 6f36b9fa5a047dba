/**
 * The diagram's design tokens: every colour, in the light and the dark theme, and the fonts. The one place they
 * are written. The app's CSS custom properties (`--sl-<name>`) are generated from this table at build time
 * (`scripts/tokensCssPlugin.ts` puts `tokensCss()` before `render/flow/diagram.css`), and the SVG export reads the
 * same table (`render/svg/`), so the app's look and the exported look cannot drift.
 */

/** A diagram theme. */
export type Theme = 'light' | 'dark';

/** One colour in each theme. */
type Pair = readonly [light: string, dark: string];

/** The same colour in both themes (a signal colour that reads on either canvas). */
const both = (c: string): Pair => [c, c];

/** The colours, by custom-property name (without `--sl-`): `[light, dark]`. */
export const COLOURS = {
  canvas: ['#f8fafc', '#0b1120'],
  text: ['#0f172a', '#e2e8f0'],
  muted: ['#475569', '#a3b1c6'],
  line: ['#cbd5e1', '#334155'],
  box: ['#ffffff', '#111827'],

  // The bands, bottom-up: their background and their title.
  'band-hardware': ['#eef1f5', '#121a2a'],
  'band-operator-k8s': ['#f3efff', '#1a1433'],
  'band-openstack': ['#fdf2f4', '#22121b'],
  'band-tenant-vms': ['#eef6fd', '#0f1b2d'],
  'band-tenant-k8s': ['#eafaf6', '#0d1f1f'],
  'band-label-hardware': ['#334155', '#cbd5e1'],
  'band-label-operator-k8s': ['#5b21b6', '#c4b5fd'],
  'band-label-openstack': ['#9f1239', '#fda4af'],
  'band-label-tenant-vms': ['#075985', '#7dd3fc'],
  'band-label-tenant-k8s': ['#115e59', '#5eead4'],

  'host-bg': ['#ffffff', '#172033'],
  'host-border': ['#94a3b8', '#64748b'],

  // Kubernetes: the operator's (op) and the tenants' (tn): text and icon, background, border, a node's fill.
  op: ['#6d28d9', '#c4b5fd'],
  'op-bg': ['#f5f0ff', '#201a3d'],
  'op-border': ['#a78bfa', '#7c3aed'],
  'op-node': ['#ede4ff', '#2d2456'],
  tn: ['#0f766e', '#5eead4'],
  'tn-bg': ['#ecfdf8', '#0f2926'],
  'tn-border': ['#5eead4', '#14b8a6'],
  'tn-node': ['#d5f7ee', '#123b36'],

  // A service's tone follows its category (topology's serviceCategory); a tenant's pods have their own.
  'tone-control-plane': ['#e11d48', '#fb7185'],
  'tone-control-plane-bg': ['#fff1f3', '#2a1520'],
  'tone-infrastructure': ['#d97706', '#fbbf24'],
  'tone-infrastructure-bg': ['#fff8eb', '#2a2111'],
  'tone-data-plane': ['#0284c7', '#38bdf8'],
  'tone-data-plane-bg': ['#eff8ff', '#0f2236'],
  'tone-storage': ['#78716c', '#a8a29e'],
  'tone-storage-bg': ['#f6f5f4', '#1f1d1b'],
  'tone-tenant': ['#0d9488', '#2dd4bf'],
  'tone-tenant-bg': ['#ffffff', '#0f1f22'],

  'project-bg': ['#ffffff', '#0f172a'],
  'project-border': ['#7dd3fc', '#0369a1'],
  'project-operator-border': ['#cbd5e1', '#475569'],
  'vm-bg': ['#f0f9ff', '#0c2237'],
  'vm-border': ['#38bdf8', '#0ea5e9'],
  edge: ['#64748b', '#7c8ba1'],

  // Marks: the persona lens (faded, owned, unmanaged), selection, a what-if's failure, a tour's highlight.
  'faded-text': ['#5b6678', '#8391a7'],
  'faded-line': ['#d5dbe3', '#273246'],
  'faded-bg': ['#f1f4f8', '#111827'],
  'owned-ring': ['#2563eb', '#60a5fa'],
  'selected-ring': ['#2563eb', '#93c5fd'],
  failed: ['#dc2626', '#f87171'],
  'failed-bg': ['rgba(220, 38, 38, 0.14)', 'rgba(248, 113, 113, 0.2)'],
  unmanaged: ['#d97706', '#fbbf24'],
  'tour-ring': ['#2563eb', '#93c5fd'],
  'tour-halo': ['rgba(37, 99, 235, 0.28)', 'rgba(147, 197, 253, 0.3)'],
  // The keyboard focus ring of a box: a lighter blue reads on the dark canvas.
  'focus-ring': ['#2563eb', '#60a5fa'],

  // Compare: what appears on the right, what goes on the left, what moves or changes on both.
  'diff-new': both('#16a34a'),
  'diff-gone': both('#dc2626'),
  'diff-changed': both('#d97706'),
  // Presenter mode's heavier lines.
  'presenter-line': both('#64748b'),

  // The model editor (CodeMirror, `app/editor/`): its line numbers, and the rule beside them (light theme only:
  // the dark theme is One Dark's).
  'editor-gutter': ['#64748b', '#a0a8b7'],
  'editor-rule': both('#e2e8f0'),
} as const satisfies Record<string, Pair>;

export type ColourToken = keyof typeof COLOURS;

/** A token's colour in a theme. */
export const colour = (name: ColourToken, theme: Theme): string => COLOURS[name][theme === 'light' ? 0 : 1];

/** A token as the CSS variable the app sets (for inline styles and `auto` SVG documents: it follows the theme). */
export const tokenVar = (name: ColourToken): string => `var(--sl-${name})`;

/**
 * The printed handout's own colours (a light document, `render/handout.ts`); the rest of its colours are the
 * light theme's tokens.
 */
export const PRINT = {
  /** A figure caption's rule. */
  rule: '#e2e8f0',
  /** A question's background. */
  questionBg: '#eff6ff',
  codeBg: '#f1f5f9',
  link: '#1d4ed8',
  /** The key's swatch of a failed element. */
  failedBg: '#fde2e2',
} as const;

/**
 * The model editor's dark syntax colours: One Dark's (`@codemirror/theme-one-dark`) where they reach AA (4.5:1)
 * on its background and active line, brighter stand-ins where they do not (`app/editor/EditorPanel.tsx`).
 */
export const EDITOR_DARK = {
  /** For One Dark's #e06c75 (property names). */
  property: '#ef8a92',
  /** For One Dark's #c678dd (keywords: true, false, null). */
  keyword: '#d28bec',
  /** For One Dark's #7d8799 (comments, and the line numbers). */
  comment: '#a0a8b7',
} as const;

/** The diagram's fonts: Inter (bundled) first; no generic family, on purpose (see --font-sans in index.css). */
export const FONTS = {
  font: "'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto",
} as const;

/** The SVG export's font list: a standalone document has no bundled font, so it ends with common fallbacks. */
export const SVG_FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";

const declarations = (entries: readonly (readonly [string, string])[]) =>
  entries.map(([name, value]) => `  --sl-${name}: ${value};`).join('\n');

/**
 * The custom properties of every token, as the CSS the app, the embed page and the web component load (its
 * `:root` becomes `:host` in the component's shadow root): light on `:root`, dark under `[data-theme='dark']`.
 */
export function tokensCss(): string {
  const names = Object.keys(COLOURS) as ColourToken[];
  const light = [...Object.entries(FONTS), ...names.map((n) => [n, colour(n, 'light')] as const)];
  const dark = names.map((n) => [n, colour(n, 'dark')] as const);
  return `:root {\n${declarations(light)}\n}\n[data-theme='dark'] {\n${declarations(dark)}\n}\n`;
}
