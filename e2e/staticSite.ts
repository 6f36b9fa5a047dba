import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { TYPES } from '../bench/staticServer';

/**
 * A small static web host for tests that need real URLs under a sub-path (a docs site's `/docs/...`), not the
 * app's own preview server: `mounts` maps a URL path to a folder (a path ending in `/`) or to a file. Every
 * request is recorded with its status; anything not mounted is a 404. It listens on a free port of its own.
 */
export interface StaticSite {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request, in order: `<status> <path>` (path with its query). */
  log: string[];
  close(): Promise<void>;
}

export async function serveSite(
  mounts: Record<string, string>,
  /** Extra response headers: for HTML files, or per file. */
  headers: Record<string, string> | ((file: string) => Record<string, string>) = {},
): Promise<StaticSite> {
  const headersOf = (file: string) =>
    typeof headers === 'function' ? headers(file) : extname(file) === '.html' ? headers : {};
  const log: string[] = [];
  const find = (path: string): string | undefined => {
    for (const [at, target] of Object.entries(mounts)) {
      if (at.endsWith('/') && path.startsWith(at)) {
        const rest = normalize(decodeURIComponent(path.slice(at.length)) || 'index.html');
        if (rest.startsWith('..')) return undefined;
        let file = join(target, rest);
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        return existsSync(file) ? file : undefined;
      }
      if (path === at) return target;
    }
    return undefined;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    const file = find(url.pathname);
    log.push(`${file ? 200 : 404} ${url.pathname}${url.search}`);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headersOf(file),
      })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** In the page: whether a face of Inter (the diagram's font) has loaded (`document.fonts.check` is true without one). */
export const interLoaded = (): boolean =>
  [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Inter Variable' && f.status === 'loaded');
