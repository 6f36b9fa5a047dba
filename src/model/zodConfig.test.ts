import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('zod runs without eval', () => {
  it('validating models and tours never calls the Function constructor (the CSP forbids it)', async () => {
    const calls: string[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        calls.push(String(args.at(-1)).slice(0, 60));
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        calls.push(String(args.at(-1)).slice(0, 60));
        return Reflect.apply(target, self, args);
      },
    });
    try {
      // Imported only now, so the schemas are built while the spy is in place.
      const { validateModelText } = await import('./validate');
      const { validateToursText } = await import('./tours');
      // The schemas use zod/mini, whose objects never compile; zod's classic objects do (unless jitless).
      const { z } = await import('zod');
      const text = readFileSync(new URL('../../public/models/default.json', import.meta.url), 'utf8');
      expect(validateModelText(text).ok).toBe(true);
      expect(validateModelText('{"version": 1, "hosts": [{"id": 1}]}').ok).toBe(false);
      const tours = readFileSync(new URL('../../public/tours/default.json', import.meta.url), 'utf8');
      expect(validateToursText(tours).ok).toBe(true);
      expect(calls).toEqual([]);

      // The spy does see zod's compiler when jitless is off: the check above can fail.
      z.config({ jitless: false });
      z.object({ a: z.string() }).parse({ a: 'x' });
      expect(calls.length).toBeGreaterThan(0);
    } finally {
      globalThis.Function = RealFunction;
      const { z } = await import('zod');
      z.config({ jitless: true });
    }
  });
});
