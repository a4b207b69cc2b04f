/**
 * Which files the backend may read. In the desktop app the renderer is untrusted: it may only
 * name files the user chose (native dialogs, drag-and-drop, command-line arguments) or files
 * inside the open workspace — checked on real paths, so `..` and symlinks pointing out of an
 * allowed folder are refused. Browser mode has no native dialogs: the person holding the
 * per-run token types paths, so the policy there is `open`.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

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
