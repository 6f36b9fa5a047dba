/**
 * What a shadow root's stylesheet cannot do by itself, and the web component needs:
 *
 * - `@property` rules are ignored in a shadow tree (registrations are per document). Tailwind v4 gives its
 *   `--tw-*` variables their starting values through them (the switches' knob offset, the outline style of
 *   focus rings, ring and shadow layers), so in a shadow root those variables are undefined and whatever uses
 *   them falls back to nothing. Tailwind itself sets the same values on every element for browsers without
 *   `@property`; `propertyFallback` does so unconditionally, in the same `properties` layer.
 * - `rem` is the page's root font size, in a shadow tree too: 10 px under Bootstrap 3 (openstackdocstheme), 20 px
 *   and more under Material for MkDocs, so the component's bar, switches and cards would change size from site
 *   to site (and a switch's knob, sized in px, would outgrow its track). `remToHostRem` makes each `rem` of a
 *   declaration a multiple of `--sl-rem`, which the component sets to the reader's default font size.
 * - `@font-face` rules are ignored in a shadow tree too: fonts are registered on the document
 *   (`registerFonts`), from the font's bytes, so no font request is made and a page's `font-src` policy does not
 *   apply.
 */

/** The `@property` rules of a stylesheet's text that give an initial value: name and value. */
export function registeredProperties(css: string): { name: string; initial: string }[] {
  const out: { name: string; initial: string }[] = [];
  for (const m of css.matchAll(/@property\s*(--[\w-]+)\s*\{([^}]*)\}/g)) {
    const initial = /(?:^|;)\s*initial-value\s*:\s*([^;]*)/.exec(m[2] ?? '')?.[1]?.trim();
    if (m[1] && initial) out.push({ name: m[1], initial });
  }
  return out;
}

/**
 * CSS that gives every element of a shadow tree the initial values its stylesheet's `@property` rules would
 * have given (as Tailwind's own fallback does, in its `properties` layer, so any utility still overrides them).
 * Empty when there are none.
 */
export function propertyFallback(css: string): string {
  const props = registeredProperties(css);
  if (props.length === 0) return '';
  const decls = props.map((p) => `${p.name}:${p.initial}`).join(';');
  return `@layer properties{*,::before,::after,::backdrop{${decls}}}`;
}

/**
 * The stylesheet with each `rem` of its declarations as `calc(n * var(--sl-rem, 16px))`. Conditions of `@media`,
 * `@container` and `@supports` keep theirs: in a media query `rem` is already the browser's default size.
 */
export function remToHostRem(css: string): string {
  return css.replace(
    /(@(?:media|container|supports)[^{]*)|(?<![\w.#\\[-])(-?\d*\.?\d+)rem\b/g,
    (_whole, prelude: string | undefined, n: string) => prelude ?? `calc(${n} * var(--sl-rem, 16px))`,
  );
}

/** One face of a font to register on the document: its family, its file (a data URL) and its descriptors. */
export interface FontSource {
  family: string;
  /** A `data:` URL of the font file (inlined in the built script). */
  data: string;
  descriptors: FontFaceDescriptors;
}

/** A data URL's bytes. */
export function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error('not a data URL');
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  if (!meta.endsWith(';base64')) return new TextEncoder().encode(decodeURIComponent(body));
  const text = atob(body);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const registered = new WeakSet<Document>();

/**
 * Adds the fonts to the document's font set, once per document. A face made from bytes needs no request (and
 * no `font-src` permission); with its unicode range, the browser uses it only for the characters it covers.
 */
export function registerFonts(doc: Document, fonts: readonly FontSource[]): void {
  if (registered.has(doc) || typeof FontFace === 'undefined' || !doc.fonts) return;
  registered.add(doc);
  for (const f of fonts) {
    try {
      const face = new FontFace(f.family, dataUrlBytes(f.data), f.descriptors);
      doc.fonts.add(face);
      // A face from bytes is parsed at once; a broken one only means the fallback font draws the text.
      face.load().catch(() => undefined);
    } catch {
      // As above: the next family of the list draws the text.
    }
  }
}
