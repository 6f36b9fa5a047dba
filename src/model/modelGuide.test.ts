import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS } from '../topology/views';
import { validateModelText } from './validate';

describe("the model guide's minimal model", () => {
  it('is valid and shows in every view', () => {
    const guide = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toBeTruthy();
    const r = validateModelText(block ?? '');
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.model.hosts).toHaveLength(5);
    for (const view of VIEWS) expect(deriveScene(r.model, view).elements.length).toBeGreaterThan(10);
  });
});
