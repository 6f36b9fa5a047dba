import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../model/checkDraft';
import * as onMain from './checkOnMainThread';

describe('checkOnMainThread (offThread in the one-file web component)', () => {
  it('has every export of app/document/offThread.ts, which it replaces in that build', async () => {
    const offThread = await import('../app/document/offThread');
    const mainThread = await import('./checkOnMainThread');
    expect(Object.keys(mainThread).sort()).toEqual(Object.keys(offThread).sort());
  });

  it('checks as checkDraft does, once per text', async () => {
    const text = readFileSync(new URL('../../public/models/default.json', import.meta.url), 'utf8');
    const check = onMain.checkOffThread(text);
    expect(onMain.checkOffThread(text)).toBe(check);
    expect(await check).toEqual(checkDraft(text));
    expect(await onMain.checkOffThread('{')).toEqual(checkDraft('{'));
  });
});
