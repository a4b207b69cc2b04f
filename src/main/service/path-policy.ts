/**
 * Which files the backend may read. In the desktop app the renderer is untrusted: it may only
 * name files the user chose (native dialogs, drag-and-drop, command-line arguments) or files
 * inside the open workspace — checked on real paths, so `..` and symlinks pointing out of an
 * allowed folder are refused. Browser mode has no native dialogs: the person holding the
 * per-run token types paths, so the policy there is `open`.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../core/errors';

export class PathPolicy {
  private readonly roots = new Set<string>();

  constructor(readonly mode: 'strict' | 'open') {}

  /** Grants a path the user chose (a file, or a folder and everything below it). */
  async grant(path: string): Promise<void> {
    this.roots.add(await real(path));
  }

  revoke(path: string): void {
    this.roots.delete(resolve(path));
  }

  /**
   * Refuses a path no mode accepts (path-invalid): one with a NUL character, and in browser
   * mode one that is not absolute (relative, or C:\… on POSIX) — it would be resolved against
   * the server's working directory, not anything the person typing it sees. The desktop mode
   * refuses those as not allowed (allows() is false).
   */
  check(path: string): void {
    if (path.includes('\0')) throw new AppError('path-invalid', 'The path contains a NUL character.', { path: path.replace(/\0/g, '\\0') });
    if (this.mode === 'open' && !isAbsolute(path)) throw new AppError('path-invalid', `Not a full path: ${path}. Type the whole path, starting from the root${process.platform === 'win32' ? ' (C:\\…)' : ' (/…)'}.`, { path });
  }

  /** True if `path` (after resolving symlinks) is a granted path or lies inside one. */
  async allows(path: string): Promise<boolean> {
    if (this.mode === 'open') return true;
    if (!isAbsolute(path)) return false;
    const target = await real(path);
    for (const root of this.roots) if (inside(root, target)) return true;
    return false;
  }
}

export function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path, or for a path that does not exist, the resolved path (it fails later). */
async function real(path: string): Promise<string> {
  try {
    return await realpath(resolve(path));
  } catch {
    return resolve(path);
  }
}
