/**
 * Files dropped on the window arrive as bytes with a name (the renderer is never trusted with
 * paths). They are written into `<workspace>/dropped/` under a safe, unique name — never over an
 * existing file — so the workspace keeps its own copy of every report it holds.
 */
import { constants } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from '../../core/errors';

export const DROPPED_DIR = 'dropped';
const MAX_BYTES = 50 * 1024 * 1024;

/** A file name without directories, control or reserved characters; keeps the extension. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+/, '').trim();
  if (!clean || clean === '.' || clean === '..') clean = 'report.txt';
  if ([...clean].length > 120) {
    const ext = extname(clean).slice(0, 12);
    clean = [...clean.slice(0, clean.length - ext.length)].slice(0, 100).join('') + ext;
  }
  return clean;
}

/** Whether a path is one of the workspace's own copies of dropped files (`<workspace>/dropped/…`). */
export function isDroppedCopy(workspaceDir: string, path: string): boolean {
  const rel = relative(resolve(workspaceDir, DROPPED_DIR), resolve(workspaceDir, path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * A drop that failed leaves nothing behind: the copies of its files that were not imported are
 * deleted (only copies inside `<workspace>/dropped/`, never a file the user owns elsewhere).
 * Answers the paths removed.
 */
export async function removeFailedDrops(workspaceDir: string, paths: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const p of paths) {
    if (!isDroppedCopy(workspaceDir, p)) continue;
    try {
      await rm(resolve(workspaceDir, p), { force: true });
      removed.push(p);
    } catch {
      // left in place: the next open reports it once and tries again
    }
  }
  return removed;
}

export async function saveDropped(workspaceDir: string, files: { name: string; data: string }[]): Promise<string[]> {
  const dir = join(workspaceDir, DROPPED_DIR);
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const f of files) {
    const bytes = Buffer.from(f.data, 'base64');
    if (bytes.length > MAX_BYTES) throw new AppError('file-too-large', `${f.name} is larger than 50 MB`);
    const name = safeFileName(f.name);
    const ext = extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let i = 0; ; i++) {
      const candidate = join(dir, i === 0 ? name : `${stem} (${i + 1})${ext}`);
      try {
        // O_EXCL: never replace a file that is already there
        const handle = await open(candidate, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        paths.push(candidate);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i > 999) throw e;
      }
    }
  }
  return paths;
}
