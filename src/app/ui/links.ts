/**
 * The href for a link taken from a model (a `docs` field), or undefined when it must not be a link: only
 * absolute http(s) URLs ever become links. The URL is parsed the way the browser will parse the href, so
 * white space, control characters or mixed case cannot smuggle `javascript:`, `data:` or `vbscript:` past it.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
