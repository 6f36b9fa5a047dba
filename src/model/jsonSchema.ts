// First: zod must be jitless before any schema is built (the CSP forbids eval).
import './zodConfig';
import * as z from 'zod/mini';
import { Model } from './schema';

/** Where the published JSON Schema lives, relative to the site root. */
export const SCHEMA_PATH = 'schema/model.v1.json';

/** The JSON Schema of the model, generated from the zod schema (the one source of truth). */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Model, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Stacklayers model, version 1',
    ...schema,
  };
}

/** The schema file's exact text. */
export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
