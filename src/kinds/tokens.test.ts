import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, type ColourToken, colour, FONTS, tokensCss } from './tokens';

/** The custom properties a rule of the generated CSS sets (the first block with that selector). */
function declared(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return new Map([...block.matchAll(/--sl-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('tokensCss', () => {
  const css = tokensCss();
  const names = Object.keys(COLOURS) as ColourToken[];

  it('sets every colour token on :root (light) and under the dark theme', () => {
    const light = declared(css, ':root');
    const dark = declared(css, "[data-theme='dark']");
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      expect(light.get(name), name).toBe(colour(name, 'light'));
      expect(dark.get(name), name).toBe(colour(name, 'dark'));
    }
    expect(light.get('font')).toBe(FONTS.font);
    expect(light.size).toBe(names.length + Object.keys(FONTS).length);
    expect(dark.size).toBe(names.length);
  });

  it('holds only colours: hex or rgba', () => {
    for (const name of names)
      for (const theme of ['light', 'dark'] as const)
        expect(colour(name, theme), `${name} ${theme}`).toMatch(
          /^(#[0-9a-f]{6}|rgba\(\d+, \d+, \d+, [\d.]+\))$/,
        );
  });
});

describe('one source of colours', () => {
  /** Every source file of a folder, recursively. */
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const root = new URL('../render/', import.meta.url).pathname;
  /** Each kind's folder: its definition and its drawing (SVG, React and far-layer bodies). */
  const kinds = new URL('./', import.meta.url).pathname;

  const appCss = new URL('../index.css', import.meta.url).pathname;

  it("the diagram's CSS and drawing code, and the app's own CSS, write no colour of their own: they read the tokens", () => {
    const offenders = [...files(root), ...files(kinds).filter((f) => !f.endsWith('/tokens.ts')), appCss]
      .filter((f) => /\.(css|tsx?)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .filter((f) => /#[0-9a-fA-F]{3,8}\b|rgba?\(\d/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every custom property the diagram CSS and the app CSS read is a token or set in that CSS', () => {
    const css = readFileSync(join(root, 'flow', 'diagram.css'), 'utf8') + readFileSync(appCss, 'utf8');
    const set = new Set([...css.matchAll(/(--sl-[\w-]+)\s*:/g)].map((m) => m[1]));
    const tokens = new Set([...tokensCss().matchAll(/(--sl-[\w-]+)\s*:/g)].map((m) => m[1]));
    const read = new Set([...css.matchAll(/var\((--sl-[\w-]+)/g)].map((m) => m[1] ?? ''));
    const unknown = [...read].filter((name) => !tokens.has(name) && !set.has(name));
    expect(unknown).toEqual([]);
  });
});
