import { describe, expect, it } from 'vitest';
import { deriveScene } from '../topology/deriveScene';
import { generateModel } from './generate';
import { validateModel } from './validate';

describe('generateModel', () => {
  it.each([10, 100, 1000, 5000])('makes a valid model of about %i elements', (n) => {
    const model = generateModel(n, 7);
    const r = validateModel(model);
    expect(r.ok ? [] : r.issues).toEqual([]);
    const size = deriveScene(model, 'both').elements.length;
    expect(size).toBeGreaterThan(n * 0.5);
    expect(size).toBeLessThan(n * 2 + 50);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(generateModel(300, 1)).toEqual(generateModel(300, 1));
    expect(generateModel(300, 1)).not.toEqual(generateModel(300, 2));
  });
});
