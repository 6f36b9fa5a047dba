import { describe, expect, it } from 'vitest';
import { defaultModel } from '../testing/fixtures';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS } from '../topology/views';
import { boxClass, CHIP_KINDS, KINDS, type Kind, kindLabel } from './index';

describe('KINDS', () => {
  it('files each definition under its own kind', () => {
    for (const [kind, def] of Object.entries(KINDS)) expect(def.kind).toBe(kind);
  });

  it('draws the small leaf boxes as chips, the boxes that hold others as nodes of their own', () => {
    expect([...CHIP_KINDS].sort()).toEqual(['load-balancer', 'network', 'pod', 'service', 'volume']);
  });

  it('gives every element of the default model, in every view, words and a look', () => {
    const seen = new Set<Kind>();
    for (const view of VIEWS)
      for (const el of deriveScene(defaultModel(), view).elements) {
        seen.add(el.kind);
        expect(kindLabel(el)).toMatch(/\w/);
        expect(boxClass(el)).toMatch(/^sl-(box|chip|resource) /);
      }
    expect([...seen].sort()).toEqual(Object.keys(KINDS).sort());
  });
});
