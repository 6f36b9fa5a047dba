import { describe, expect, it } from 'vitest';
import {
  initialTheme,
  nextTheme,
  readStoredTheme,
  storeTheme,
  THEME_STORAGE_KEY,
  themeLabel,
} from './themeChoice';

const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
};
const throwing = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme choice', () => {
  it('remembers a choice and reads it back', () => {
    const s = memory();
    expect(readStoredTheme(s)).toBeUndefined();
    storeTheme('dark', s);
    expect(s.map.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(readStoredTheme(s)).toBe('dark');
  });
  it('ignores a stored value that is not a theme', () => {
    const s = memory();
    s.setItem(THEME_STORAGE_KEY, 'purple');
    expect(readStoredTheme(s)).toBeUndefined();
  });
  it('survives a storage that throws, and no storage at all', () => {
    expect(readStoredTheme(throwing)).toBeUndefined();
    expect(() => storeTheme('light', throwing)).not.toThrow();
    expect(readStoredTheme(null)).toBeUndefined();
    expect(() => storeTheme('light', null)).not.toThrow();
  });
  it('lets the URL win over the remembered choice, and defaults to auto', () => {
    expect(initialTheme('light', 'dark')).toBe('light');
    expect(initialTheme(undefined, 'dark')).toBe('dark');
    expect(initialTheme(undefined, undefined)).toBe('auto');
  });
  it('cycles auto, light, dark and says which', () => {
    expect([nextTheme('auto'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'auto']);
    expect(themeLabel('auto')).toBe('Theme: Auto (follows system)');
    expect(themeLabel('dark')).toBe('Theme: Dark');
  });
});
