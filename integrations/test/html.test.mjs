import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagramHtml, escapeHtml, inlineSvg } from '../core/html.mjs';
import { renderSvg } from '../core/stacklayers.mjs';
import { DEFAULT_MODEL, hostileModel } from './helpers.mjs';

test('escapeHtml escapes markup, quotes and Vue braces', () => {
  assert.equal(
    escapeHtml(`<a href="x">{{ 1 }}</a> & 'b'`),
    '&#60;a href=&#34;x&#34;&#62;&#123;&#123; 1 &#125;&#125;&#60;/a&#62; &#38; &#39;b&#39;',
  );
});

test('inlineSvg: no prolog, no fixed size, ids unique per diagram', () => {
  const svg = renderSvg(DEFAULT_MODEL, { topology: 'both' });
  const a = inlineSvg(svg, 'one');
  const b = inlineSvg(svg, 'two');
  assert.ok(a.startsWith('<svg'));
  assert.doesNotMatch(a, /<\?xml/);
  const root = a.slice(0, a.indexOf('>'));
  assert.match(root, /viewBox="0 0 \d+ \d+"/);
  assert.doesNotMatch(root, /\s(width|height)=/);
  assert.match(root, /aria-labelledby="one-t one-d"/);
  const ids = (s) => [...s.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(ids(a), ['one-t', 'one-d']);
  assert.equal(ids(a).filter((id) => ids(b).includes(id)).length, 0);
});

test('diagramHtml: attributes, the model in a template, the static SVG, everything escaped', () => {
  const model = hostileModel();
  const html = diagramHtml({
    attrs: { topology: 'both', theme: 'dark' },
    modelJson: model,
    svg: renderSvg(model, { topology: 'both' }),
    uid: 'u',
  });
  assert.match(html, /^<stacklayers-diagram class="stacklayers" topology="both" theme="dark"><template>/);
  assert.match(html, /<\/template><div class="stacklayers-static"><svg /);
  assert.ok(html.endsWith('</svg></div></stacklayers-diagram>'));
  // The model's text never appears as markup, nor as a Vue interpolation.
  assert.doesNotMatch(html, /<script|<b>|\{\{/);
  assert.equal((html.match(/<\/template>/g) ?? []).length, 1);
  // The template decodes back to the model exactly.
  const text = html.slice(html.indexOf('<template>') + 10, html.indexOf('</template>'));
  const decoded = text.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  assert.equal(decoded, model);
});

test('diagramHtml: a model URL becomes model-src, with a link as the no-script fallback', () => {
  const html = diagramHtml({ attrs: {}, modelUrl: 'https://example.org/a.json?x=1&y="2"', uid: 'u' });
  assert.match(html, /model-src="https:\/\/example.org\/a.json\?x=1&#38;y=&#34;2&#34;"/);
  assert.doesNotMatch(html, /<template>/);
  assert.match(html, /<p class="stacklayers-static">Stacklayers diagram of <a href=/);
});
