import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/schema';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS } from '../topology/views';
import { boxClass, CHIP_KINDS, KINDS, type Kind, kindLabel } from './index';

/** Every example model (`public/models/`) in every view. */
const scenes = readdirSync('public/models')
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const model = JSON.parse(readFileSync(`public/models/${f}`, 'utf8')) as Model;
    return VIEWS.map((view) => deriveScene(model, view));
  });

describe('KINDS', () => {
  it('files each definition under its own kind', () => {
    for (const [kind, def] of Object.entries(KINDS)) expect(def.kind).toBe(kind);
  });

  it('draws the small leaf boxes as chips, the boxes that hold others as nodes of their own', () => {
    // What holds others: what something runs on, a project, a cluster, a node's host (in any view).
    const holders = new Set<Kind>();
    for (const scene of scenes) {
      const hold = (id: string | undefined) => {
        const held = id === undefined ? undefined : scene.byId.get(id);
        if (held) holders.add(held.kind);
      };
      for (const el of scene.elements) {
        hold(el.runsOn);
        if ('project' in el) hold(el.project);
        if ('cluster' in el) hold(el.cluster);
      }
    }
    for (const kind of Object.keys(KINDS) as Kind[])
      expect(CHIP_KINDS.has(kind), kind).toBe(!holders.has(kind));
  });

  it('gives every element of the example models, in every view, words and a look', () => {
    const seen = new Set<Kind>();
    for (const scene of scenes)
      for (const el of scene.elements) {
        seen.add(el.kind);
        expect(kindLabel(el)).toMatch(/\w/);
        expect(boxClass(el)).toMatch(/^sl-(box|chip|resource) /);
      }
    // Every kind is in one of them, so every kind is checked (and shown to people).
    expect([...seen].sort()).toEqual(Object.keys(KINDS).sort());
  });
});
