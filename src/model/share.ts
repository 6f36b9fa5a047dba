import { deflateSync, strToU8 } from 'fflate';
import { MAX_LINK_LENGTH, MAX_MODEL_BYTES } from './limits';

// Opening a link needs no fflate: see openShare.ts (re-exported here for existing imports).
export { decodeShare } from './openShare';

/** Re-exported for existing imports; every limit lives in `model/limits.ts`. */
export { MAX_LINK_LENGTH, MAX_MODEL_BYTES };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Model JSON text -> the compact, URL-safe text of a `#model=` link (deflate + base64url). */
export function encodeShare(json: string): string {
  return toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}
