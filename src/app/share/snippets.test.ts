import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, SNIPPET_FORMATS, type SnippetState } from './snippets';

const base = 'https://stacklayers.example/app/';
const state: SnippetState = {
  view: 'k8s-in-tenant',
  persona: 'tenant',
  theme: 'auto',
  model: { share: 'abc-_123' },
};
const title = 'Stacklayers diagram: Tom & "Jerry" <lab>, k8s-in-tenant view';

describe('embed snippets', () => {
  it('have no inline script, no style attribute and no inline event handler, in every format', () => {
    for (const { id } of SNIPPET_FORMATS) {
      const { snippet, setup } = embedSnippet(id, base, state, 480, title);
      for (const text of [snippet, setup ?? '']) {
        expect(text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
        expect(text).not.toMatch(/\sstyle=/i);
        expect(text).not.toMatch(/\son[a-z]+=/i);
      }
      expect(snippet).toContain(embedUrl(base, state).replaceAll('&', '&amp;'));
    }
  });

  it('HTML loads the helper script from next to embed.html', () => {
    const { snippet } = embedSnippet('html', base, state, 480, title);
    expect(snippet).toContain(
      '<script src="https://stacklayers.example/app/stacklayers-embed.js" defer></script>',
    );
  });

  it('MDX parses (as Docusaurus compiles it) into an iframe with the same URL and title', async () => {
    const { snippet, setup } = embedSnippet('mdx', base, state, 480, title);
    const out = String(await compile(`# A page\n\n${snippet}\n\nMore text.\n`, { jsx: true }));
    expect(out).toContain('<iframe');
    expect(out).toContain('frameBorder="0"');
    // JSX decodes the attributes' entities as HTML does: the same URL and title reach the element.
    const props = String(await compile(snippet, { jsx: false, development: false }));
    expect(props).toContain(JSON.stringify(embedUrl(base, state)));
    expect(props).toContain(JSON.stringify(title));
    expect(setup).toContain(
      "scripts: [{ src: 'https://stacklayers.example/app/stacklayers-embed.js', defer: true }]",
    );
  });

  it('reStructuredText is a raw html directive with its content indented', () => {
    const { snippet } = embedSnippet('rst', base, state, 480, title);
    const [first, blank, ...body] = snippet.split('\n');
    expect(first).toBe('.. raw:: html');
    expect(blank).toBe('');
    expect(body.length).toBe(2);
    for (const line of body) expect(line).toMatch(/^ {3}</);
  });

  it('Markdown keeps scripts out of the page (VitePress reads them as Vue) and says how to load the helper', () => {
    const { snippet, setup } = embedSnippet('markdown', base, state, 480, title);
    expect(snippet).not.toContain('<script');
    expect(setup).toContain('extra_javascript:');
    expect(setup).toContain("head: [['script'");
  });
});
