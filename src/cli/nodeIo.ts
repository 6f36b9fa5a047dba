import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MAX_FILE_BYTES, MAX_MODEL_TEXT, megabytes } from '../model/limits';

/** What the command line reads, writes and prints through: the real one is `nodeIo()`, tests pass their own. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads a text file (`-`: standard input). Rejects with a Node-style error (`code`: ENOENT, EISDIR...). */
  readFile: (path: string) => Promise<string>;
  /** Writes a whole file, never leaving partial output behind. */
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Binary output to standard output (`--out -` with PNG); without it, binary output to `-` is refused. */
  stdoutBytes?: (data: Uint8Array) => void;
  /** Environment variables (CHROMIUM_PATH); default: none. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Files larger than this cannot hold a model of at most MAX_MODEL_TEXT characters (see `model/limits.ts`). */
export { MAX_FILE_BYTES };

const fileError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** Reads a model file: refuses directories and oversized files before reading them. */
async function readTextFile(path: string): Promise<string> {
  if (path === '-') return readStdin();
  const info = await stat(path);
  if (info.isDirectory()) throw fileError('EISDIR', 'is a directory');
  if (!info.isFile()) throw fileError('EINVAL', 'is not a regular file');
  if (info.size > MAX_FILE_BYTES)
    throw fileError(
      'EFBIG',
      `is ${megabytes(info.size)}; models are limited to ${megabytes(MAX_MODEL_TEXT)}`,
    );
  return readFile(path, 'utf8');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw fileError('EFBIG', `is larger than ${megabytes(MAX_MODEL_TEXT)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes `data` to `path` atomically: into a new temporary file in the same directory, flushed, then renamed
 * over the target. A failure at any step leaves the target as it was and removes the temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) throw fileError('EISDIR', 'is a directory');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx', info ? info.mode & 0o777 : 0o666);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    if (created) await unlink(tmp).catch(() => {});
    throw err;
  }
}

/** The real terminal and file system. Output to a closed pipe (`| head`) is dropped quietly. */
export function nodeIo(): CliIo {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutBytes: (data) => process.stdout.write(data),
    readFile: readTextFile,
    writeFile: writeFileAtomic,
    env: process.env,
  };
}
