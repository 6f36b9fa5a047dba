import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutProblems } from '../layout/checkLayout';
import { layoutScene } from '../layout/layoutScene';
import { deriveScene } from '../topology/deriveScene';
import { VIEWS } from '../topology/views';
import { largeExample } from './examples';
import { validateModelText } from './validate';

const dir = new URL('../../public/models/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the example gallery', () => {
  it('has the five examples', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining([
        'default.json',
        'large.json',
        'multi-tenant.json',
        'nested.json',
        'openstack-helm.json',
      ]),
    );
  });

  it.each(files)('%s is valid and lays out cleanly in every view', (file) => {
    const r = validateModelText(readFileSync(new URL(file, dir), 'utf8'));
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.model.name).toBeTruthy();
    expect(r.model.description).toBeTruthy();
    for (const view of VIEWS)
      expect(layoutProblems(layoutScene(deriveScene(r.model, view))), view).toEqual([]);
  });

  it('large.json is what the generator makes (run `npm run examples` after changing it)', () => {
    const file = readFileSync(new URL('large.json', dir), 'utf8');
    expect(file).toBe(`${JSON.stringify(largeExample(), null, 1)}\n`);
    const r = validateModelText(file);
    expect(r.ok && r.model.hosts.length).toBeGreaterThan(200);
    expect(r.ok && deriveScene(r.model, 'both').elements.length).toBeGreaterThan(2000);
  });
});
