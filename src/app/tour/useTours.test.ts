import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTours } from '../../model/tours';
import { BUILT_IN_TOURS } from './builtInTours';

const text = readFileSync(new URL('../../../public/tours/default.json', import.meta.url), 'utf8');

// The app takes its built-in tours without the validator: this is the check it skips.
describe('the built-in tours', () => {
  it('are valid, and what the app takes is exactly what validation would give', () => {
    const checked = validateTours(JSON.parse(text));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.tours.length).toBeGreaterThan(0);
    expect(BUILT_IN_TOURS).toEqual(checked.tours);
  });
});
