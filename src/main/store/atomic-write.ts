/**
 * Durable atomic replace: write a unique temp file, fsync it, rename it over the target,
 * fsync the directory. A crash at any point leaves either the old or the new file, never a
 * mix; once the promise resolves the new content survives a power cut (as far as the disk's
 * fsync is honest).
 */
import { dirname } from 'node:path';
import { errnoCode, type StoreFs } from './fs-layer';
import { tempPathFor } from './temp-files';

const RETRYABLE_RENAME = new Set(['EBUSY', 'EPERM', 'EACCES']);

async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  // Windows: a virus scanner or indexer holding the target makes rename fail for a moment.
  const attempts = process.platform === 'win32' ? 6 : 1;
  for (let i = 1; ; i++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      if (i >= attempts || !RETRYABLE_RENAME.has(errnoCode(e) ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 20 * i));
    }
  }
}

export interface AtomicWriteHooks {
  /** runs after the temp file is durable and before it replaces the target (used for backups) */
  beforeReplace?: () => Promise<void>;
}

export async function writeFileAtomic(fs: StoreFs, target: string, text: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  const temp = tempPathFor(target);
  let created = false;
  try {
    const handle = await fs.create(temp);
    created = true;
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (hooks.beforeReplace) await hooks.beforeReplace();
    await renameWithRetry(fs, temp, target);
    created = false;
    await fs.syncDir(dirname(target));
  } finally {
    if (created) await fs.unlink(temp).catch(() => undefined);
  }
}
