import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../model/checkDraft';
import { decodeShare } from '../../model/openShare';
import { defaultModel } from '../../testing/fixtures';
import { modelFileName } from '../share/download';
import { shareLink } from '../share/shareLink';
import type { AppState } from '../store';
import { fingerprint, invalidModelMessage, prettyJson, resolveModelUrl } from './loaders';

const state = (model = defaultModel()) =>
  ({ model, view: 'both', source: { kind: 'example', label: 'x', key: 'x' } }) as unknown as AppState;

describe('resolveModelUrl', () => {
  it('accepts http(s) and same-site paths, refuses other schemes', () => {
    expect(resolveModelUrl('https://a.example/m.json', 'http://app/')).toEqual({
      url: 'https://a.example/m.json',
    });
    expect(resolveModelUrl('/models/nested.json', 'http://app/?x=1')).toEqual({
      url: 'http://app/models/nested.json',
    });
    expect(resolveModelUrl('HTTPS://A.example/m.json', 'http://app/')).toEqual({
      url: 'https://a.example/m.json',
    });
  });

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript'],
    [' javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['data:application/json,{"version":1}', 'data'],
    ['file:///etc/passwd', 'file'],
    ['blob:http://app/0b9c6f0e-3b7e-4c1a-9a4f-2f7d1c6b8e11', 'blob'],
    ['ftp://files.example/m.json', 'ftp'],
  ])('refuses %s, saying which scheme', (raw, scheme) => {
    expect(resolveModelUrl(raw, 'http://app/')).toEqual({
      error: `only http and https models can be loaded, not ${scheme}`,
    });
  });

  it('says when the text is not a URL at all', () => {
    expect(resolveModelUrl('http://', 'http://app/')).toEqual({ error: '"http://" is not a URL' });
  });
});

describe('invalidModelMessage', () => {
  const issues = (text: string) => {
    const check = checkDraft(text);
    if (check.ok) throw new Error('expected problems');
    return check.issues;
  };
  it('names the first problem with its line and path, and counts the rest', () => {
    const text = JSON.stringify(
      { version: 1, hosts: [{ id: 'h1', roles: ['mainframe'] }], services: [] },
      null,
      2,
    );
    const message = invalidModelMessage('https://m.example/x.json', issues(text));
    expect(message).toMatch(
      /^Could not load https:\/\/m\.example\/x\.json: it is not a valid model \(line \d+, \$\.hosts\[0\]\.roles\[0\]\): /,
    );
    expect(message).toContain('Open file…');
  });
  it('says so for text that is not JSON', () => {
    expect(invalidModelMessage('http://a/m.json', issues('{ "version": 1,'))).toMatch(
      /^Could not load http:\/\/a\/m\.json: it is not a valid model \(line 1/,
    );
    const two = issues(JSON.stringify({ version: 2, hosts: 'none' }));
    expect(two.length).toBeGreaterThan(1);
    expect(invalidModelMessage('http://a/m.json', two)).toContain(`and ${two.length - 1} more problem`);
  });
});

describe('shareLink', () => {
  it('carries the view and the model, and drops ?model=', async () => {
    const link = shareLink(state(), 'http://app/?model=/x.json&theme=dark#old');
    if ('error' in link) throw new Error(link.error);
    const url = new URL(link.url);
    expect(url.searchParams.get('topology')).toBe('both');
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.has('model')).toBe(false);
    const encoded = url.hash.replace('#model=', '');
    expect(JSON.parse(await decodeShare(encoded))).toEqual(defaultModel());
  });

  it('refuses a model too large for a link, pointing to the file or ?model=', () => {
    const big = {
      ...defaultModel(),
      description: Array.from({ length: 60_000 }, (_, i) => i.toString(36)).join(' '),
    };
    const link = shareLink(state(big), 'http://app/');
    expect(link).toHaveProperty('error');
    expect('error' in link && link.error).toMatch(/too large for a link.*Download.*\?model=/s);
  });

  it('says when there is nothing to share', () => {
    expect(shareLink({ ...state(), model: null }, 'http://app/')).toHaveProperty('error');
  });
});

describe('small helpers', () => {
  it('pretty-prints JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}\n');
    expect(prettyJson('{oops')).toBe('{oops');
  });
  it('fingerprints stably', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
  });
  it('names downloads after the model', () => {
    expect(modelFileName(state())).toBe('small-cloud.json');
    expect(modelFileName({ model: null, source: { kind: 'file', label: 'My Cloud.json', key: '' } })).toBe(
      'my-cloud.json',
    );
  });
});
