import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

import { MAX_LINK_EXPANSION, MAX_LINK_LENGTH, MAX_MODEL_BYTES, megabytes } from './limits';

/** Re-exported for existing imports; every limit lives in `model/limits.ts`. */
export { MAX_LINK_LENGTH, MAX_MODEL_BYTES };

/** Compressed bytes fed to the inflater at a time (see decodeShare). */
const INFLATE_SLICE = 64;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new Error('the link is damaged: it has characters a share link never has');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(b64);
  } catch {
    // One character too many or too few (a link cut short when copied): not base64 at all.
    throw new Error('the link is damaged: it was cut short or changed when it was copied');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Model JSON text -> the compact, URL-safe text of a `#model=` link (deflate + base64url). */
export function encodeShare(json: string): string {
  return toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/**
 * The text of a `#model=` link -> model JSON text. Throws an Error with a plain message when the link is
 * damaged or would expand past `maxBytes` (it stops inflating there).
 */
export function decodeShare(encoded: string, maxBytes = MAX_MODEL_BYTES): string {
  const bytes = fromBase64Url(encoded);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  let bomb = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) tooBig = true;
    else chunks.push(chunk);
  });
  try {
    // Feed in small slices so a bomb is caught after a bounded amount of work: deflate expands a byte to at
    // most ~1,032, and fflate's work per push grows faster than its output, so 4 KB slices (4 MB out
    // each) took seconds where small slices take milliseconds.
    for (let i = 0; i < bytes.length && !tooBig && !bomb; i += INFLATE_SLICE) {
      inflate.push(bytes.subarray(i, i + INFLATE_SLICE), i + INFLATE_SLICE >= bytes.length);
      bomb = total > 64 * 1024 && total > MAX_LINK_EXPANSION * Math.min(bytes.length, i + INFLATE_SLICE);
    }
  } catch {
    throw new Error('the link is damaged: its model cannot be decompressed');
  }
  if (bomb)
    throw new Error(
      `the link's model expands more than ${MAX_LINK_EXPANSION} times, as no real model does: it is refused as a decompression bomb`,
    );
  if (tooBig) throw new Error(`the link's model is larger than ${megabytes(maxBytes)}`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return strFromU8(out);
}
