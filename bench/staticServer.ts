import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A static host for the bench: every file of `dir`, read and gzipped once when it starts, then served from
 * memory, as a production host serves a built site (precompressed files, or a CDN's cached compression).
 *
 * The browser under test and the server share this machine's cores: a server that compresses each response
 * as it is asked for (as `vite preview` does: it is a preview, "not meant as a production server", says Vite)
 * takes CPU from the very page being timed, which no reader of a real docs page pays. The same server serves
 * both sides of the peer comparison.
 */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Content types by file extension (the e2e tests' static host uses them too). */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

interface Entry {
  type: string;
  body: Buffer;
  /** The gzipped body, when text and smaller so. */
  gzip?: Buffer;
}

function collect(dir: string, into = new Map<string, Entry>(), root = dir): Map<string, Entry> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      collect(path, into, root);
      continue;
    }
    const type = TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
    const body = readFileSync(path);
    const text = /^text\/|json|xml|svg|javascript/.test(type);
    const gzip = text ? gzipSync(body) : undefined;
    into.set(`/${relative(root, path).split(sep).join('/')}`, {
      type,
      body,
      gzip: gzip && gzip.length < body.length ? gzip : undefined,
    });
  }
  return into;
}

/** The file a request path names: itself, its folder's index.html, or `path.html` (like `vite preview`). */
function lookup(files: Map<string, Entry>, rawPath: string): Entry | undefined {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  return (
    files.get(path) ??
    files.get(`${path.replace(/\/$/, '')}/index.html`) ??
    (extname(path) ? undefined : files.get(`${path}.html`))
  );
}

function answer(files: Map<string, Entry>, req: IncomingMessage, res: ServerResponse): void {
  const entry = lookup(files, new URL(req.url ?? '/', 'http://bench').pathname);
  if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(entry ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(entry ? 'method not allowed' : 'not found');
    return;
  }
  const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? (entry.gzip as Buffer) : entry.body;
  res.writeHead(200, {
    'content-type': entry.type,
    'content-length': body.length,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Serves `dir` on 127.0.0.1, on `port` (0: a free one). */
export async function startStaticServer(dir: string, port = 0): Promise<StaticServer> {
  const files = collect(dir);
  const server = createServer((req, res) => answer(files, req, res));
  // Keep-alive connections would hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
