import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FenceError, parseFence } from '../core/fence.mjs';
import { CASES } from './helpers.mjs';

for (const c of CASES.ok)
  test(`fence: ${c.name}`, () => {
    assert.deepEqual(parseFence(c.body), { attrs: c.attrs, model: c.model });
  });

for (const c of CASES.errors)
  test(`fence error: ${c.name}`, () => {
    assert.throws(
      () => parseFence(c.body),
      (err) => err instanceof FenceError && err.message.includes(c.message),
    );
  });
