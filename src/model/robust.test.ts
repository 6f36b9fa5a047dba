// Any input: property-based tests over thousands of random and mutated models (fast-check, fixed seed), and
// explicit cases for the inputs people really paste, drop and link. The invariant: validation never throws;
// it accepts, and then every view derives, lays out cleanly and renders to well-formed, inert SVG; or it
// refuses with issues that each have a JSON path and a plain message.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import defaultTours from '../../public/tours/default.json';
import { layoutProblems } from '../layout/checkLayout';
import { layoutScene } from '../layout/layoutScene';
import { textWidth } from '../layout/text';
import { sceneToSvg } from '../render/svg';
import { expectInertTree, parseXml } from '../testing/xml';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS } from '../topology/views';
import { checkDraft } from './checkDraft';
import { countElements } from './countElements';
import { generateModel } from './generate';
import type { ModelIssue } from './issues';
import { MAX_ELEMENTS, MAX_GENERATE_ELEMENTS, MAX_ISSUES, MAX_MODEL_TEXT, MAX_NESTING } from './limits';
import { lineColumn } from './lineColumn';
import type { locateIssues } from './locate';
import { decodeShare } from './openShare';
import type { Model } from './schema';
import { encodeShare } from './share';
import { validateModel, validateModelText } from './validate';

/** One seed for every property, so CI is reproducible; fast-check prints the seed and path of a failure. */
const SEED = 9_2026;
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: true });
/** Per-test timeout for the properties: generous, as the suite shares 2 cores with everything else. */
const SLOW = 120_000;
vi.setConfig({ testTimeout: SLOW });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const dir = new URL('../../public/models/', import.meta.url);
const examples = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Json]),
);
const example = (name: string): Json => {
  const m = examples[name];
  if (m === undefined) throw new Error(`no example ${name}`);
  return m;
};
const generated = (n: number, seed: number) => JSON.parse(JSON.stringify(generateModel(n, seed))) as Json;

/** Small models: the full pipeline (derive, layout, SVG) runs on every accepted mutation of these. */
const SMALL: readonly Json[] = [
  example('default'),
  { ...(example('default') as Record<string, Json>), tours: defaultTours as unknown as Json },
  example('multi-tenant'),
  example('nested'),
  example('openstack-helm'),
  generated(40, 1),
  generated(150, 2),
];
/** Validation alone also runs on bigger ones. */
const BIG: readonly Json[] = [example('large'), generated(1500, 3)];
const ALL: readonly Json[] = [...SMALL, ...BIG];

// --- Walking and changing plain JSON ---------------------------------------------------------------------

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every path in the value (the root too), depth-first. */
function pathsOf(root: Json): Path[] {
  const out: Path[] = [];
  const visit = (v: Json, path: Path) => {
    out.push(path);
    if (Array.isArray(v))
      v.forEach((c, i) => {
        visit(c, [...path, i]);
      });
    else if (isObject(v)) for (const k of Object.keys(v)) visit(v[k] as Json, [...path, k]);
  };
  visit(root, []);
  return out;
}

function getAt(root: Json, path: Path): Json | undefined {
  let v: Json | undefined = root;
  for (const k of path) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObject(v) && typeof k === 'string' && Object.hasOwn(v, k)) v = v[k];
    else return undefined;
  }
  return v;
}

/** Sets an own property (so that `__proto__` is a key like any other, as JSON.parse makes it). */
function setOwn(target: Json[] | { [key: string]: Json }, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value with `path` replaced by `f(old)` (undefined deletes it); the root when path is empty. */
function updateAt(root: Json, path: Path, f: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return f(root) ?? null;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof key === 'number') {
    const next = f(parent[key] as Json);
    if (next === undefined) parent.splice(key, 1);
    else parent[key] = next;
  } else if (isObject(parent) && typeof key === 'string') {
    const next = f(parent[key] as Json);
    if (next === undefined) delete parent[key];
    else setOwn(parent, key, next);
  }
  return root;
}

// --- What mutations put in -------------------------------------------------------------------------------

const LONG = 'x'.repeat(10_000);
const LONG_WORDS = 'long name '.repeat(1_000);
/** Text that has broken renderers, escapers and layouts somewhere. */
const NASTY_TEXT = [
  '',
  ' ',
  LONG,
  LONG_WORDS,
  '\u202eevil RTL override\u202c',
  'שלום عالم mixed RTL',
  'zero\u200bwidth\u200d\ufeffjoin',
  '👩‍👩‍👧‍👦 family 🇩🇪 flag',
  'e\u0301'.repeat(200),
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  ']]> &amp; &lt; &#0; \\u0000',
  'javascript:alert(1)',
  'line\nbreak\ttab\rreturn',
  'nul\u0000byte',
  'lone \ud800 high',
  'lone \udc00 low',
  '中文名字的主机',
  '   padded   ',
];
/** Ids that are also names on Object.prototype or otherwise special to JavaScript. */
const PROTO_IDS = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
  '__proto__',
  '__defineGetter__',
  'isPrototypeOf',
];
const ODD_NUMBERS = [0, -1, 1.5, 1e308, -0, 10_001, Number.MAX_SAFE_INTEGER, 3];

const jsonLeaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...NASTY_TEXT, ...PROTO_IDS),
);
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: jsonLeaf },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], {}, [null], { id: 'x' }) },
);

/** One change to a model; `at` and `other` pick among its paths (modulo their number). */
type Mutation =
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'extra-key'; at: number; key: string; value: Json }
  | { kind: 'duplicate'; at: number }
  | { kind: 'reference'; at: number; other: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'grow'; at: number; size: number }
  | { kind: 'empty'; at: number }
  | { kind: 'nest'; at: number; depth: number; arrays: boolean };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at, value: anyJson }),
  fc.record({ kind: fc.constant('delete' as const), at }),
  fc.record({
    kind: fc.constant('extra-key' as const),
    at,
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.string()),
    value: fc.oneof(
      anyJson,
      fc.constant<Json>({ polluted: 1 }),
      fc.constant<Json>({ prototype: { polluted: 1 } }),
    ),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at }),
  fc.record({ kind: fc.constant('reference' as const), at, other: fc.nat() }),
  fc.record({
    kind: fc.constant('text' as const),
    at,
    text: fc.oneof(
      fc.constantFrom(...NASTY_TEXT, ...PROTO_IDS),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    ),
  }),
  fc.record({ kind: fc.constant('number' as const), at, value: fc.constantFrom(...ODD_NUMBERS) }),
  fc.record({ kind: fc.constant('grow' as const), at, size: fc.constantFrom(2, 30, 150) }),
  fc.record({ kind: fc.constant('empty' as const), at }),
  fc.record({
    kind: fc.constant('nest' as const),
    at,
    depth: fc.constantFrom(1, 5, 30, 100),
    arrays: fc.boolean(),
  }),
);

/** Applies one mutation; paths of the wanted type are picked where the mutation needs one (strings, arrays...). */
function mutate(root: Json, m: Mutation): Json {
  const all = pathsOf(root);
  const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
  const where = (test: (v: Json | undefined) => boolean) => all.filter((p) => test(getAt(root, p)));
  switch (m.kind) {
    case 'replace':
      return updateAt(root, pick(all, m.at) ?? [], () => structuredClone(m.value));
    case 'delete': {
      const p = pick(all.slice(1), m.at);
      return p ? updateAt(root, p, () => undefined) : root;
    }
    case 'extra-key': {
      const p = pick(where(isObject), m.at) ?? [];
      const target = getAt(root, p);
      if (isObject(target)) setOwn(target, m.key, structuredClone(m.value));
      return root;
    }
    case 'duplicate': {
      const p = pick(
        where((v) => Array.isArray(v) && v.length > 0),
        m.at,
      );
      const list = p && getAt(root, p);
      if (Array.isArray(list)) list.push(structuredClone(list[m.at % list.length] as Json));
      return root;
    }
    case 'reference': {
      // A string set to another string of the model: ids pointing at the wrong kind of thing, at themselves...
      const strings = where((v) => typeof v === 'string');
      const p = pick(strings, m.at);
      const other = pick(strings, m.other);
      return p && other ? updateAt(root, p, () => getAt(root, other) ?? null) : root;
    }
    case 'text': {
      const p = pick(
        where((v) => typeof v === 'string'),
        m.at,
      );
      return p ? updateAt(root, p, () => m.text) : root;
    }
    case 'number': {
      const p = pick(
        where((v) => typeof v === 'number'),
        m.at,
      );
      return p ? updateAt(root, p, () => m.value) : root;
    }
    case 'grow': {
      const p = pick(
        where((v) => Array.isArray(v) && v.length > 0),
        m.at,
      );
      return p
        ? updateAt(root, p, (old) => {
            const list = old as Json[];
            return Array.from({ length: m.size }, (_, i) => structuredClone(list[i % list.length] as Json));
          })
        : root;
    }
    case 'empty': {
      const p = pick(
        where((v) => Array.isArray(v) || isObject(v)),
        m.at,
      );
      return p ? updateAt(root, p, (old) => (Array.isArray(old) ? [] : {})) : root;
    }
    case 'nest': {
      const p = pick(all, m.at) ?? [];
      return updateAt(root, p, (old) => {
        let v = old;
        for (let i = 0; i < m.depth; i++) v = m.arrays ? [v] : { nested: v };
        return v;
      });
    }
  }
}

const mutated = (bases: readonly Json[], maxMutations: number) =>
  fc
    .tuple(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: maxMutations }))
    .map(([b, ms]) => ms.reduce((v, m) => mutate(v, m), structuredClone(bases[b] as Json)));

// --- The invariants ----------------------------------------------------------------------------------------

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Issues with a JSON path each and a plain, non-empty message. */
function expectIssues(issues: readonly ModelIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
  for (const issue of issues) {
    expect(issue.path).toMatch(/^\$/);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.trim().length).toBeGreaterThan(3);
  }
}

/** Located issues also point inside the text. */
function expectLocated(text: string, issues: ReturnType<typeof locateIssues>): void {
  expectIssues(issues);
  for (const issue of issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(issue.from).toBeGreaterThanOrEqual(0);
    expect(issue.to).toBeGreaterThan(issue.from);
    expect(issue.from).toBeLessThanOrEqual(text.length);
  }
}

/** Every view derives, lays out without problems, and renders to well-formed, inert SVG. */
function expectDrawn(model: Model, value: unknown): void {
  const counted = countElements(value).total;
  expect(counted).toBeLessThanOrEqual(MAX_ELEMENTS);
  for (const view of VIEWS) {
    const scene = deriveScene(model, view);
    if (view === 'both') expect(scene.elements.length).toBe(counted);
    expect(scene.byId.size).toBe(scene.elements.length); // ids unique
    for (const el of scene.elements)
      if (el.runsOn !== undefined) expect(scene.byId.has(el.runsOn)).toBe(true);
    const layout = layoutScene(scene);
    expect(layoutProblems(layout)).toEqual([]);
    for (const el of scene.elements) expect(layout.byId.has(el.id)).toBe(true);
    const svg = sceneToSvg(layout, 'light');
    expectInertTree(parseXml(svg));
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).not.toContain('\u0000');
  }
}

/** What the product does with a value, checked: never throws; accepts and draws, or refuses with issues. */
function check(value: Json, draw: boolean): boolean {
  const result = validateModel(value);
  const text = JSON.stringify(value);
  const draft = checkDraft(text);
  expect(draft.ok).toBe(result.ok);
  if (!result.ok) {
    expectIssues(result.issues);
    if (!draft.ok) expectLocated(text, draft.issues);
    return false;
  }
  if (draw) expectDrawn(result.model, value);
  return true;
}

describe('any mutated model', () => {
  it('is accepted or refused with paths and messages, never a throw (validation only, many runs)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutated(SMALL, 4), (value) => {
        if (check(value, false)) accepted++;
      }),
      params(600),
    );
    // Not all refused: the mutations keep some models valid (texts, numbers, duplicated VMs...).
    expect(accepted).toBeGreaterThan(50);
  });

  it('the same for the large examples (fewer runs: they are 50 to 100 times bigger)', () => {
    fc.assert(
      fc.property(mutated(BIG, 3), (value) => {
        check(value, false);
      }),
      params(40),
    );
  });

  it('when accepted, derives, lays out and renders in every view', () => {
    let drawn = 0;
    fc.assert(
      fc.property(mutated(SMALL, 2), (value) => {
        if (check(value, true)) drawn++;
      }),
      params(30),
    );
    expect(drawn).toBeGreaterThan(5);
  });

  it('as text, cut or spliced anywhere, is checked without a throw', () => {
    const texts = SMALL.slice(0, 3).map((m) => JSON.stringify(m, null, 2));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('//', '/*', '"', '\\', '[', '{', '\ufeff', '\u0000', '\ud800', '\n'),
        ),
        (t, from, cut, insert) => {
          const base = texts[t] as string;
          const i = from % (base.length + 1);
          const text = base.slice(0, i) + insert + base.slice(i + cut);
          const draft = checkDraft(text);
          const plain = validateModelText(text);
          expect(plain.ok).toBe(draft.ok);
          if (!draft.ok) expectLocated(text, draft.issues);
        },
      ),
      params(500),
    );
  });

  it('random JSON values of any shape are refused with issues', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(check(value as Json, false)).toBe(false);
      }),
      params(300),
    );
  });
});

// --- Models that stay valid: every element id and text the schema allows --------------------------------

/** Renames an id everywhere it is referred to (also inside derived refs such as `proc@host` in tours). */
function renameId(root: Json, from: string, to: string): Json {
  const swap = (s: string) =>
    s
      .split(/([@/#])/)
      .map((part) => (part === from ? to : part))
      .join('');
  const visit = (v: Json): Json => {
    if (typeof v === 'string') return swap(v);
    if (Array.isArray(v)) return v.map(visit);
    if (isObject(v)) {
      const out: { [key: string]: Json } = {};
      for (const k of Object.keys(v)) setOwn(out, k, visit(v[k] as Json));
      return out;
    }
    return v;
  };
  return visit(root);
}

/** A path's last key, and the id paths of a model (where ids are defined). */
const idPaths = (root: Json) =>
  pathsOf(root).filter((p) => p[p.length - 1] === 'id' && typeof getAt(root, p) === 'string');
const namePaths = (root: Json) =>
  pathsOf(root).filter((p) => ['name', 'description', 'rack'].includes(String(p[p.length - 1])));

describe('valid models with odd ids and texts', () => {
  it('draw like any other: ids named like Object.prototype members, unicode and 10,000-character names', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SMALL.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PROTO_IDS, 'a', 'Z9', '0', 'x.y_z-1')), {
          maxLength: 3,
        }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NASTY_TEXT)), { maxLength: 4 }),
        (b, renames, texts) => {
          let value = structuredClone(SMALL[b] as Json);
          for (const [i, to] of renames) {
            const ids = idPaths(value);
            const p = ids[i % ids.length];
            const from = p && getAt(value, p);
            if (typeof from === 'string') value = renameId(value, from, to);
          }
          for (const [i, text] of texts) {
            const names = namePaths(value);
            const p = names[i % Math.max(1, names.length)];
            if (p) value = updateAt(value, p, () => text);
          }
          check(value, true);
        },
      ),
      params(25),
    );
  });

  it('ids like constructor, toString, hasOwnProperty and prototype are ids like any other', () => {
    let value = structuredClone(example('default'));
    const rename = {
      ctl1: 'constructor',
      kvm1: 'toString',
      'acme-web': 'hasOwnProperty',
      'prod-k8s': 'prototype',
      postgres: 'isPrototypeOf',
    };
    for (const [from, to] of Object.entries(rename)) value = renameId(value, from, to);
    value = renameId(value, (getAt(value, ['services', 0, 'processes', 0, 'id']) as string) ?? '', 'valueOf');
    const result = validateModel(value);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const ids = new Set(deriveScene(result.model, 'both').elements.map((e) => e.id));
    for (const id of ['constructor', 'toString', 'hasOwnProperty', 'prototype', 'isPrototypeOf#0'])
      expect(ids.has(id), id).toBe(true);
    expect(ids.has('valueOf@constructor')).toBe(true);
    expectDrawn(result.model, value);
  });

  it('refuses __proto__ as an id (ids start with a letter or digit), with its path', () => {
    const value = renameId(structuredClone(example('default')), 'ctl1', '__proto__');
    const result = validateModel(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path: '$.hosts[0].id' });
    expect(result.issues[0]?.message).toMatch(/starting with a letter or digit/);
  });
});

// --- Explicit inputs, with the messages people see --------------------------------------------------------

const defaultText = JSON.stringify(example('default'), null, 2);
const refused = (text: string) => {
  const draft = checkDraft(text);
  const plain = validateModelText(text);
  if (draft.ok || plain.ok) throw new Error('expected the text to be refused');
  expect(plain.issues.map((i) => i.message)).toEqual(draft.issues.map((i) => i.message));
  return draft.issues;
};

describe('text that is not a model', () => {
  it('not JSON at all', () => {
    const [issue] = refused('hosts: [ctl1, ctl2]');
    expect(issue).toMatchObject({
      path: '$',
      message: 'not valid JSON: unexpected character',
      line: 1,
      column: 1,
    });
  });

  it('JSON with comments: says comments are not allowed, and where', () => {
    const text = '{\n  "version": 1,\n  // the hosts\n  "hosts": []\n}';
    const [issue] = refused(text);
    expect(issue).toMatchObject({
      message: 'not valid JSON: comments are not allowed in JSON',
      line: 3,
      column: 3,
    });
    const block = refused('{ /* hosts */ "version": 1 }')[0];
    expect(block).toMatchObject({
      message: 'not valid JSON: comments are not allowed in JSON',
      line: 1,
      column: 3,
    });
  });

  it('a top-level array', () => {
    expect(refused('[{"version": 1}]')[0]).toMatchObject({
      path: '$',
      message: 'a model is a JSON object, not an array',
    });
  });

  it.each([
    ['an empty file', ''],
    ['white space only', '  \n\t\r\n '],
    ['a byte order mark only', '\ufeff'],
  ])('%s', (_, text) => {
    expect(refused(text)[0]).toMatchObject({
      path: '$',
      message:
        'the model is empty: a model is a JSON object, e.g. {"version": 1, "hosts": […], "services": […]}',
    });
  });

  it('a PNG image read as text', () => {
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000';
    expect(refused(png)[0]?.message).toBe('this is a PNG image, not a model: a model is a JSON text file');
    // The same bytes decoded as UTF-8 (0x89 is not valid UTF-8 and becomes U+FFFD).
    expect(refused(`\ufffd${png.slice(1)}`)[0]?.message).toBe(
      'this is a PNG image, not a model: a model is a JSON text file',
    );
  });

  it('NUL bytes and other control characters', () => {
    expect(refused('\u0000\u0000\u0000')[0]).toMatchObject({
      message:
        'this is not text: it has a control character (U+0000) here, as binary files do; a model is a JSON text file',
      line: 1,
      column: 1,
    });
    expect(refused('{"version": 1,\n\u0007}')[0]).toMatchObject({
      message: expect.stringMatching(/U\+0007/),
      line: 2,
      column: 1,
    });
    expect(refused(defaultText.replace('"ctl1"', '"ctl\u00001"'))[0]?.message).toMatch(/U\+0000/);
  });

  it.each([1_000, 100_000, 500_000])('%i-deep nesting is refused without blowing the stack', (depth) => {
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
    ] as const) {
      const closed = open.repeat(depth) + close.repeat(depth);
      const unclosed = open.repeat(depth);
      const inside = defaultText.replace('"version": 1', `"version": 1, "deep": ${closed}`);
      for (const text of [closed, unclosed, inside]) {
        const [issue] = refused(text);
        expect(issue?.message).toBe(
          `the JSON is nested more than ${MAX_NESTING} levels deep here; a model needs at most 8 levels`,
        );
        expect(issue?.line).toBeGreaterThanOrEqual(1);
      }
    }
    // A comment or a broken string cannot hide brackets from the check.
    for (const text of [
      `/*"*/${'['.repeat(depth)}`,
      `"a\n${'['.repeat(depth)}`,
      `//"\n${'{"a":'.repeat(depth)}`,
    ])
      expect(refused(text)[0]?.message).toMatch(/nested more than/);
    // And the helpers on their own.
    const deep = '['.repeat(depth);
    expect(lineColumn(deep, depth)).toEqual({ line: 1, column: depth + 1 });
  });

  it('deep nesting as a parsed value (not text) is refused by the schema, at its path', () => {
    let deep: Json = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const value = structuredClone(example('default')) as Record<string, Json>;
    value.hosts = deep;
    const result = validateModel(value);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        path: '$.hosts[0]',
        message: 'expected an object, not an array',
      });
  });

  it('JSON at the nesting limit still parses and is located', () => {
    const ok = `{"version": 1, "x": ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}}`;
    const issues = refused(ok);
    expect(issues.some((i) => i.message.startsWith('unknown key "x"'))).toBe(true);
  });

  it('a UTF-8 byte order mark at the start is accepted silently, with columns as in the text', () => {
    expect(checkDraft(`\ufeff${defaultText}`).ok).toBe(true);
    expect(validateModelText(`\ufeff${defaultText}`).ok).toBe(true);
    const [issue] = refused('\ufeff{"version": 2}');
    expect(issue).toMatchObject({ line: 1 });
    expect('\ufeff{"version": 2}'.slice(issue?.from, issue?.to)).toBe('2');
  });

  it('a lone surrogate in a name is refused with a plain message (nothing is silently replaced)', () => {
    const value = structuredClone(example('default')) as Record<string, any>;
    value.hosts[0].name = 'ctl\ud8001';
    value.projects[0].description = 'cut emoji \udc00';
    const issues = refused(JSON.stringify(value));
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        '$.hosts[0].name',
        'has a broken character at position 4 (half of a UTF-16 surrogate pair, e.g. a cut emoji, written \\ud800): remove it or write the whole character',
      ],
      [
        '$.projects[0].description',
        'has a broken character at position 11 (half of a UTF-16 surrogate pair, e.g. a cut emoji, written \\udc00): remove it or write the whole character',
      ],
    ]);
    // Whole characters, pairs included, are fine.
    value.hosts[0].name = 'ctl 😀 1';
    value.projects[0].description = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    expect(validateModel(value).ok).toBe(true);
  });

  it('the same, written as escapes in the JSON text', () => {
    const text = defaultText.replace('"id": "ctl1",', '"id": "ctl1", "name": "ctl\\ud800",');
    expect(text).not.toBe(defaultText);
    expect(refused(text)[0]?.message).toMatch(/^has a broken character at position 4/);
  });
});

describe('__proto__, constructor and prototype as JSON keys', () => {
  const withKey = (path: Path, key: string, value: Json) => {
    const text = JSON.stringify(example('default'));
    const root = JSON.parse(text) as Json;
    const target = getAt(root, path);
    if (!isObject(target)) throw new Error('no object there');
    setOwn(target, key, value);
    return JSON.stringify(root);
  };

  it.each([
    [[], '$'],
    [['hosts', 0], '$.hosts[0]'],
    [['projects', 0, 'vms', 1], '$.projects[0].vms[1]'],
    [['tenantClusters', 0, 'workloads', 0], '$.tenantClusters[0].workloads[0]'],
    [['hosts', 2, 'capacity'], '$.hosts[2].capacity'],
  ] as const)('at %j cannot change any object and are refused as unknown keys', (path, where) => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = withKey(path, key, { polluted: 1, prototype: { polluted: 1 }, toString: 'x' });
      expect(text).toContain(`"${key}":{"polluted":1`);
      const [issue] = refused(text);
      expect(issue).toMatchObject({ path: where, message: `unknown key "${key}" (check the spelling)` });
      expect(text.slice(issue?.from, issue?.to)).toBe(`"${key}"`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.toString.call([])).toBe('[object Array]');
    }
  });

  it('a share link carrying __proto__ is refused the same way', async () => {
    const text = withKey([], '__proto__', { polluted: 1 });
    const decoded = await decodeShare(encodeShare(text));
    expect(refused(decoded)[0]?.message).toBe('unknown key "__proto__" (check the spelling)');
  });
});

// --- Limits ------------------------------------------------------------------------------------------------

describe('limits', () => {
  it('counts the elements of the fullest view without deriving it (examples and generated models)', () => {
    for (const value of [...ALL, generated(5_000, 8)]) {
      const result = validateModel(value);
      if (!result.ok) throw new Error(JSON.stringify(result.issues[0]));
      expect(countElements(value).total).toBe(deriveScene(result.model, 'both').elements.length);
    }
  });

  it('refuses a small file that asks for too many pods, before the schema and with a clear message', () => {
    const value = structuredClone(example('default')) as Record<string, any>;
    const workloads = value.tenantClusters[0].workloads as Record<string, Json>[];
    for (const w of workloads) if (w.kind !== 'DaemonSet') w.replicas = 10_000;
    for (let i = 0; i <= MAX_ELEMENTS / 10_000; i++)
      workloads.push({ id: `more-${i}`, kind: 'Deployment', replicas: 10_000 });
    value.services = 'not even checked'; // refused for its size first: the schema never runs
    const [issue, ...rest] = refused(JSON.stringify(value));
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('$');
    expect(issue?.message).toMatch(
      /^the model has [\d,]+ elements \([\d,]+ of them pods \(workload replicas\)\); the limit is 150,000$/,
    );
  });

  it('refuses a generated model above the limit; the generator stays below it up to its own limit', () => {
    const big = generated(MAX_ELEMENTS, 1);
    const [issue] = refused(JSON.stringify(big));
    expect(issue?.message).toMatch(/^the model has [\d,]+ elements \([\d,]+ of them projects, networks, VMs/);
    for (const seed of [1, 2])
      expect(countElements(generated(MAX_GENERATE_ELEMENTS, seed)).total).toBeLessThanOrEqual(MAX_ELEMENTS);
  });

  it('lists at most MAX_ISSUES problems, and counts the rest', () => {
    const value = structuredClone(example('default')) as Record<string, any>;
    value.hosts = Array.from({ length: 1_000 }, (_, i) => ({ id: `h${i}`, roles: ['nowhere'] }));
    const issues = refused(JSON.stringify(value));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[MAX_ISSUES]?.message).toMatch(
      /^and [\d,]+ more problems \(only the first 200 are listed\)$/,
    );
  });

  it('checks duplicate services and roles of thousands of services and hosts', () => {
    const value = structuredClone(example('default')) as Record<string, any>;
    const hosts = Array.from({ length: 5_000 }, (_, i) => ({ id: `s${i}`, roles: ['storage'] }));
    value.hosts = hosts; // storage only: the processes below run nowhere (no elements), however many
    value.services = Array.from({ length: 6_000 }, (_, i) => ({
      id: `svc${i % 3_000}`,
      processes: [{ id: `p${i}`, role: 'network' }],
    }));
    const issues = refused(JSON.stringify(value));
    expect(issues[0]?.message).toMatch(/already used at|no host has that role/);
  });

  it('refuses text over the size limit before parsing it', () => {
    const text = ' '.repeat(MAX_MODEL_TEXT + 1);
    expect(refused(text)[0]?.message).toBe('the model is 16.0 MB; the limit is 16 MB');
  });

  it('measures 10,000-character names without walking all of them', () => {
    expect(textWidth(LONG, 12)).toBe(textWidth(LONG.slice(0, 200), 12));
  });
});

// --- Share links -------------------------------------------------------------------------------------------

describe('#model= links', () => {
  it('any text after #model= decodes to a model text or fails with a plain message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .base64String({ maxLength: 200 })
            .map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64url')),
          mutated(SMALL.slice(0, 2), 2).map((v) => encodeShare(JSON.stringify(v))),
        ),
        async (encoded) => {
          let text: string;
          try {
            text = await decodeShare(encoded);
          } catch (err) {
            expect(err).toBeInstanceOf(Error);
            expect((err as Error).message).toMatch(/^the link/);
            return;
          }
          const draft = checkDraft(text);
          if (!draft.ok) expectLocated(text, draft.issues);
        },
      ),
      params(200),
    );
  });
});
