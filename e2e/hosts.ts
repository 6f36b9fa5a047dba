import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** A docs site's Content-Security-Policy without 'unsafe-inline' anywhere: scripts and styles from files only. */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The built web component's URL (the one-file build at the root, or the older build in wc/). */
const COMPONENT_SCRIPT = existsSync(new URL('../dist/stacklayers-diagram.js', import.meta.url))
  ? '/stacklayers-diagram.js'
  : '/wc/stacklayers-diagram.js';

/**
 * Serves the host pages of e2e/hosts/ at /__hosts/ with the docs CSP as a response header, as a docs site
 * would. `extra` adds pages written by a test (path → HTML).
 */
export async function serveHosts(page: Page, extra: Record<string, string> = {}) {
  await page.route('**/__hosts/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/__hosts\//, '');
    const own = extra[name];
    const file = new URL(`./hosts/${name}`, import.meta.url);
    if (own === undefined && !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const body = (own ?? readFileSync(file, 'utf8')).replaceAll('{{COMPONENT}}', COMPONENT_SCRIPT);
    const type = name.endsWith('.css') ? 'text/css' : name.endsWith('.js') ? 'text/javascript' : 'text/html';
    await route.fulfill({ body, contentType: type, headers: { 'content-security-policy': DOCS_CSP } });
  });
}

/** The default model's host ids: every one of them must be drawn. */
export const DEFAULT_HOSTS: string[] = (
  JSON.parse(readFileSync(new URL('../public/models/default.json', import.meta.url), 'utf8')) as {
    hosts: { id: string }[];
  }
).hosts.map((h) => h.id);
