import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../model/checkDraft';
import './bundledDefault';
import { DEFAULT_EXAMPLE } from './examples';
import { bundledModel } from './loaders';

const text = readFileSync(new URL(`../../../public/models/${DEFAULT_EXAMPLE.file}`, import.meta.url), 'utf8');

// The app loads its bundled default without the validator: this is the check it skips.
describe('the bundled default model', () => {
  it('is valid, and what the app loads is exactly what validation would give', () => {
    const check = checkDraft(text);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(bundledModel(text)).toEqual(check.model);
  });

  it('is trusted only as it ships: any other text goes through the validator', () => {
    expect(bundledModel(`${text} `)).toBeUndefined();
    expect(bundledModel(text.replace('"kvm3"', '"kvm9"'))).toBeUndefined();
  });
});
