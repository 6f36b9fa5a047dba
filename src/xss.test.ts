// "Text is text": no string of a model ever becomes markup, script or a link other than http(s).
// The browser side is e2e/xss.spec.ts; the SVG export is render/svg/xss.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeHref } from './app/ui/links';
import { parseTourText, safeHref as tourHref, validateTours } from './model/tours';
import { validateModel } from './model/validate';
import { BAD_HREFS, hostileModel, LINK_PAYLOADS, PROTO_IDS, XSS_PAYLOADS } from './testing/hostile';
import { deriveScene } from './topology/deriveScene';
import { runsOnChain, searchElements } from './topology/explain';
import { analyzeFailures } from './topology/failures/engine';
import { whatIfJson } from './topology/failures/report';
import { VIEWS } from './topology/views';

const root = new URL('.', import.meta.url).pathname;
const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const defaultJson = read('../public/models/default.json');
const toursJson = read('../public/tours/default.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('the source has no HTML or code sinks', () => {
  /** Ways text becomes markup or code. A justified use would be listed in ALLOWED with its reason. */
  const SINKS: [string, RegExp][] = [
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['createContextualFragment', /createContextualFragment/],
    ['DOMParser', /\bDOMParser\b/],
    ['document.write', /document\.write(ln)?\s*\(/],
    ['eval', /(^|[^.\w])eval\s*\(/],
    ['new Function', /new\s+Function\s*\(/],
    ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
    ['srcdoc', /srcdoc/i],
    ['javascript: URL', /['"]javascript:/i],
  ];
  /** file (relative to src) -> sink names it may use, with why. */
  const ALLOWED: Record<string, string[]> = {
    // The print picture parses the export's own SVG (sceneToSvg: model text escaped, elements and attributes
    // held to an allowlist by render/svg/xss.test.ts) as XML, never as HTML; a parser error draws nothing.
    'app/diagram/PrintPicture.tsx': ['DOMParser'],
  };

  it('finds none of innerHTML, dangerouslySetInnerHTML, eval, new Function, document.write… in src/', () => {
    // src/testing holds the tests' hostile payloads and is never part of the app.
    const files = sourceFiles(root).filter((f) => !relative(root, f).startsWith('testing'));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      const rel = relative(root, file);
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of SINKS)
        if (pattern.test(text) && !(ALLOWED[rel] ?? []).includes(name)) found.push(`${rel}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches each sink', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
      'el.innerHTML = x',
      'el.outerHTML = x',
      "el.insertAdjacentHTML('beforeend', x)",
      'range.createContextualFragment(x)',
      'new DOMParser()',
      'document.write(x)',
      'eval(x)',
      "new Function('return 1')",
      "setTimeout('alert(1)', 1)",
      'iframe.srcdoc = x',
      "a.href = 'javascript:void 0'",
    ];
    for (const sample of samples)
      expect(
        SINKS.some(([, p]) => p.test(sample)),
        sample,
      ).toBe(true);
    expect(SINKS.some(([, p]) => p.test('retrieval(x); const evaluate = 1; medieval(2)'))).toBe(false);
  });
});

describe('links', () => {
  it('only http(s) URLs become docs links, however the scheme is disguised', () => {
    for (const bad of BAD_HREFS) expect(safeHref(bad), JSON.stringify(bad)).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref('https://docs.openstack.org/nova/')).toBe('https://docs.openstack.org/nova/');
    expect(safeHref('HTTP://Example.com/a')).toBe('http://example.com/a');
    // What the schema lets through is still only ever an http(s) href, with the markup percent-encoded.
    for (const link of LINK_PAYLOADS) {
      const href = safeHref(link);
      expect(href, link).toMatch(/^https?:\/\/[^\s<>"]+$/);
    }
  });

  it('the schema refuses every non-http(s) docs link', () => {
    for (const bad of BAD_HREFS) {
      const model = structuredClone(defaultJson);
      model.hosts[0].docs = bad;
      const result = validateModel(model);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      if (!result.ok) expect(result.issues[0]?.path).toBe('$.hosts[0].docs');
    }
  });

  it('tour links to anything but http(s) lose the link and keep their text', () => {
    for (const bad of BAD_HREFS) {
      expect(tourHref(bad), JSON.stringify(bad)).toBeUndefined();
      const runs = parseTourText(`See [the docs](${bad}) now`).flatMap((p) => p.runs);
      expect(
        runs.filter((r) => r.href !== undefined),
        JSON.stringify(bad),
      ).toEqual([]);
      expect(runs.map((r) => r.text).join(''), JSON.stringify(bad)).toMatch(/^See the docs/);
    }
  });

  it('the tour schema refuses raw HTML in every spelling, and any non-http(s) link', () => {
    const tour = (text: string) => [{ id: 't', title: 'T', steps: [{ title: 'S', text, view: 'both' }] }];
    const html = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<img/src=x/onerror=alert(1)>',
      '<svg/onload=alert(1)>',
      '<br/>',
      '<!-- x -->',
      '<![CDATA[x]]>',
      '<?xml-stylesheet href="x"?>',
      '</style>',
    ];
    for (const text of html) {
      const result = validateTours(tour(`Before ${text} after`));
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.issues[0]?.message, text).toMatch(/raw HTML is not allowed/);
      // In a code span it is shown literally, so it is allowed.
      expect(validateTours(tour(`Before \`${text}\` after`)).ok, text).toBe(true);
    }
    for (const bad of BAD_HREFS.filter((b) => !/[()\n\r]/.test(b))) {
      const result = validateTours(tour(`See [x](${bad}).`));
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(validateTours(tour('a < b and c > d, 2 <3')).ok).toBe(true);
  });
});

describe('the hostile model', () => {
  const hostile = hostileModel(defaultJson, toursJson);

  it('is a valid model with a payload in every free-text and link field of the schema', () => {
    const result = validateModel(hostile.model);
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
    const hit = new Set(hostile.placements.map((p) => p.path.replace(/\.\d+(?=\.|$)/g, '.*')));
    expect([...hostile.schemaFields].filter((f) => !hit.has(f))).toEqual([]);
    expect(hostile.schemaFields.size).toBeGreaterThan(45);
    // Every payload is used somewhere, and every renamed id is in the model.
    for (const p of XSS_PAYLOADS)
      expect(
        hostile.placements.some((x) => x.value.includes(p)),
        p,
      ).toBe(true);
    expect([...hostile.renamed.values()]).toEqual([...PROTO_IDS]);
  });

  it('with ids like constructor and prototype, changes no shared object in any view', () => {
    const result = validateModel(hostile.model);
    if (!result.ok) throw new Error('invalid');
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const probe: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const view of VIEWS) {
      const scene = deriveScene(result.model, view);
      for (const id of PROTO_IDS) {
        // A process is drawn as its instances, <process>@<host>; a tenant cluster only in the k8s-in-tenant views.
        const el = scene.byId.get(id) ?? scene.elements.find((e) => e.id.startsWith(`${id}@`));
        if (!el) continue;
        seen.add(id);
        expect(el.id.replace(/@.*/, ''), `${id} in ${view}`).toBe(id);
        expect(runsOnChain(scene, el.id).every((e) => scene.byId.get(e.id) === e)).toBe(true);
      }
      const blast = analyzeFailures(scene, ['constructor']);
      expect(blast.failed).toEqual(['constructor']);
      // The JSON contract keeps ids such as __proto__ as keys, not as prototypes.
      const json = JSON.parse(JSON.stringify(whatIfJson(scene, analyzeFailures(scene, PROTO_IDS))));
      expect(Object.getPrototypeOf(json.services)).toBe(Object.prototype);
      expect(searchElements(scene, 'constructor').map((h) => h.el.id)).toContain('constructor');
      expect(searchElements(scene, '<script>').length).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual([...PROTO_IDS].sort());
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(probe.constructor).toBe(Object);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
