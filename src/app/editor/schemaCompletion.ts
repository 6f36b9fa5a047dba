import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { getLocation } from 'jsonc-parser';
import { modelJsonSchema } from '../../model/jsonSchema';

type SchemaNode = {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
};

let schema: SchemaNode | undefined;
const rootSchema = () => {
  schema ??= modelJsonSchema() as SchemaNode;
  return schema;
};

/** The schema nodes that describe the value at a JSON path (unions give several). */
function schemaAt(path: readonly (string | number)[], node: SchemaNode = rootSchema()): SchemaNode[] {
  let nodes = [node];
  for (const seg of path) {
    const next: SchemaNode[] = [];
    for (const n of nodes.flatMap((x) => [x, ...(x.anyOf ?? [])])) {
      if (typeof seg === 'number' && n.items) next.push(n.items);
      if (typeof seg === 'string' && n.properties?.[seg]) next.push(n.properties[seg] as SchemaNode);
    }
    nodes = next;
  }
  return nodes.flatMap((x) => [x, ...(x.anyOf ?? [])]);
}

/** Completes property names, and enum or boolean values, from the model's JSON Schema. */
export function schemaCompletion(ctx: CompletionContext): CompletionResult | null {
  const text = ctx.state.doc.toString();
  const loc = getLocation(text, ctx.pos);
  const word = ctx.matchBefore(/"?[\w$.-]*"?/);
  if (!word && !ctx.explicit) return null;
  const from = word ? word.from : ctx.pos;
  if (loc.isAtPropertyKey) {
    const objectPath = loc.path.slice(0, -1);
    const present = new Set<string>();
    const nodes = schemaAt(objectPath);
    const options: Completion[] = [];
    for (const n of nodes)
      for (const [key, prop] of Object.entries(n.properties ?? {})) {
        if (present.has(key)) continue;
        present.add(key);
        options.push({ label: `"${key}"`, apply: `"${key}": `, type: 'property', info: prop.description });
      }
    return options.length ? { from, options, validFor: /^"?[\w$.-]*"?$/ } : null;
  }
  const values = new Set<string>();
  for (const n of schemaAt(loc.path)) {
    for (const v of n.enum ?? []) values.add(JSON.stringify(v));
    if (n.const !== undefined) values.add(JSON.stringify(n.const));
    if (n.type === 'boolean') for (const v of ['true', 'false']) values.add(v);
    for (const v of n.items?.enum ?? []) values.add(JSON.stringify(v));
  }
  if (values.size === 0) return null;
  return { from, options: [...values].map((label) => ({ label, type: 'enum' })), validFor: /^"?[\w$.-]*"?$/ };
}
