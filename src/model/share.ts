import { deflateSync, strToU8 } from 'fflate';

// Opening a link needs no fflate: see openShare.ts.

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
