import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CSP_META,
  cspDirectives,
  cspHeader,
  cspMeta,
  cspMetaTag,
  EXAMPLE_PAGE,
  headersFile,
  nginxSnippet,
} from './securityHeaders';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the Content-Security-Policy', () => {
  it('allows no inline script, no eval and no plugins, on either kind of page', () => {
    for (const page of ['app', 'embed'] as const) {
      const d = Object.fromEntries(cspDirectives(page));
      expect(d['script-src']).toBe("'self'");
      expect(d['default-src']).toBe("'self'");
      expect(d['object-src']).toBe("'none'");
      expect(d['base-uri']).toBe("'none'");
      expect(d['form-action']).toBe("'none'");
      expect(CSP_META[page]).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|\*/);
      // A <meta> cannot carry frame-ancestors; the header does.
      expect(CSP_META[page]).not.toContain('frame-ancestors');
    }
    // The app may be framed by its own site only; the embed by any page, a sandboxed one too.
    expect(cspHeader('app')).toBe(`${CSP_META.app}; frame-ancestors 'self'`);
    expect(cspHeader('embed')).toBe(CSP_META.embed);
    // Only the app's editor needs inline <style> elements; style attributes stay refused.
    expect(Object.fromEntries(cspDirectives('app'))['style-src-attr']).toBe("'none'");
    expect(Object.fromEntries(cspDirectives('embed'))['style-src']).toBe("'self'");
  });

  it('goes into the built index.html and embed.html, right after <meta charset>', () => {
    const plugin = cspMeta();
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml as (html: string, ctx: { filename: string }) => string;
    for (const [file, page] of [
      ['index.html', 'app'],
      ['embed.html', 'embed'],
    ] as const) {
      const html = transform(read(file), { filename: `/somewhere/${file}` });
      expect(html).toContain(`<meta charset="UTF-8" />\n    ${cspMetaTag(page)}`);
      expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    }
    expect(() => transform('<html></html>', { filename: '/x/other.html' })).toThrow(/which policy/);
  });

  it('the copies match: public/_headers and the web-component example (`npm run headers` writes them)', () => {
    expect(read('public/_headers')).toBe(headersFile());
    expect(read(`public/${EXAMPLE_PAGE}`)).toContain(cspMetaTag('embed'));
  });

  it('public/_headers never sets a header twice for one path (hosts would join the two values)', () => {
    const rules = headersFile()
      .split('\n\n')
      .filter((block) => block.startsWith('/'))
      .map((block) => {
        const [path = '', ...lines] = block.trim().split('\n');
        return { path, names: lines.map((l) => l.trim().split(':')[0]?.toLowerCase()) };
      });
    const paths = ['/', '/index.html', '/embed', '/embed.html', '/assets/x.js', '/models/default.json'];
    for (const path of paths) {
      const names = rules
        .filter((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path))
        .flatMap((r) => r.names);
      expect(new Set(names).size, path).toBe(names.length);
    }
  });

  it('the security guide gives hosts the nginx snippet as generated', () => {
    const blocks = [...read('docs/security.md').matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(`${nginxSnippet()}\n`);
  });
});
