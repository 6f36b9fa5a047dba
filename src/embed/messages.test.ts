import { describe, expect, it } from 'vitest';
import { parseSetMessage, trustedOrigin } from './messages';

describe('embed messages', () => {
  it('accepts only well-formed set messages', () => {
    expect(parseSetMessage({ type: 'stacklayers:set', topology: 'both' })).toEqual({
      type: 'stacklayers:set',
      topology: 'both',
    });
    expect(parseSetMessage({ type: 'stacklayers:set', topology: 'nope' })).toBeNull();
    expect(parseSetMessage({ type: 'stacklayers:set', theme: 'pink' })).toBeNull();
    expect(parseSetMessage({ type: 'other' })).toBeNull();
    expect(parseSetMessage('stacklayers:set')).toBeNull();
    expect(parseSetMessage(null)).toBeNull();
    expect(parseSetMessage({ type: 'stacklayers:set', persona: null })).toEqual({
      type: 'stacklayers:set',
      persona: null,
    });
  });

  it('trusts one origin: the given one, else the referrer; never "null"', () => {
    expect(trustedOrigin('https://docs.example/page', 'https://elsewhere.example/')).toBe(
      'https://docs.example',
    );
    expect(trustedOrigin(null, 'https://docs.example/guide/x.html')).toBe('https://docs.example');
    expect(trustedOrigin(null, '')).toBeNull();
    expect(trustedOrigin(null, 'about:srcdoc')).toBeNull();
    expect(trustedOrigin('null', '')).toBeNull();
    expect(trustedOrigin('not a url', '')).toBeNull();
  });
});
