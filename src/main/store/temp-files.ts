/**
 * Temp files of atomic writes: `.<name>.<pid>.<counter>.tmp` beside the target, unique per
 * write so two writes never share a temp file. Left behind only by a crash, and removed when
 * the store is opened (under the lock, so no other writer can be using them).
 */
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
