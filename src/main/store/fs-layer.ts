/**
 * The file system operations the store uses, behind one interface so tests can inject
 * failures (ENOSPC, EROFS…) — we run as root in CI, where chmod does not stop writes.
 */
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';

export interface StoreFileHandle {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFs {
  readFile(path: string): Promise<Buffer>;
  /** create a new file exclusively ('wx') for writing */
  create(path: string): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string): Promise<void>;
  /** removes a folder and everything in it (no error when missing) */
  removeTree(path: string): Promise<void>;
  /** fsync a directory so a rename in it is durable (no-op where the platform cannot) */
  syncDir(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** last-modified time in ms, or null when missing */
  mtime(path: string): Promise<number | null>;
}

async function syncDir(path: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  const handle = await fsp.open(path, 'r');
  try {
    await handle.sync();
  } catch (e) {
    // some file systems (and some network shares) refuse fsync on a directory
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EBADF') throw e;
  } finally {
    await handle.close();
  }
}

export const nodeFs: StoreFs = {
  readFile: (path) => fsp.readFile(path),
  create: async (path) => {
    const handle = await fsp.open(path, 'wx', 0o644);
    return {
      writeFile: (data) => handle.writeFile(data, 'utf8'),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  link: (existing, newPath) => fsp.link(existing, newPath),
  copyFile: (from, to) => fsp.copyFile(from, to, constants.COPYFILE_FICLONE),
  readdir: (path) => fsp.readdir(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  removeTree: (path) => fsp.rm(path, { recursive: true, force: true }),
  syncDir,
  exists: async (path) => {
    try {
      await fsp.access(path);
      return true;
    } catch {
      return false;
    }
  },
  mtime: async (path) => {
    try {
      return (await fsp.stat(path)).mtimeMs;
    } catch {
      return null;
    }
  },
};

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
}
