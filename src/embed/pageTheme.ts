// The light or dark theme of the page an embed sits in, as the documentation generators mark it. Shared by the
// web component (which reads its own page) and the iframe helper script (which tells each iframe): no React, no
// imports, so the helper stays a small classic script.

export type PageTheme = 'light' | 'dark';

/** The attributes that carry a page's theme: a change to one of them on <html> or <body> may toggle it. */
const THEME_ATTRIBUTES = ['class', 'style', 'data-theme', 'data-md-color-scheme', 'data-bs-theme'];

/** `light` or `dark` from a `data-theme`-like value; anything else (`auto`, empty) says nothing. */
function named(value: string | null | undefined): PageTheme | null {
  return value === 'dark' || value === 'light' ? value : null;
}

/** `dark` or `light` from a computed `color-scheme` that names only one of them (`normal`, `light dark`: no). */
function scheme(value: string | null | undefined): PageTheme | null {
  const words = (value ?? '').trim().split(/\s+/);
  if (words.includes('only') || words.length === 1) return named(words.find((w) => w !== 'only'));
  return null;
}

/**
 * The theme the page shows, from the first marker found, or null when the page says nothing (then the
 * reader's `prefers-color-scheme` decides):
 * 1. Material for MkDocs: `data-md-color-scheme` on <body> (or <html>): `slate` is dark, anything else light.
 * 2. VitePress: `dark` on <html>'s class (a VitePress page without it is light).
 * 3. Docusaurus and pydata-sphinx-theme: `data-theme` on <html>; Furo: `data-theme` on <body> (`auto` says
 *    nothing); Bootstrap: `data-bs-theme`.
 * 4. The CSS `color-scheme` of the element itself (what it inherits from the page), when it names one.
 */
export function detectPageTheme(doc: Document, element?: Element | null): PageTheme | null {
  const html = doc.documentElement;
  const body = doc.body as HTMLElement | null;
  const md = body?.getAttribute('data-md-color-scheme') ?? html.getAttribute('data-md-color-scheme');
  if (md) return md === 'slate' ? 'dark' : 'light';
  if (html.classList.contains('dark')) return 'dark';
  if (isVitePress(doc)) return 'light';
  const marked =
    named(html.getAttribute('data-theme')) ??
    named(body?.getAttribute('data-theme')) ??
    named(html.getAttribute('data-bs-theme')) ??
    named(body?.getAttribute('data-bs-theme'));
  if (marked) return marked;
  const view = doc.defaultView;
  const from = element ?? body;
  return from && view ? scheme(view.getComputedStyle(from).colorScheme) : null;
}

/** A VitePress page: its generator tag, or its app's root. */
function isVitePress(doc: Document): boolean {
  return (
    doc.querySelector('meta[name="generator"][content^="VitePress"]') !== null ||
    doc.querySelector('.VPApp, .Layout.VPLayout, #VPContent') !== null
  );
}

/** The page's theme, else the reader's preference. */
export function resolvePageTheme(doc: Document, element?: Element | null): PageTheme {
  const view = doc.defaultView;
  return (
    detectPageTheme(doc, element) ??
    (view?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  );
}

/**
 * Calls `onChange` with the page's theme whenever it may have changed: a theme attribute or class on <html> or
 * <body> (a docs site's toggle), or the reader's preference. Returns the function that stops watching.
 */
export function watchPageTheme(
  doc: Document,
  element: Element | null,
  onChange: (theme: PageTheme) => void,
): () => void {
  let last = resolvePageTheme(doc, element);
  const check = () => {
    const next = resolvePageTheme(doc, element);
    if (next === last) return;
    last = next;
    onChange(next);
  };
  const observer = new MutationObserver(check);
  const watch = (target: Element | null) => {
    if (target) observer.observe(target, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
  };
  watch(doc.documentElement);
  watch(doc.body);
  // A <body> written after this script ran (a script in <head>) is watched once the document is parsed.
  const onParsed = () => {
    watch(doc.body);
    check();
  };
  if (!doc.body) doc.addEventListener('DOMContentLoaded', onParsed, { once: true });
  const mq = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  mq?.addEventListener('change', check);
  return () => {
    observer.disconnect();
    doc.removeEventListener('DOMContentLoaded', onParsed);
    mq?.removeEventListener('change', check);
  };
}
