// Shared test fixtures (imported by *.test.ts only).
import defaultJson from '../../public/models/default.json';
import type { Model } from '../model/schema';
import { validateModel } from '../model/validate';

/** The default model, validated (a test fails loudly if it is not valid). */
export function defaultModel(): Model {
  const result = validateModel(structuredClone(defaultJson));
  if (!result.ok) throw new Error(`default model invalid: ${JSON.stringify(result.issues)}`);
  return result.model;
}

/** A deep, mutable copy of the default model's JSON, for breaking on purpose. */
export function defaultJsonCopy(): Record<string, any> {
  return structuredClone(defaultJson) as Record<string, any>;
}
