import { describe, expect, it } from 'vitest';
import { looksLikeModel } from './importFiles';

describe('looksLikeModel (a large file is refused from its first bytes when it is a model)', () => {
  it.each([
    ['{\n  "$schema": "./schema/model.v1.json",\n  "version": 1,', true],
    ['\ufeff{"version":1,"hosts":[', true],
    ['{"hosts": [{"id": "a"', true],
    ['{\n    "apiVersion": "v1",\n    "items": [', false],
    ['{"kind": "List", "items": [], "version": 1', false],
    ['[\n  {\n    "ID": "5a0d", "Name": "web"', false],
    ['', false],
  ])('%j -> %s', (head, model) => {
    expect(looksLikeModel(head)).toBe(model);
  });
});
