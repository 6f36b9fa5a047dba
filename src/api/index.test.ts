import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { generateModel } from '../model/generate';
import type { View as ModelView } from '../model/schema';
import { VIEWS as TOPOLOGY_VIEWS } from '../topology/views';
import { renderSvg, StacklayersModelError, VIEWS, type View, validateModel } from './index';

const DEFAULT_TEXT = readFileSync(new URL('../../public/models/default.json', import.meta.url), 'utf8');

describe('the package API', () => {
  it('names the views of the model', () => {
    expect(VIEWS).toEqual(TOPOLOGY_VIEWS);
    expectTypeOf<View>().toEqualTypeOf<ModelView>();
  });

  it('validates text and values; text problems have a line and a column', () => {
    expect(validateModel(DEFAULT_TEXT)).toEqual({ ok: true });
    expect(validateModel(JSON.parse(DEFAULT_TEXT))).toEqual({ ok: true });
    const text =
      '{\n  "version": 1,\n  "hosts": [ { "id": "a", "roles": ["flying"] } ],\n  "services": []\n}';
    const fromText = validateModel(text);
    expect(fromText.ok).toBe(false);
    if (fromText.ok) return;
    expect(fromText.issues[0]).toMatchObject({ path: '$.hosts[0].roles[0]', line: 3 });
    expect(fromText.issues[0]?.column).toBeGreaterThan(1);
    const fromValue = validateModel(JSON.parse(text));
    expect(fromValue).toEqual({
      ok: false,
      issues: [{ path: '$.hosts[0].roles[0]', message: expect.any(String) }],
    });
    expect(validateModel('{ "version": 1,')).toMatchObject({ ok: false, issues: [{ line: 1 }] });
  });

  it('renders an SVG in each view and theme, with the given title', () => {
    for (const topology of VIEWS) {
      const svg = renderSvg(DEFAULT_TEXT, { topology, theme: 'dark', title: 'Our cloud' });
      expect(svg).toContain(`data-view="${topology}"`);
      expect(svg).toContain('data-theme="dark"');
      expect(svg).toContain('<title id="t">Our cloud</title>');
    }
    expect(renderSvg(JSON.parse(DEFAULT_TEXT))).toContain('data-view="traditional"');
    expect(renderSvg(DEFAULT_TEXT, { theme: 'auto' })).toContain('@media (prefers-color-scheme: dark)');
  });

  it('throws StacklayersModelError with the issues for an invalid model, TypeError for a bad option', () => {
    let error: unknown;
    try {
      renderSvg({ version: 1, hosts: [{ id: 'a', roles: ['flying'] }], services: [] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StacklayersModelError);
    expect((error as StacklayersModelError).issues[0]?.path).toBe('$.hosts[0].roles[0]');
    expect((error as Error).message).toMatch(/^not a valid Stacklayers model: \$\.hosts\[0\]\.roles\[0\] /);
    expect(() => renderSvg(DEFAULT_TEXT, { topology: 'sideways' as View })).toThrow(TypeError);
    expect(() => renderSvg(DEFAULT_TEXT, { theme: 'blue' as 'light' })).toThrow(TypeError);
  });

  it('folds a big model like the app unless expanded', () => {
    const big = generateModel(1000, 1);
    const folded = renderSvg(big, { topology: 'traditional' });
    const expanded = renderSvg(big, { topology: 'traditional', expanded: true });
    expect(expanded.length).toBeGreaterThan(folded.length);
    expect(folded).toContain('data-kind="host-group"');
    expect(expanded).not.toContain('data-kind="host-group"');
  });
});
