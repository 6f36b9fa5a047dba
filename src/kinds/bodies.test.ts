import { describe, expect, it } from 'vitest';
import type { SceneElement } from '../topology/scene';
import { chipBodyOf, KIND_NODE_TYPES } from './bodies';
import { KINDS } from './index';
import type { Kind } from './types';

describe("the kinds' React bodies", () => {
  const kinds = Object.keys(KINDS) as Kind[];
  const anElementOf = (kind: Kind) => ({ kind }) as SceneElement;

  it.each(kinds)('%s has the body its definition draws it with', (kind) => {
    const drawn = KINDS[kind].drawn;
    if (drawn.as === 'node') {
      expect(KIND_NODE_TYPES[drawn.nodeType]).toBeDefined();
      expect(chipBodyOf(anElementOf(kind))).toBeNull();
    } else expect(chipBodyOf(anElementOf(kind))).not.toBeNull();
  });

  it('a node type is drawn by one body', () => {
    const byType = new Map<string, unknown>();
    for (const kind of kinds) {
      const drawn = KINDS[kind].drawn;
      if (drawn.as !== 'node') continue;
      byType.set(drawn.nodeType, KIND_NODE_TYPES[drawn.nodeType]);
    }
    expect(Object.keys(KIND_NODE_TYPES).sort()).toEqual([...byType.keys()].sort());
  });
});
