import { describe, expect, it } from 'vitest';
import { detectPageTheme, resolvePageTheme } from './pageTheme';

/** Just enough of a document for the detection: attributes and classes on <html> and <body>, a few queries. */
function page({
  html = {},
  body = {},
  htmlClass = [],
  vitepress = false,
  colorScheme = 'normal',
  osDark = false,
}: {
  html?: Record<string, string>;
  body?: Record<string, string>;
  htmlClass?: string[];
  vitepress?: boolean;
  colorScheme?: string;
  osDark?: boolean;
}): Document {
  const element = (attrs: Record<string, string>, classes: string[] = []) => ({
    getAttribute: (name: string) => attrs[name] ?? null,
    classList: { contains: (c: string) => classes.includes(c) },
  });
  return {
    documentElement: element(html, htmlClass),
    body: element(body),
    querySelector: (selector: string) => (vitepress && selector.includes('VitePress') ? {} : null),
    defaultView: {
      getComputedStyle: () => ({ colorScheme }),
      matchMedia: () => ({ matches: osDark }),
    },
  } as unknown as Document;
}

describe('the page theme, as docs generators mark it', () => {
  it('reads each generator’s marker', () => {
    expect(detectPageTheme(page({ body: { 'data-md-color-scheme': 'slate' } }))).toBe('dark');
    expect(detectPageTheme(page({ html: { 'data-md-color-scheme': 'default' } }))).toBe('light');
    expect(detectPageTheme(page({ htmlClass: ['dark'] }))).toBe('dark');
    expect(detectPageTheme(page({ vitepress: true }))).toBe('light');
    expect(detectPageTheme(page({ html: { 'data-theme': 'dark' } }))).toBe('dark');
    expect(detectPageTheme(page({ body: { 'data-theme': 'light' } }))).toBe('light');
    expect(detectPageTheme(page({ html: { 'data-bs-theme': 'dark' } }))).toBe('dark');
    expect(detectPageTheme(page({ colorScheme: 'dark' }))).toBe('dark');
    expect(detectPageTheme(page({ colorScheme: 'only light' }))).toBe('light');
  });

  it('hears nothing from a page that says nothing, and then follows the reader’s system', () => {
    for (const quiet of [
      page({}),
      page({ body: { 'data-theme': 'auto' } }),
      page({ colorScheme: 'light dark' }),
    ]) {
      expect(detectPageTheme(quiet)).toBeNull();
    }
    expect(resolvePageTheme(page({ osDark: true }))).toBe('dark');
    expect(resolvePageTheme(page({ osDark: false }))).toBe('light');
  });

  it('lets the page win over the reader’s system', () => {
    expect(resolvePageTheme(page({ html: { 'data-theme': 'light' }, osDark: true }))).toBe('light');
  });
});
