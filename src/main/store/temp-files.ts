/**
 * Temp files of atomic writes: `.<name>.<pid>.<counter>.tmp` beside the target, unique per
 * write so two writes never share a temp file. Left behind only by a crash, and removed when
 * the store is opened (under the lock, so no other writer can be using them).
 */
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StoreFs } from './fs-layer';

let counter = 0;

export function tempPathFor(target: string): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${counter}.tmp`);
}

/** ours (`.x.json.123.4.tmp`) and lowdb/steno's (`.x.json.tmp`) */
const TEMP_NAME = /^\..+\.(\d+\.\d+\.)?tmp$/;

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Removes stale temp files in the given folders; returns how many were removed. */
export async function cleanStaleTemps(fs: StoreFs, dirs: readonly string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!isTempName(name)) continue;
      try {
        await fs.unlink(join(dir, name));
        removed += 1;
      } catch {
        // already gone, or not ours to remove: harmless
      }
    }
  }
  return removed;
}

/**
 * A machine-local cache file (derived data, not the store's: no backup, no fsync) replaced whole:
 * its parts written as they are into a temp file named as the store names its own (a crash's
 * leftover is removed when the store next opens the folder; `.tmp` keeps it out of sync), then
 * renamed over the target. On failure the temp file is removed and the error thrown.
 */
export async function replaceCacheFile(target: string, parts: readonly Uint8Array[]): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await mkdir(dirname(target), { recursive: true });
    const fh = await open(tmp, 'w');
    try {
      for (const part of parts) {
        let off = 0;
        while (off < part.length) off += (await fh.write(part, off, part.length - off)).bytesWritten;
      }
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
