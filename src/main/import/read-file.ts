import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../core/errors';

export interface FileBytes {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/**
 * Reads a whole file, opened read-only. The size is checked on the open handle before any
 * byte is read, and again while reading (a file that grows past the limit is refused too).
 */
export async function readFileBytes(path: string, maxBytes: number): Promise<FileBytes> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fsError(e, path);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new AppError('file-unreadable', `Not a regular file: ${path}`, { path });
    if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    if (st.size === 0) throw new AppError('file-empty', `The file is empty: ${path}`, { path });
    const bytes = await readAll(handle, st.size, maxBytes, path);
    if (bytes.length === 0) throw new AppError('file-empty', `The file is empty: ${path}`, { path });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { bytes, size: bytes.length, mtimeMs: st.mtimeMs, sha256 };
  } catch (e) {
    throw e instanceof AppError ? e : fsError(e, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readAll(handle: FileHandle, expected: number, maxBytes: number, path: string): Promise<Uint8Array> {
  const first = Buffer.allocUnsafe(expected);
  let used = 0;
  while (used < expected) {
    const { bytesRead } = await handle.read(first, used, expected - used, used);
    if (bytesRead === 0) return first.subarray(0, used); // the file shrank meanwhile
    used += bytesRead;
  }
  // The file may have grown since stat: read on, but never past the limit.
  const extra: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, used);
    if (bytesRead === 0) break;
    used += bytesRead;
    if (used > maxBytes) throw tooLarge(path, used, maxBytes);
    extra.push(chunk.subarray(0, bytesRead));
  }
  return extra.length === 0 ? first : Buffer.concat([first, ...extra]);
}

function tooLarge(path: string, size: number, maxBytes: number): AppError {
  return new AppError('file-too-large', `The file is larger than ${maxBytes} bytes: ${path}`, { path, size, maxBytes });
}

function fsError(e: unknown, path: string): AppError {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('file-not-found', `No such file: ${path}`, { path });
  return new AppError('file-unreadable', `Cannot read ${path}: ${(e as Error)?.message ?? String(e)}`, { path, cause: code });
}
