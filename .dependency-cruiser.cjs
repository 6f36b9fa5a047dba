// Boundaries for relative imports (`npm run lint` runs `depcruise`): the layer table in ARCHITECTURE.md, as
// rules. Each layer names what it may import; anything else under src/ is an error. Tests (and the helpers only
// tests use) may reach across layers to build their fixtures, but not into React from a pure layer.

/** Test code: unit and browser tests, the shared fixtures, the failure engine's test models (used by tests only). */
const TEST = '\\.test\\.tsx?$|^src/testing/|^src/topology/failures/testModels\\.ts$|^e2e/';

/**
 * Each kind's drawing, in its folder next to its definition (`kinds/<kind>/`) and gathered in a registry: part
 * of render, not of the pure `kinds` layer. Its SVG body and far-layer label (`svg.ts`, `far.ts`; registry
 * `kinds/svg.ts`) are pure render; its React body (`*.tsx`; registry `kinds/bodies.ts`) is the app's.
 */
const KIND_SVG = '^src/kinds/(svg|[^/]+/(svg|far))\\.ts$';
const KIND_VIEW = '^src/kinds/(bodies\\.ts|[^/]+\\.tsx|[^/]+/[^/]+\\.tsx)$';
const KIND_RENDER = `${KIND_SVG}|${KIND_VIEW}`;

/**
 * The part of render/ that needs no browser: the SVG export (and each kind's SVG body and far-layer label, and
 * the far layer's pen), the handout, the icons' paths, the descriptions.
 */
const PURE_RENDER = `^src/render/(svg/|far/pen\\.ts$|(handout|iconPaths|describe)\\.ts$)|${KIND_SVG}`;

/** Libraries that need React or a DOM; the pure layers run in Node (tests, CLI, benchmarks) and use none. */
const REACT_OR_DOM =
  '^node_modules/(react|react-dom|zustand|codemirror|@xyflow/[^/]+|@codemirror/[^/]+|@fontsource[^/]*/[^/]+)/';

/**
 * What each layer of src/ may import (besides itself), as in ARCHITECTURE.md's table. A layer's rule forbids
 * every other path under src/ (and public/, whose models the app bundles) for its non-test files.
 */
const LAYERS = [
  { name: 'model', may: [] },
  { name: 'topology', may: ['model'] },
  // One module per element kind, and the design tokens: what layout measures and render draws by. Each kind's
  // drawing (KIND_RENDER) belongs to render.
  { name: 'kinds', may: ['model', 'topology'], not: KIND_RENDER },
  { name: 'layout', may: ['model', 'topology', 'kinds'] },
  { name: 'render', also: KIND_RENDER, may: ['model', 'topology', 'kinds', 'layout'] },
  { name: 'import', may: ['model'] },
  { name: 'embed', may: ['model', 'topology', 'kinds', 'layout', 'render', 'app', 'index.css'] },
  { name: 'cli', may: ['model', 'topology', 'kinds', 'layout', 'import', PURE_RENDER] },
  { name: 'api', may: ['model', 'topology', 'kinds', 'layout', PURE_RENDER] },
  // The app imports every layer below it, but never the ones built on top of it.
  { name: 'app', may: ['model', 'topology', 'kinds', 'layout', 'render', 'import', '^public/'] },
];

const allowed = (may) => may.map((m) => (m.startsWith('^') ? m : `^src/${m}(/|$)`));

const layerRules = LAYERS.map(({ name, may, also, not }) => ({
  name: `layer-${name}`,
  comment: `src/${name}/ may import only: ${may.join(', ') || 'nothing else in src/'} (ARCHITECTURE.md's table).`,
  severity: 'error',
  from: { path: also ? [`^src/${name}/`, also] : `^src/${name}/`, pathNot: not ? [TEST, not] : TEST },
  to: {
    path: '^(src|public)/',
    pathNot: [`^src/${name}/`, ...allowed(may)],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: modules that cannot be understood, tested or loaded one before the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'kinds-draw-nothing',
      comment:
        "The kinds' definitions and tokens are read by layout: they import no kind's drawing (its SVG, React or far-layer body).",
      severity: 'error',
      from: { path: '^src/kinds/', pathNot: [TEST, KIND_RENDER] },
      to: { path: KIND_RENDER },
    },
    {
      name: 'pure-render',
      comment:
        "The SVG export (and each kind's SVG body) and the handout run in Node (CLI, API): they import no React part of render/ or of a kind.",
      severity: 'error',
      from: { path: PURE_RENDER },
      to: { path: ['^src/render/', KIND_VIEW], pathNot: PURE_RENDER },
    },
    {
      name: 'pure-no-react-or-dom',
      comment:
        "model, topology, kinds (but for its kinds' React bodies), layout, import and the SVG export are pure TypeScript: no React, no DOM library.",
      severity: 'error',
      from: { path: ['^src/(model|topology|kinds|layout|import)/', PURE_RENDER], pathNot: KIND_VIEW },
      to: { path: REACT_OR_DOM },
    },
    {
      name: 'pure-no-node',
      comment: 'The pure layers run in the browser too: no Node built-ins outside their tests.',
      severity: 'error',
      from: { path: ['^src/(model|topology|kinds|layout|import)/', PURE_RENDER], pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'tests-only-testing',
      comment: 'src/testing/ holds test fixtures: only tests import it.',
      severity: 'error',
      from: { pathNot: TEST },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Built output and the docs sites' own installs (the e2e tests build them) are not ours to check.
    exclude: {
      path: '(^|/)(dist|build|site|_build|\\.vitepress/cache|\\.docusaurus)/|^e2e/sites/.*node_modules/',
    },
    // TypeScript 7 (native) has no JavaScript API for dependency-cruiser to parse with (it takes TypeScript
    // below 7); swc parses TypeScript with its type-only imports kept, so a cycle through types is still a cycle.
    // dependency-cruiser 17 asks swc for TypeScript without JSX: patches/dependency-cruiser+17.4.3.patch turns
    // JSX on for .tsx files (dev tooling only; nothing of it reaches the package's users).
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
