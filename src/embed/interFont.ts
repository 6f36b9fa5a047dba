import interLatin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?inline';

/**
 * The web component's font, Inter (the font the layout measures text with), carried inside its one script
 * file: the Latin subset as a data URL in the bundle, decoded and added to the page's fonts. A `@font-face`
 * rule inside a shadow root is not applied (Chromium), and a font file next to the script would be a second
 * file to copy and a request. A FontFace made from bytes fetches nothing, so a page's CSP `font-src` is not
 * involved. Text outside the subset falls back to the next family of the list (system-ui).
 */

/** The unicode-range of @fontsource-variable/inter's Latin subset (the file above). */
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

let added = false;

/** Adds Inter to `document.fonts` once per page (as 'Inter Variable', the first family the styles name). */
export function addInterFont(): void {
  if (added || typeof FontFace !== 'function' || !document.fonts) return;
  added = true;
  try {
    const base64 = interLatin.slice(interLatin.indexOf(',') + 1);
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const face = new FontFace('Inter Variable', bytes.buffer, {
      weight: '100 900',
      style: 'normal',
      display: 'swap',
      unicodeRange: LATIN,
    });
    document.fonts.add(face);
  } catch {
    // No font: the diagram draws in system-ui (labels the layout measured for Inter may end in "…").
  }
}
