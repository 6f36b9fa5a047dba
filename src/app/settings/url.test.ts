import { describe, expect, it } from 'vitest';
import { defaultCollapsed } from '../../layout/layoutScene';
import { generateModel } from '../../model/generate';
import { deriveScene } from '../../topology/deriveScene';
import { collapsedFor } from '../derived';
import { readUrl } from './url';

describe('fold=none', () => {
  it('is read from the URL; anything else keeps the default folding', () => {
    expect(readUrl('?topology=both&fold=none').unfolded).toBe(true);
    expect(readUrl('?topology=both').unfolded).toBe(false);
    expect(readUrl('?fold=all').unfolded).toBe(false);
  });

  it('starts a big model with nothing folded; a choice of the user still wins', () => {
    const scene = deriveScene(generateModel(1_000, 1), 'both');
    expect(defaultCollapsed(scene).size).toBeGreaterThan(0);
    expect(collapsedFor(scene, null, false).size).toBeGreaterThan(0);
    expect(collapsedFor(scene, null, true).size).toBe(0);
    const chosen = new Set(['x']);
    expect(collapsedFor(scene, chosen, true)).toBe(chosen);
  });
});
