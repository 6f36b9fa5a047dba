import { describe, expect, it } from 'vitest';
import { decodeModelText } from './inlineModel';

const model = {
  version: 1,
  name: 'Tom & "Jerry" <lab>',
  hosts: [{ id: 'h1', roles: ['compute'] }],
  services: [],
};
const text = JSON.stringify(model);

describe('decodeModelText', () => {
  it('leaves JSON as the HTML parser gave it alone', () => {
    expect(decodeModelText(text)).toBe(text);
    // Entities that are part of a valid model's strings stay as they are.
    const literal = JSON.stringify({ ...model, name: 'say &quot;hi&quot;' });
    expect(decodeModelText(literal)).toBe(literal);
  });

  it('decodes text a server renderer escaped once more (named and numeric entities)', () => {
    const escaped = text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
    expect(JSON.parse(decodeModelText(escaped))).toEqual(model);
    const numeric = text.replaceAll('"', '&#34;').replaceAll('<', '&#x3C;');
    expect(JSON.parse(decodeModelText(numeric))).toEqual(model);
  });

  it('keeps what is not an entity it knows', () => {
    expect(decodeModelText('&quot;a&bogus;&#0;&quot;')).toBe('"a&bogus;&#0;"');
  });
});
