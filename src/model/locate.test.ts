import { describe, expect, it } from 'vitest';
import { defaultJsonCopy } from '../testing/fixtures';
import { lineColumn } from './lineColumn';
import { jsonSyntaxIssues, locateIssues } from './locate';
import { validateModelText } from './validate';

const located = (text: string) => {
  const r = validateModelText(text);
  if (r.ok) throw new Error('expected issues');
  return locateIssues(text, r.issues);
};

describe('locateIssues', () => {
  it('points at the offending value with line and column', () => {
    const m = defaultJsonCopy();
    m.projects[0].vms[2].host = 'kvm9';
    const text = JSON.stringify(m, null, 2);
    const [issue] = located(text);
    expect(issue?.message).toBe("VM 'db-1' runs on host 'kvm9', which is not in hosts");
    expect(text.slice(issue?.from, issue?.to)).toBe('"kvm9"');
    const lines = text.split('\n');
    expect(lines[(issue?.line ?? 0) - 1]?.slice((issue?.column ?? 0) - 1)).toMatch(/^"kvm9"/);
  });

  it('points at an unknown key itself', () => {
    const text =
      '{\n  "version": 1,\n  "hosts": [{ "id": "a", "roles": ["compute"], "rack ": "r1" }],\n  "services": []\n}';
    const issue = located(text).find((i) => i.message.startsWith('unknown key'));
    expect(issue).toMatchObject({ path: '$.hosts[0]', line: 3 });
    expect(text.slice(issue?.from, issue?.to)).toBe('"rack "');
  });

  it('points at the parent when a key is missing', () => {
    const text = '{\n  "version": 1,\n  "hosts": [\n    { "id": "a" }\n  ],\n  "services": []\n}';
    const issue = located(text).find((i) => i.path === '$.hosts[0].roles');
    expect(issue).toMatchObject({ line: 4, column: 5, message: '"roles" is missing (expected an array)' });
  });
});

describe('jsonSyntaxIssues', () => {
  it('locates a trailing comma, a comment and an empty text', () => {
    expect(jsonSyntaxIssues('{\n  "a": 1,\n}')[0]).toMatchObject({ line: 3, column: 1 });
    expect(jsonSyntaxIssues('{ // hi\n}')[0]?.message).toBe(
      'not valid JSON: comments are not allowed in JSON',
    );
    expect(jsonSyntaxIssues('')).toHaveLength(1);
    expect(jsonSyntaxIssues('{"a": [1, 2]}')).toEqual([]);
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
