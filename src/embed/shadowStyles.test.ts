import { describe, expect, it } from 'vitest';
import { COMPONENT_FONTS } from './componentFont';
import { dataUrlBytes, propertyFallback, registeredProperties, remToHostRem } from './shadowStyles';

// As Tailwind v4 writes them, minified and not.
const CSS = `@property --tw-translate-x{syntax:"*";inherits:false;initial-value:0}
@property --tw-outline-style { syntax: "*"; inherits: false; initial-value: solid; }
@property --tw-ring-shadow{syntax:"*";inherits:false;initial-value:0 0 #0000}
@property --tw-ring-color{syntax:"*";inherits:false}
.x{translate:var(--tw-translate-x) 0}`;

describe('the @property fallback for a shadow root', () => {
  it('reads every @property rule that has an initial value', () => {
    expect(registeredProperties(CSS)).toEqual([
      { name: '--tw-translate-x', initial: '0' },
      { name: '--tw-outline-style', initial: 'solid' },
      { name: '--tw-ring-shadow', initial: '0 0 #0000' },
    ]);
  });

  it("sets them on every element, in Tailwind's properties layer (utilities still win)", () => {
    expect(propertyFallback(CSS)).toBe(
      '@layer properties{*,::before,::after,::backdrop{--tw-translate-x:0;--tw-outline-style:solid;--tw-ring-shadow:0 0 #0000}}',
    );
    expect(propertyFallback('.x{color:red}')).toBe('');
  });
});

describe("rem in a shadow root (the page's root font size)", () => {
  const r = (n: string) => `calc(${n} * var(--sl-rem, 16px))`;
  it("makes each rem of a declaration a multiple of the host's --sl-rem, signs and all", () => {
    expect(
      remToHostRem(
        ':host{--spacing:.25rem;--text-sm:0.875rem}.p{margin:-1rem 2rem;width:calc(100% - .5rem)}',
      ),
    ).toBe(
      `:host{--spacing:${r('.25')};--text-sm:${r('0.875')}}.p{margin:${r('-1')} ${r('2')};width:calc(100% - ${r('.5')})}`,
    );
  });
  it('leaves media, container and supports conditions, names and other units alone', () => {
    const kept =
      '@media (min-width:40rem){.a{width:10px}}@container (width > 30rem){.b{top:1em}}@supports (width:1rem){.c{left:2vw}}.w-\\[3rem\\]{color:red}.x-1rem{order:1}';
    expect(remToHostRem(kept)).toBe(kept);
    expect(remToHostRem('@media (min-width:40rem){.a{padding:1rem}}')).toBe(
      `@media (min-width:40rem){.a{padding:${r('1')}}}`,
    );
  });
});

describe('the component font', () => {
  it('decodes a data URL to its bytes, base64 or not', () => {
    expect([...dataUrlBytes('data:application/octet-stream;base64,AAEC/w==')]).toEqual([0, 1, 2, 255]);
    expect(new TextDecoder().decode(dataUrlBytes('data:text/plain,a%20b'))).toBe('a b');
    expect(() => dataUrlBytes('https://example.com/font.woff2')).toThrow();
  });

  it('is Inter, built into the script as WOFF2 files, with the app family name and unicode ranges', () => {
    expect(COMPONENT_FONTS.length).toBeGreaterThan(0);
    for (const f of COMPONENT_FONTS) {
      expect(f.family).toBe('Inter Variable');
      expect(f.data.startsWith('data:')).toBe(true);
      // Every WOFF2 file starts with the signature "wOF2".
      expect(new TextDecoder().decode(dataUrlBytes(f.data).slice(0, 4))).toBe('wOF2');
      expect(f.descriptors.unicodeRange).toMatch(/^U\+/);
    }
    // Basic Latin is covered.
    expect(COMPONENT_FONTS.some((f) => f.descriptors.unicodeRange?.startsWith('U+0000-00FF'))).toBe(true);
  });
});
