// The SVG export of a model with a payload in every string field: well-formed, inert, and its text
// decodes back to exactly what the model says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutScene } from '../../layout/layoutScene';
import type { Model } from '../../model/schema';
import { validateModel } from '../../model/validate';
import { hostileModel, PROTO_IDS } from '../../testing/hostile';
import { inertProblems, parseXml, textOf, walk, type XmlElement } from '../../testing/xml';
import { deriveScene } from '../../topology/deriveScene';
import { VIEWS } from '../../topology/views';
import { sceneToSvg } from './index';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const hostile = hostileModel(
  read('../../../public/models/default.json'),
  read('../../../public/tours/default.json'),
);
const result = validateModel(hostile.model);
if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
const model: Model = result.model;

/** What the SVG does to text shown on one line: white space runs become one space. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const child = (el: XmlElement, name: string) =>
  el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

describe.each(VIEWS)('sceneToSvg(hostile model, %s)', (view) => {
  const scene = deriveScene(model, view);
  const layouts = {
    expanded: layoutScene(scene),
    // Every host, project and cluster folded: the summaries and group boxes say names too.
    folded: layoutScene(scene, {
      collapsed: new Set(
        scene.elements
          .filter((e) => ['host', 'project', 'tenant-cluster', 'operator-cluster'].includes(e.kind))
          .map((e) => e.id),
      ),
    }),
  };

  it.each(Object.keys(layouts) as (keyof typeof layouts)[])(
    '%s: parses as strict XML with nothing that runs, links or loads',
    (which) => {
      for (const theme of ['light', 'dark'] as const) {
        const svg = sceneToSvg(layouts[which], theme, { title: `${model.name}: ${view} view` });
        const root = parseXml(svg);
        expect(inertProblems(root)).toEqual([]);
        // Nothing of a payload survives as markup: no raw "<" other than the document's own tags.
        expect(svg).not.toMatch(/<(script|img|iframe|style|a|object|meta|link|math|foreignObject)[\s/>]/i);
        expect(textOf(child(root, 'title') as XmlElement)).toBe(`${model.name}: ${view} view`);
      }
    },
  );

  it('says every name and description exactly, in the tooltips', () => {
    const root = parseXml(sceneToSvg(layouts.expanded, 'light'));
    const groups = new Map(
      [...walk(root)].filter((e) => e.attrs['data-id'] !== undefined).map((e) => [e.attrs['data-id'], e]),
    );
    let checked = 0;
    for (const el of scene.elements) {
      if (el.kind === 'network' || el.kind === 'volume') continue; // labelled with size or CIDR
      const g = groups.get(el.id);
      expect(g, el.id).toBeDefined();
      const tooltip = textOf(child(g as XmlElement, 'title') as XmlElement);
      expect(tooltip.startsWith(`${el.name}: `), `${el.id}: ${tooltip}`).toBe(true);
      if (el.description) expect(tooltip.endsWith(`\n${el.description}`), el.id).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('shows each host, VM and project name as text, whole or cut with "…"', () => {
    const root = parseXml(sceneToSvg(layouts.expanded, 'dark'));
    for (const g of walk(root)) {
      const el = scene.byId.get(g.attrs['data-id'] ?? '');
      if (!el || (el.kind !== 'host' && el.kind !== 'vm' && el.kind !== 'project')) continue;
      const texts = [...walk(g)].filter((e) => e.name === 'tspan' || e.name === 'text').map(textOf);
      const name = oneLine(el.name);
      const shown = texts.find(
        (t) => t === name || t.trim() === name || (t.endsWith('…') && name.startsWith(t.slice(0, -1).trim())),
      );
      expect(shown, `${el.id}: ${JSON.stringify(texts)}`).toBeDefined();
    }
  });

  it('draws the elements whose ids are names of Object.prototype members', () => {
    const ids = [...walk(parseXml(sceneToSvg(layouts.expanded, 'light')))].map((e) => e.attrs['data-id']);
    for (const id of PROTO_IDS) {
      if (id === 'valueOf' && !scene.byId.has(id)) continue; // a tenant cluster: only in the k8s-in-tenant views
      expect(
        ids.some((x) => x === id || x?.startsWith(`${id}@`)),
        id,
      ).toBe(true);
    }
  });
});
