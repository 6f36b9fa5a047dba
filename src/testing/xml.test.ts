import { describe, expect, it } from 'vitest';
import { layoutScene } from '../layout/layoutScene';
import { sceneToSvg } from '../render/svg';
import { deriveScene } from '../topology/deriveScene';
import { defaultModel } from './fixtures';
import { parseXml, shownTexts, textOf } from './xml';

describe('parseXml (the test helper)', () => {
  it('accepts well-formed documents', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2" y=\'&#60;\'><!-- c --><b/>t&lt;<c>&#x1F600;</c><![CDATA[<d>]]></a>\n',
    );
    expect(doc.attrs).toEqual({ x: '1 & 2', y: '<' });
    expect(textOf(doc)).toBe('t<😀<d>');
  });
  it.each([
    ['unclosed', '<a><b></a>'],
    ['mismatched', '<a></b>'],
    ['truncated', '<a><b/'],
    ['raw ampersand', '<a>x & y</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['< in attribute', '<a x="<"/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['no space between attributes', '<a x="1"y="2"/>'],
    ['bad name', '<1a/>'],
    ['undeclared prefix', '<a x:y="1"/>'],
    ['two roots', '<a/><b/>'],
    ['NUL', '<a>\u0000</a>'],
    ['lone surrogate', '<a>\ud800</a>'],
    ['reference to NUL', '<a>&#0;</a>'],
    [']]> in text', '<a>]]></a>'],
    ['"--" in a comment', '<a><!-- a -- b --></a>'],
    ['text after root', '<a/>x'],
    ['DTD', '<!DOCTYPE a><a/>'],
    ['nothing', ''],
  ])('rejects %s', (_, src) => {
    expect(() => parseXml(src)).toThrow();
  });

  // The export itself, broken in the ways a careless change to svg.ts would break it: every one is refused.
  const svg = sceneToSvg(layoutScene(deriveScene(defaultModel(), 'both')), 'light');
  it('reads the export', () => {
    expect(parseXml(svg).name).toBe('svg');
    expect(shownTexts(parseXml(svg))).toContain('ctl1');
  });
  it.each([
    ['a closing tag dropped', svg.replace('</g>', '')],
    ['an unescaped ampersand in a label', svg.replace('>ctl1<', '>ctl1 & co<')],
    ['an unescaped quote in an attribute', svg.replace('data-id="ctl1"', 'data-id="ctl"1"')],
    ['cut short', svg.slice(0, Math.floor(svg.length / 2))],
    ['a control character in text', svg.replace('>ctl1<', '>ctl\u00011<')],
  ])('rejects the export with %s', (_, broken) => {
    expect(broken).not.toBe(svg);
    expect(() => parseXml(broken)).toThrow();
  });
});
