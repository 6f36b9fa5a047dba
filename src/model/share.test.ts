import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_LINK_LENGTH } from './limits';
import { decodeShare } from './openShare';
import { encodeShare } from './share';
import { validateModelText } from './validate';

const dir = new URL('../../public/models/', import.meta.url);
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('share links', () => {
  it.each(examples)('round-trip %s to the same model', async (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const model = validateModelText(text);
    expect(model.ok).toBe(true);
    const minified = JSON.stringify(JSON.parse(text));
    const encoded = encodeShare(minified);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = validateModelText(await decodeShare(encoded));
    expect(back).toEqual(model);
  });

  it('fits the default model in a link', () => {
    const text = JSON.stringify(JSON.parse(readFileSync(new URL('default.json', dir), 'utf8')));
    expect(encodeShare(text).length).toBeLessThan(MAX_LINK_LENGTH);
  });

  it('keeps unicode intact', async () => {
    const text = '{"name":"Çloud ☁️ 云 — \\u2028"}';
    expect(await decodeShare(encodeShare(text))).toBe(text);
  });

  it('refuses damaged links and decompression bombs with a message', async () => {
    await expect(decodeShare('not base64!')).rejects.toThrow(/damaged/);
    await expect(decodeShare('AAAA')).rejects.toThrow(/damaged/);
    // A link cut one character short is not base64 at all: a plain message, not atob's "Invalid character".
    await expect(decodeShare('V')).rejects.toThrow(
      'the link is damaged: it was cut short or changed when it was copied',
    );
    const cut = encodeShare('{"version":1}');
    await expect(decodeShare(`${cut}A`.slice(0, 4 * Math.floor(cut.length / 4) + 1))).rejects.toThrow(
      /^the link is damaged/,
    );
    const bomb = encodeShare(' '.repeat(6 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20_000);
    // Stopped by its expansion after a few hundred KB, not after inflating 5 MB.
    await expect(decodeShare(bomb)).rejects.toThrow(
      "the link's model expands more than 200 times, as no real model does: it is refused as a decompression bomb",
    );
    // A model that expands like real ones but is too large is stopped at the size limit.
    let seed = 7;
    const noisy = Array.from({ length: 300_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return 'abcdefghij'[seed % 10];
    }).join('');
    await expect(decodeShare(encodeShare(noisy), 200_000)).rejects.toThrow(
      "the link's model is larger than 0.2 MB",
    );
    expect(await decodeShare(encodeShare(noisy), 400_000)).toBe(noisy);
  });

  it('says so plainly in a browser that cannot decompress a link', async () => {
    const link = encodeShare('{"version":1}');
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      await expect(decodeShare(link)).rejects.toThrow(/^the link cannot be opened in this browser/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await decodeShare(link)).toBe('{"version":1}');
  });
});
