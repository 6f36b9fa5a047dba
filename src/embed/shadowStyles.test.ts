import { describe, expect, it } from 'vitest';
import { COMPONENT_FONTS } from './componentFont';
import { dataUrlBytes, propertyFallback, registeredProperties } from './shadowStyles';

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
