import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStored, writeStored } from './storage';

const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
};

afterEach(() => vi.unstubAllGlobals());

describe('storage', () => {
  it('stores text and reads it back; a missing key reads as undefined', () => {
    const s = memory();
    expect(readStored('k', s)).toBeUndefined();
    expect(writeStored('k', 'v', s)).toBe(true);
    expect(s.map.get('k')).toBe('v');
    expect(readStored('k', s)).toBe('v');
  });

  it('reports a full or blocked storage instead of throwing', () => {
    const throwing = {
      getItem: (): string | null => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: (): void => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readStored('k', throwing)).toBeUndefined();
    expect(writeStored('k', 'v', throwing)).toBe(false);
    expect(readStored('k', null)).toBeUndefined();
    expect(writeStored('k', 'v', null)).toBe(false);
  });

  it('uses the page localStorage by default, and survives reading it throwing (sandboxed frame)', () => {
    const s = memory();
    vi.stubGlobal('localStorage', s);
    expect(writeStored('stacklayers:x', '1')).toBe(true);
    expect(readStored('stacklayers:x')).toBe('1');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
    expect(readStored('stacklayers:x')).toBeUndefined();
    expect(writeStored('stacklayers:x', '2')).toBe(false);
  });
});
