import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../model/checkDraft';
import { loadValidator, validatorIfLoaded } from './document/validator';
import { createAppStore } from './store';

const defaultText = readFileSync(new URL('../../public/models/default.json', import.meta.url), 'utf8');
const source = (label: string) => ({ kind: 'file' as const, label, key: `file:${label}` });

// First in this file: the validator (zod) is not loaded yet.
describe('the validator loads on demand', () => {
  it('takes a check made elsewhere (the worker) without it: ok or invalid, never pending', () => {
    const store = createAppStore({ view: 'traditional', theme: 'light' });
    const good = checkDraft(defaultText);
    expect(store.getState().loadText(defaultText, source('default.json'), { checked: good })).toBe('ok');
    const model = store.getState().model;
    expect(model).not.toBeNull();
    const broken = defaultText.replace('"host": "kvm3"', '"host": "kvm9"');
    const checked = checkDraft(broken);
    expect(store.getState().loadText(broken, source('broken.json'), { checked })).toBe('invalid');
    expect(store.getState().draft).toBe(broken);
    expect(store.getState().model).toBe(model);
    expect(validatorIfLoaded()).toBeNull();
  });

  it('loads the bundled default without it, and text from outside once it is there', async () => {
    expect(validatorIfLoaded()).toBeNull();
    const store = createAppStore({ view: 'traditional', theme: 'light' });
    const trusted = JSON.parse(defaultText);
    expect(store.getState().loadText(defaultText, source('default.json'), { trusted })).toBe('ok');
    expect(store.getState().model).toBe(trusted);
    expect(validatorIfLoaded()).toBeNull();

    const broken = defaultText.replace('"host": "kvm3"', '"host": "kvm9"');
    // Not checked yet: nothing changes until the validator is there, then the load happens.
    expect(store.getState().loadText(broken, source('broken.json'))).toBe('pending');
    expect(store.getState().draft).toBe(defaultText);
    store.getState().editDraft(`${broken} `);
    await loadValidator();
    expect(validatorIfLoaded()).not.toBeNull();
    expect(store.getState().draft).toBe(`${broken} `);
    expect(store.getState().edited).toBe(true);
    expect(store.getState().model).toBe(trusted);
    expect(store.getState().issues[0]?.message).toMatch(/kvm9/);
  });
});

describe('loadText', () => {
  beforeAll(async () => {
    await loadValidator();
  });
  it('refuses input over a limit as a whole: only a notice changes', () => {
    const store = createAppStore({ view: 'traditional', theme: 'light' });
    expect(store.getState().loadText(defaultText, source('default.json'))).toBe('ok');
    const before = store.getState();
    const pods = JSON.parse(defaultText);
    pods.tenantClusters[0].workloads.push({ id: 'many', kind: 'Deployment', replicas: 10_000 });
    pods.tenantClusters[0].workloads.push({ id: 'more', kind: 'Deployment', replicas: 10_000 });
    for (let i = 0; i < 13; i++)
      pods.tenantClusters[0].workloads.push({ id: `most-${i}`, kind: 'Deployment', replicas: 10_000 });
    for (const [name, text, message] of [
      [
        'pods.json',
        JSON.stringify(pods),
        /^Cannot open pods\.json: the model has [\d,]+ elements .*; the limit is 150,000\.$/,
      ],
      ['image.png', '\u0089PNG\r\n\u001a\n', /^Cannot open image\.png: this is a PNG image, not a model/],
      ['empty.json', '  \n', /^Cannot open empty\.json: the model is empty/],
      ['deep.json', '['.repeat(10_000), /^Cannot open deep\.json: the JSON is nested more than 64 levels/],
    ] as const) {
      expect(store.getState().loadText(text, source(name))).toBe('invalid');
      const after = store.getState();
      expect(after.notice?.kind).toBe('error');
      expect(after.notice?.text).toMatch(message);
      expect(after.draft).toBe(before.draft);
      expect(after.model).toBe(before.model);
      expect(after.source).toEqual(before.source);
      expect(after.editorOpen).toBe(false);
    }
  });

  it('still opens the editor on a model with ordinary problems', () => {
    const store = createAppStore({ view: 'traditional', theme: 'light' });
    store.getState().loadText(defaultText, source('default.json'));
    const broken = defaultText.replace('"host": "kvm3"', '"host": "kvm9"');
    expect(store.getState().loadText(broken, source('broken.json'))).toBe('invalid');
    expect(store.getState().editorOpen).toBe(true);
    expect(store.getState().draft).toBe(broken);
    expect(store.getState().issues[0]?.message).toMatch(/kvm9/);
  });
});
