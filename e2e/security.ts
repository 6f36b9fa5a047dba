import { readFileSync } from 'node:fs';
import type { Page } from './fixtures';

/** Helpers of the security tests: CSP violations, and serving the build with the headers a host sends. */

export interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** Records every CSP violation of every frame on `window.__csp`. */
export async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const list: unknown[] = [];
    (window as unknown as { __csp: unknown[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      }),
    );
  });
}

export async function violations(page: Page): Promise<Violation[]> {
  const all: Violation[] = [];
  for (const frame of page.frames()) {
    const list = await frame
      .evaluate(() => (window as unknown as { __csp?: Violation[] }).__csp ?? [])
      .catch(() => [] as Violation[]);
    all.push(...list);
  }
  return all;
}

/** The rules of public/_headers: a path (exact, or a prefix ending in `*`) and its headers. */
function headerRules(): { path: string; headers: [string, string][] }[] {
  const text = readFileSync(new URL('../public/_headers', import.meta.url), 'utf8');
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (line.startsWith('/')) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Serves the build with the headers of public/_headers, as Netlify or Cloudflare Pages would. */
export async function serveWithHeaders(page: Page, baseURL: string | undefined) {
  const rules = headerRules();
  await page.route(`${new URL(baseURL ?? '').origin}/**`, async (route) => {
    const response = await route.fetch();
    const path = new URL(route.request().url()).pathname;
    const headers: Record<string, string> = { ...response.headers() };
    for (const rule of rules) {
      const match = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
      if (match) for (const [k, v] of rule.headers) headers[k.toLowerCase()] = v;
    }
    await route.fulfill({ response, headers });
  });
}
