import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../core/errors';

export interface FileBytes {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** Opening never waits for a writer (a named pipe would block a libuv thread for good). */
const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

/**
 * Refuses anything but a regular file (a named pipe, device or socket) before it is opened:
 * opening a FIFO for reading waits for a writer, and four such waits take every thread of the
 * pool that all file access (review writes included) shares. Symbolic links to regular files
 * are followed.
 */
export async function requireRegularFile(path: string): Promise<void> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw fsError(e, path);
  }
  if (!st.isFile()) {
    if (st.isDirectory()) throw new AppError('file-unreadable', `A folder, not a file: ${path}`, { path });
    throw notRegular(path);
  }
}

function notRegular(path: string): AppError {
  return new AppError('not-regular-file', `Not a regular file (a pipe, device or socket): ${path}`, { path });
}

/**
 * Reads a whole file, opened read-only and non-blocking. Only a regular file is read (checked
 * before opening and again on the open handle). The size is checked on the open handle before
 * any byte is read, and again while reading (a file that grows past the limit is refused too).
 */
export async function readFileBytes(path: string, maxBytes: number): Promise<FileBytes> {
  if (path.includes('\0')) throw new AppError('path-invalid', 'The path contains a NUL character.', { path: path.replace(/\0/g, '\\0') });
  await requireRegularFile(path);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    throw fsError(e, path);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notRegular(path);
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
