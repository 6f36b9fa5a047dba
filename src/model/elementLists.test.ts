import { describe, expect, it } from 'vitest';
import { defaultJsonCopy } from '../testing/fixtures';
import { countElements } from './countElements';
import { ELEMENT_LISTS, type ElementList } from './elementLists';
import { Model } from './schema';
import { checkIntegrity, validateModel } from './validate';

/** zod's own description of a schema (its `_zod.def`), as far as this test reads it. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
}
const defOf = (s: { _zod: { def: Def } }): Def => {
  const d = s._zod.def;
  return d.type === 'optional' && d.innerType ? defOf(d.innerType) : d;
};
const MODEL = defOf(Model as unknown as { _zod: { def: Def } });

/** Every list of objects with an `id` that the schema declares, by path (`projects.vms`), and whether it is one object. */
function schemaLists(def: Def, base = ''): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const d = defOf(field);
    const path = base ? `${base}.${key}` : key;
    const item = d.type === 'array' && d.element ? defOf(d.element) : d;
    if (item.type !== 'object') continue;
    if (item.shape && 'id' in item.shape) out.set(path, d.type !== 'array');
    for (const [p, single] of schemaLists(item, path)) out.set(p, single);
  }
  return out;
}
function tableLists(lists: readonly ElementList[], base = ''): Map<string, ElementList> {
  const out = new Map<string, ElementList>();
  for (const list of lists) {
    const path = base ? `${base}.${list.key}` : list.key;
    out.set(path, list);
    for (const [p, l] of tableLists(list.lists ?? [], path)) out.set(p, l);
  }
  return out;
}
/** Lists with ids that are not elements of a scene: each has its own namespace, checked by its own code. */
const NOT_ELEMENTS = ['regions', 'availabilityZones', 'aggregates', 'cells', 'tours'];

describe('ELEMENT_LISTS', () => {
  const declared = schemaLists(MODEL);
  const table = tableLists(ELEMENT_LISTS);

  it("names only the schema's lists of objects with ids, as lists or as one object", () => {
    for (const [path, list] of table) {
      expect(declared.has(path), path).toBe(true);
      expect(declared.get(path), path).toBe(list.single === true);
    }
  });

  it('has every list of objects with ids that the schema declares, unless it is no element', () => {
    for (const path of declared.keys())
      if (!NOT_ELEMENTS.includes(path.split('.')[0] as string)) expect(table.has(path), path).toBe(true);
  });
});

describe('a new element list', () => {
  // A kind added as a line of the table (made up: a project's widgets, each naming one of its networks).
  const widgets: ElementList = {
    key: 'widgets',
    what: 'widget',
    sceneId: true,
    counts: 'tenantResources',
    refs: [{ key: 'network', to: 'projects.networks' }],
  };
  const lists = ELEMENT_LISTS.map((l) =>
    l.key === 'projects' ? { ...l, lists: [...(l.lists ?? []), widgets] } : l,
  );
  const withWidgets = (...widgets: object[]) => {
    const json = defaultJsonCopy();
    json.projects[0].widgets = widgets;
    return json;
  };
  const model = (json: unknown): Model => {
    const { widgets, ...p0 } = (json as { projects: Record<string, unknown>[] }).projects[0] as Record<
      string,
      unknown
    >;
    const copy = structuredClone(json) as { projects: unknown[] };
    copy.projects[0] = p0;
    const r = validateModel(copy);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return {
      ...r.model,
      projects: [{ ...r.model.projects?.[0], widgets }, ...(r.model.projects ?? []).slice(1)],
    } as Model;
  };

  it('is counted toward the size limit', () => {
    const json = withWidgets({ id: 'z1' }, { id: 'z2' });
    const before = countElements(json);
    const after = countElements(json, lists);
    expect(after.tenantResources - before.tenantResources).toBe(2);
    expect(after.total - before.total).toBe(2);
  });

  it("has its ids claimed in the model's namespace and its references resolved", () => {
    const json = withWidgets({ id: 'z1', network: 'ghost' }, { id: 'z1' });
    const net = json.projects[0].networks[0].id;
    json.projects[0].widgets.push({ id: 'z3', network: net });
    expect(checkIntegrity(model(json))).toEqual([]);
    expect(checkIntegrity(model(json), lists).map((i) => [i.path, i.message])).toEqual([
      ['$.projects[0].widgets[1].id', "widget id 'z1' is already used at $.projects[0].widgets[0].id"],
      ['$.projects[0].widgets[0].network', "widget 'z1' names network 'ghost', which is not in the model"],
    ]);
  });
});
