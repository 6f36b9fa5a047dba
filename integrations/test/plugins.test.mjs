import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import markdownItStacklayers from '../markdown-it/index.mjs';
import remarkStacklayers from '../remark/index.mjs';
import { DEFAULT_MODEL, fromSites, hostileModel } from './helpers.mjs';

/** A docs folder with a page and a model file next to it. */
function docsFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'stacklayers-docs-'));
  writeFileSync(join(dir, 'cloud.json'), DEFAULT_MODEL);
  return dir;
}

const page = (body) =>
  `# Cloud\n\nText before.\n\n\`\`\`stacklayers\n${body}\n\`\`\`\n\n\`\`\`json\n{"a": 1}\n\`\`\`\n`;

test('markdown-it: a fence with a model file becomes the component with the model and a static SVG', async () => {
  const { default: MarkdownIt } = await fromSites('markdown-it');
  const dir = docsFolder();
  const md = new MarkdownIt({ html: true }).use(markdownItStacklayers);
  const html = md.render(page('model: cloud.json\ntopology: both'), { path: join(dir, 'index.md') });
  assert.match(html, /<stacklayers-diagram class="stacklayers" topology="both"><template>&#123;/);
  assert.match(html, /<div class="stacklayers-static"><svg [^>]*data-view="both"/);
  assert.match(html, /<title id="sl[0-9a-f]{8}-1-t">Small cloud: both view<\/title>/);
  // Other fences are left to markdown-it.
  assert.match(html, /<pre><code class="language-json">/);
});

test('markdown-it: ids differ between two diagrams of one page; a bad fence names the file and line', async () => {
  const { default: MarkdownIt } = await fromSites('markdown-it');
  const dir = docsFolder();
  const md = new MarkdownIt().use(markdownItStacklayers);
  const two = md.render(`${page('model: cloud.json')}\n${page('model: cloud.json')}`, {
    path: join(dir, 'a.md'),
  });
  const ids = [...two.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 4);
  assert.equal(new Set(ids).size, 4);
  assert.throws(
    () => md.render(page('model: cloud.json\ntopology: sideways'), { path: join(dir, 'b.md') }),
    /stacklayers fence at .*b\.md:5: topology must be one of/,
  );
  assert.throws(
    () => md.render(page('{"version": 1}'), { path: join(dir, 'c.md') }),
    /c\.md:5: not a valid Stacklayers model: .*\$\.hosts/,
  );
  assert.throws(
    () => md.render(page('model: missing.json'), { path: join(dir, 'd.md') }),
    /cannot read the model file missing\.json/,
  );
});

test('remark (MDX): the fence compiles to the component with the model attribute; model text stays text', async () => {
  const { compile } = await fromSites('@mdx-js/mdx');
  const model = hostileModel();
  const out = String(
    await compile(
      { value: page(`topology: k8s-in-tenant\n${model}`), path: join(docsFolder(), 'p.mdx') },
      {
        remarkPlugins: [remarkStacklayers],
        outputFormat: 'function-body',
      },
    ),
  );
  assert.match(out, /"stacklayers-diagram"/);
  assert.match(out, /topology: "k8s-in-tenant"/);
  // The model is one string literal of the compiled page: exactly the fence's JSON.
  const literal = out.match(/model: ("(?:[^"\\]|\\.)*")/)?.[1];
  assert.equal(JSON.parse(literal ?? '""'), model);
  assert.match(out, /dangerouslySetInnerHTML: \{\s*__html: "<svg /);
});

test('remark (html option): the same HTML as markdown-it, as a raw node', async () => {
  const dir = docsFolder();
  const tree = {
    type: 'root',
    children: [
      { type: 'code', lang: 'stacklayers', value: 'model: cloud.json', position: { start: { line: 3 } } },
    ],
  };
  remarkStacklayers({ html: true })(tree, { path: join(dir, 'x.md') });
  assert.equal(tree.children[0].type, 'html');
  assert.match(tree.children[0].value, /^<stacklayers-diagram class="stacklayers"><template>/);
});
