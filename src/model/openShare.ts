import { MAX_LINK_EXPANSION, MAX_MODEL_TEXT, megabytes } from './limits';

// Opening a `#model=` link: base64url, then raw DEFLATE undone by the platform's DecompressionStream (browsers
// and Node), so a page opened by a link loads no decompressor of its own. Making links (`share.ts`) needs one.

/** Compressed bytes fed to the decompressor at a time: a bomb is caught after a bounded amount of work. */
const INFLATE_SLICE = 1024;

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

/**
 * The text of a `#model=` link -> model JSON text. Rejects with an Error with a plain message when the link
 * is damaged or would expand past `maxBytes` (it stops inflating there) or like a decompression bomb.
 */
export async function decodeShare(encoded: string, maxBytes = MAX_MODEL_TEXT): Promise<string> {
  const bytes = fromBase64Url(encoded);
  let fed = 0;
  // Pulled a slice at a time, as the decompressed text is read: a bomb stops the decompression early.
  const compressed = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (fed >= bytes.length) controller.close();
        else {
          controller.enqueue(bytes.slice(fed, fed + INFLATE_SLICE));
          fed += INFLATE_SLICE;
        }
      },
    },
    { highWaterMark: 0 },
  );
  let inflate: DecompressionStream;
  try {
    inflate = new DecompressionStream('deflate-raw');
  } catch {
    // Browsers before 2023 (Chrome 103, Firefox 113, Safari 16.4) have no raw DEFLATE decompressor.
    throw new Error(
      'the link cannot be opened in this browser (it cannot decompress it): open it in a current browser, or load the model file',
    );
  }
  const reader = compressed.pipeThrough(inflate).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let refused: string | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > 64 * 1024 && total > MAX_LINK_EXPANSION * Math.min(bytes.length, fed)) {
        refused = `the link's model expands more than ${MAX_LINK_EXPANSION} times, as no real model does: it is refused as a decompression bomb`;
        break;
      }
      if (total > maxBytes) {
        refused = `the link's model is larger than ${megabytes(maxBytes)}`;
        break;
      }
      chunks.push(value);
    }
  } catch {
    throw new Error('the link is damaged: its model cannot be decompressed');
  }
  if (refused) {
    void reader.cancel().catch(() => {});
    throw new Error(refused);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(out);
}
