import { describe, expect, it } from 'vitest';
import { acceptsMessage, parseSetMessage, trustedOrigin } from './messages';

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

  it('accepts a message only from the parent window, from the trusted origin', () => {
    const parent = { name: 'parent' };
    const sibling = { name: 'sibling' };
    const allowed = trustedOrigin(null, 'https://docs.example/guide/');
    expect(acceptsMessage({ source: parent, origin: 'https://docs.example' }, parent, allowed)).toBe(true);
    // Another window of the same origin (a sibling frame, the top page above the parent, a popup).
    expect(acceptsMessage({ source: sibling, origin: 'https://docs.example' }, parent, allowed)).toBe(false);
    expect(acceptsMessage({ source: null, origin: 'https://docs.example' }, parent, allowed)).toBe(false);
    // The parent, but from another origin (it navigated, or a script of another site posts through it).
    expect(acceptsMessage({ source: parent, origin: 'https://evil.example' }, parent, allowed)).toBe(false);
    expect(acceptsMessage({ source: parent, origin: 'http://docs.example' }, parent, allowed)).toBe(false);
  });

  it('refuses a sandboxed sender (origin "null"), whatever the embed was told to trust', () => {
    const parent = {};
    // A sandboxed parent gives the embed no usable referrer, and "null" cannot be named as trusted.
    expect(trustedOrigin(null, 'about:srcdoc')).toBeNull();
    expect(trustedOrigin('null', 'https://docs.example/')).toBeNull();
    expect(
      acceptsMessage({ source: parent, origin: 'null' }, parent, trustedOrigin(null, 'about:srcdoc')),
    ).toBe(false);
    expect(acceptsMessage({ source: parent, origin: 'null' }, parent, 'null')).toBe(false);
    expect(acceptsMessage({ source: parent, origin: 'null' }, parent, null)).toBe(false);
  });
});
