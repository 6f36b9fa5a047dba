// Hostile text for the "text is text" tests (unit tests and e2e/xss.spec.ts). Pure: no fs, no DOM.
import { modelJsonSchema } from '../model/jsonSchema';

/**
 * The canary every payload that could ever run calls: `window.__pwned(tag)`. The tests define it (and
 * override alert/confirm/prompt) and assert it is never called. Payloads that would load something point
 * at another origin (`evil.example`), which the e2e guard reports as a foreign request.
 */
export const XSS_PAYLOADS: readonly string[] = [
  `<script>window.__pwned('script')</script>`,
  `<img src=x onerror="window.__pwned('img')">`,
  `<svg onload=window.__pwned('svg')>`,
  `<svg><script>window.__pwned('svg-script')</script></svg>`,
  `"><img src=x onerror=window.__pwned('dq')>`,
  `'><svg/onload=window.__pwned('sq')>`,
  `<img/src=x/onerror=alert('slash')>`,
  `javascript:window.__pwned('js')`,
  ` JaVaScRiPt:alert('mixed')`,
  `java\tscript:alert('tab')`,
  `data:text/html,<script>window.__pwned('data')</script>`,
  `vbscript:msgbox('vb')`,
  `</style><script>window.__pwned('style-out')</script>`,
  `</script><script>window.__pwned('script-out')</script>`,
  `</textarea><script>window.__pwned('textarea-out')</script>`,
  `red;background:url(https://evil.example/css.png)`,
  `}body{display:none}*{background:url(//evil.example/x)}`,
  `expression(window.__pwned('css-expression'))`,
  `<style>@import 'https://evil.example/x.css';</style>`,
  `<link rel=stylesheet href=https://evil.example/x.css>`,
  `<iframe src="javascript:window.__pwned('iframe')"></iframe>`,
  `<a href="javascript:window.__pwned('a')">click me</a>`,
  `<object data="data:text/html,<script>window.__pwned('object')</script>"></object>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned('mxss')>`,
  `<!--<img src=x onerror=window.__pwned('comment')>-->`,
  `]]><script>window.__pwned('cdata')</script>`,
  `<?xml-stylesheet href="https://evil.example/x.xsl"?>`,
  `<foreignObject><iframe src=https://evil.example/></iframe></foreignObject>`,
  `&lt;script&gt;window.__pwned('entity')&lt;/script&gt;`,
  `&#60;img src=x onerror=window.__pwned('numeric')&#62; &amp; &nbsp; &bogus;`,
  `{{constructor.constructor('window.__pwned("angular")')()}}`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-literal payload, on purpose.
  '${window.__pwned("template")} #{7*7} <%= 7*7 %>',
  `admin\u202Egnp.exe (RLO)`,
  `\u2066isolate\u2069 \u2067rtl\u2069 \u2068fsi\u2069 \u202Boverride\u202C`,
  `zero\u200Bwidth\u200C\u200Djoin\uFEFFbom\u2060word`,
  `__proto__`,
  `constructor`,
  `prototype`,
];

/** Link-field payloads the schema accepts (http(s), no white space), each trying to break out of an attribute. */
export const LINK_PAYLOADS: readonly string[] = [
  `https://example.com/"><script>window.__pwned('docs')</script>`,
  `https://example.com/'onmouseover='window.__pwned(1)'`,
  `https://example.com/?q=<img/src=x/onerror=alert(1)>`,
  `http://example.com/#javascript:alert(1)`,
];

/** Link targets that must never become a link (docs fields refuse them; tour links drop them). */
export const BAD_HREFS: readonly string[] = [
  `javascript:alert(1)`,
  `JavaScript:alert(1)`,
  `JAVASCRIPT:alert(1)`,
  ` javascript:alert(1)`,
  `\tjavascript:alert(1)`,
  `java\tscript:alert(1)`,
  `java\nscript:alert(1)`,
  `java\rscript:alert(1)`,
  `\u0000javascript:alert(1)`,
  `javascript&colon;alert(1)`,
  `javascript%3Aalert(1)`,
  `jav&#x09;ascript:alert(1)`,
  `data:text/html,<script>alert(1)</script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  ` DATA:text/html,x`,
  `vbscript:msgbox(1)`,
  `file:///etc/passwd`,
  `//evil.example/x`,
  `/relative/path`,
  `ftp://example.com/x`,
  `blob:https://example.com/1`,
  `about:blank`,
  `mailto:x@example.com`,
  `http://`,
];

/** Ids that are also names of `Object.prototype` members: as ids they must not reach into any object. */
export const PROTO_IDS = ['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
interface SchemaNode {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** What the schema says a string field holds. */
type StringKind = 'id' | 'ref' | 'enum' | 'word' | 'link' | 'text';

function stringKind(node: SchemaNode): StringKind {
  if (node.enum || node.const !== undefined) return 'enum';
  if (node.pattern?.startsWith('^[A-Za-z0-9][A-Za-z0-9._-]*$')) return 'id';
  if (node.pattern?.startsWith('^[A-Za-z0-9][A-Za-z0-9._-]*(?:')) return 'ref';
  if (node.pattern?.startsWith('^https?:')) return 'link';
  // A failure declaration's capability: lower-case letters, digits and : . _ - only, so no markup fits it.
  if (node.pattern === '^[a-z0-9][a-z0-9:._-]*$') return 'word';
  if (node.pattern) throw new Error(`a string field with an unknown pattern: ${node.pattern}`);
  return 'text';
}

/** The variant of an anyOf that fits a value. */
function variant(node: SchemaNode, value: Json | undefined): SchemaNode {
  if (!node.anyOf) return node;
  const want = Array.isArray(value) ? 'array' : typeof value;
  return node.anyOf.find((n) => n.type === want || (want === 'string' && n.enum)) ?? node;
}

/** Tour fields in the safe markdown subset (the schema refuses raw HTML and non-http(s) links there). */
const MARKDOWN_FIELD = /^tours\.\d+\.(description|steps\.\d+\.(text|notes|question\.explanation))$/;

/** A payload as tour markdown: literal (in a code span) when it has markup or markdown markers. */
function asTourText(payload: string): string {
  return /[<>*_\\[\]`]/.test(payload) ? `Text: \`${payload}\`` : `Text: ${payload}`;
}

/** Where a payload went: the JSON path, and the exact string the field holds. */
interface Placement {
  path: string;
  value: string;
  kind: 'text' | 'link' | 'markdown';
}

export interface HostileModel {
  /** The model JSON (with the tours in `tours`), schema-valid. */
  model: JsonObject;
  /** Every free-text and link field, with the string it got. */
  placements: Placement[];
  /** Old id -> new id, for the ids renamed to names of Object.prototype members. */
  renamed: Map<string, string>;
  /** Every free-text or link field the schema has (as `hosts.*.name`), to check none is missed. */
  schemaFields: Set<string>;
}

/**
 * The model and the tours with a payload in every string the schema lets hold free text (name,
 * description, rack, tool, flavor, image, cidr, tour title, text, question, answers...), links that try to
 * break out in every link field, and a few ids renamed to `constructor`, `prototype`, `toString`... The
 * walk follows the published JSON Schema, and optional text fields the data lacks are added, so no field is
 * missed. Ids and references stay consistent, so the result is a valid model.
 */
export function hostileModel(modelJson: unknown, toursJson: unknown): HostileModel {
  const schema = modelJsonSchema() as SchemaNode;
  const model = structuredClone(modelJson) as JsonObject;
  model.tours = structuredClone(toursJson) as Json;
  const placements: Placement[] = [];
  const schemaFields = new Set<string>();
  let next = 0;
  let nextLink = 0;

  // Ids to rename: the first host, VM, project, process and tenant cluster.
  const renamed = new Map<string, string>();
  const first = (list: Json | undefined) =>
    Array.isArray(list) ? ((list[0] as JsonObject | undefined)?.id as string | undefined) : undefined;
  const projects = (model.projects ?? []) as JsonObject[];
  const services = model.services as JsonObject[];
  // The default model declares no process's failure: give the first process a declaration, so that the
  // declaration's free text and link carry payloads too (the visit below fills only fields that exist).
  const firstProcess = (services[0]?.processes as JsonObject[] | undefined)?.[0];
  if (firstProcess && firstProcess.failure === undefined)
    firstProcess.failure = { role: 'role', lost: 'lost', source: 'https://example.org/' };
  // Nor does it have regions, zones, aggregates, cells or an Ironic node: give it one of each (with only their
  // ids), so that their names, descriptions and links carry payloads too.
  if (model.regions === undefined) model.regions = [{ id: 'hostile-region' }];
  if (model.availabilityZones === undefined)
    model.availabilityZones = [{ id: 'hostile-zone', region: 'hostile-region' }];
  if (model.aggregates === undefined) model.aggregates = [{ id: 'hostile-aggregate', hosts: [] }];
  if (model.cells === undefined) model.cells = [{ id: 'hostile-cell', region: 'hostile-region' }];
  const hosts = model.hosts as JsonObject[];
  if (!hosts.some((h) => h.ironic !== undefined))
    hosts.push({ id: 'hostile-baremetal', roles: ['baremetal'], ironic: {} });
  const picks = [
    first(model.hosts),
    first(projects.find((p) => Array.isArray(p.vms) && p.vms.length > 0)?.vms),
    first(model.projects),
    first(services[0]?.processes),
    first(model.tenantClusters),
  ];
  picks.forEach((id, i) => {
    if (id) renamed.set(id, PROTO_IDS[i] as string);
  });
  const renameRef = (ref: string) =>
    ref
      .split(/([@/#])/)
      .map((part) => renamed.get(part) ?? part)
      .join('');

  const textFor = (path: string, max: number): Placement => {
    const markdown = MARKDOWN_FIELD.test(path);
    for (let tries = 0; tries < XSS_PAYLOADS.length; tries++) {
      const payload = XSS_PAYLOADS[next++ % XSS_PAYLOADS.length] as string;
      const value = markdown ? asTourText(payload) : payload;
      if (value.length <= max) return { path, value, kind: markdown ? 'markdown' : 'text' };
    }
    throw new Error(`no payload fits ${path} (max ${max})`);
  };

  // `enumerate`: a subtree the model leaves out (an absent object or array), visited only to list its fields:
  // it takes no payload, so the payloads land on the same fields whatever optional blocks the schema grows.
  const visit = (
    node: SchemaNode,
    value: Json | undefined,
    path: string[],
    enumerate = false,
  ): Json | undefined => {
    const n = variant(node, value);
    const field = path.map((p) => (/^\d+$/.test(p) ? '*' : p)).join('.');
    if (n.type === 'string') {
      const kind = stringKind(n);
      if (kind === 'text' || kind === 'link') schemaFields.add(field);
      if (enumerate) return undefined;
      if (typeof value !== 'string' && value !== undefined) return value;
      if (kind === 'id' || kind === 'ref') return value === undefined ? undefined : renameRef(value);
      if (kind === 'enum' || kind === 'word') return value;
      if (kind === 'link') {
        const link = LINK_PAYLOADS[nextLink++ % LINK_PAYLOADS.length] as string;
        placements.push({ path: path.join('.'), value: link, kind: 'link' });
        return link;
      }
      const placed = textFor(path.join('.'), n.maxLength ?? 10_000);
      placements.push(placed);
      return placed.value;
    }
    if (n.type === 'array' && n.items) {
      if (!Array.isArray(value)) {
        visit(n.items, undefined, [...path, '0'], true); // enumerate the fields of its items
        return value;
      }
      return value.map((v, i) => visit(n.items as SchemaNode, v, [...path, String(i)], enumerate) as Json);
    }
    if (n.type === 'object' && n.properties) {
      if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
        for (const [k, child] of Object.entries(n.properties)) visit(child, undefined, [...path, k], true);
        return value;
      }
      const obj = value as JsonObject;
      for (const [k, child] of Object.entries(n.properties)) {
        const v = variant(child, obj[k]);
        // Fill optional free text and links the data leaves out (but never add whole objects or arrays).
        const addable = v.type === 'string' && ['text', 'link'].includes(stringKind(v));
        if (obj[k] === undefined && !addable) {
          visit(child, undefined, [...path, k], true);
          continue;
        }
        const out = visit(child, obj[k], [...path, k], enumerate);
        if (out !== undefined) obj[k] = out;
      }
      return obj;
    }
    return value;
  };
  visit(schema, model, []);

  // Flavor names are free text that VMs refer to: keep them unique and the references in step.
  const flavors = (model.flavors ?? []) as JsonObject[];
  const flavorNames = new Map<string, string>();
  const original = (modelJson as JsonObject).flavors as JsonObject[] | undefined;
  flavors.forEach((f, i) => {
    const name = `${String(f.name).slice(0, 90)} #${i}`;
    flavorNames.set(String(original?.[i]?.name), name);
    f.name = name;
    const placement = placements.find((p) => p.path === `flavors.${i}.name`);
    if (placement) placement.value = name;
  });
  const originalProjects = ((modelJson as JsonObject).projects ?? []) as JsonObject[];
  projects.forEach((p, i) => {
    for (const [j, vm] of ((p.vms ?? []) as JsonObject[]).entries()) {
      const before = ((originalProjects[i]?.vms ?? []) as JsonObject[])[j]?.flavor;
      const name = flavorNames.get(String(before));
      if (name === undefined) continue;
      vm.flavor = name;
      const placement = placements.find((x) => x.path === `projects.${i}.vms.${j}.flavor`);
      if (placement) placement.value = name;
    }
  });
  return { model, placements, renamed, schemaFields };
}
