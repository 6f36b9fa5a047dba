import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in the README, ARCHITECTURE.md and docs/*.md resolves: the file or folder exists, and a
 * `#anchor` names a heading of the page it points to (GitHub's anchors: the heading's text, lower case,
 * punctuation dropped, spaces as hyphens, repeats numbered). Links inside code are not links.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGES = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The page with its fenced code blocks blanked (the lines stay, so positions do not move). */
function withoutFences(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined) {
        if (!marker) return line;
        fence = marker;
      } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      return '';
    })
    .join('\n');
}

/** The page without its code: fenced blocks and inline code spans blanked. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
}

/** GitHub's anchor for a heading's Markdown text. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link: its text
    .replace(/<[^>]+>/g, '') // HTML tags
    .replace(/[`*]/g, ''); // code and emphasis marks
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a page defines: one per heading (repeats get -1, -2 ...), and `<a id|name="...">`. */
function anchors(markdown: string): Set<string> {
  const text = withoutFences(markdown);
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm)) {
    const base = slug(m[1] as string);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of text.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) out.add(m[1] as string);
  return out;
}

/** Every link target of a page: inline links and images, reference definitions, and HTML href/src. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g))
    targets.push(m[1] as string);
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(m[1] as string);
  for (const m of text.matchAll(/\b(?:href|src)="([^"]*)"/g)) targets.push(m[1] as string);
  return targets;
}

/** Why `target`, linked from `page`, does not resolve; undefined when it does. */
function broken(page: string, target: string): string | undefined {
  if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = pathPart === '' ? page : join(dirname(page), decodeURIComponent(pathPart));
  if (path.startsWith('..')) return 'points outside the repository';
  const file = join(ROOT, path);
  if (!existsSync(file)) return 'no such file';
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md'))
    return 'an anchor into a page that is not Markdown';
  const known = anchors(readFileSync(file, 'utf8'));
  return known.has(decodeURIComponent(anchor)) ? undefined : `no heading "#${anchor}" in ${path}`;
}

describe('the anchors and links this check reads', () => {
  it('makes GitHub anchors', () => {
    expect(slug('`stacklayers whatif`')).toBe('stacklayers-whatif');
    expect(slug('Arguments, files and exit codes')).toBe('arguments-files-and-exit-codes');
    expect(slug('Real clouds at real size: regions, zones, cells and bare metal')).toBe(
      'real-clouds-at-real-size-regions-zones-cells-and-bare-metal',
    );
    expect(slug('The `embed.html` URL parameters')).toBe('the-embedhtml-url-parameters');
    expect(slug('MkDocs + Material')).toBe('mkdocs--material');
    expect([...anchors('# A\n## A\n```\n# not a heading\n```\n## B `c`\n')]).toEqual(['a', 'a-1', 'b-c']);
  });

  it('finds links outside code only', () => {
    const page =
      'See [a](a.md), ![pic](p.png "t") and <img src="i.svg">.\n[ref]: r.md\n`[no](x.md)`\n```\n[no](y.md)\n```\n';
    expect(linkTargets(page)).toEqual(['a.md', 'p.png', 'r.md', 'i.svg']);
  });

  it('reports a missing file, a missing anchor and a way out of the repository', () => {
    expect(broken('README.md', 'docs/no-such-page.md')).toBe('no such file');
    expect(broken('README.md', 'docs/cli.md#no-such-heading')).toMatch(/^no heading/);
    expect(broken('docs/cli.md', '../../elsewhere.md')).toBe('points outside the repository');
    expect(broken('docs/cli.md', 'failures.md#stacklayers-whatif')).toBeUndefined();
  });
});

describe.each(PAGES)('%s', (page) => {
  it('has only relative links that resolve', () => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const problems = linkTargets(text)
      .map((target) => ({ target, why: broken(page, target) }))
      .filter((p) => p.why !== undefined)
      .map((p) => `${page}: ${p.target}: ${p.why}`);
    expect(problems).toEqual([]);
  });
});
