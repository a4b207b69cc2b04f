/**
 * `<workspace>/.report-annotator/lock`: one writer per workspace across processes (desktop
 * app, browser-mode server, CLI). The lock file is created atomically with its content (written
 * to a temp file, then hard-linked to the lock name, which fails if it exists). A lock whose
 * process is gone (same host, dead pid — or a different boot) is stale and taken over.
 * A lock held from another host cannot be checked and is respected.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { errnoCode, type StoreFs } from './fs-layer';
import { tempPathFor } from './temp-files';
import type { StoreApp } from './types';

export const LockInfo = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  app: z.enum(['desktop', 'serve', 'cli']),
  startedAt: z.string(),
  /** Linux boot id: a lock from before a reboot is stale even if its pid is reused */
  bootId: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

/** lock paths held by this process */
const heldHere = new Set<string>();

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM'; // exists, owned by someone else
  }
}

export function describeHolder(info: LockInfo): string {
  const host = info.hostname === hostname() ? '' : ` on ${info.hostname}`;
  const app = info.app === 'desktop' ? 'the desktop app' : info.app === 'serve' ? 'the browser-mode server' : 'the command-line tool';
  return `${app} (pid ${info.pid}${host}, since ${info.startedAt})`;
}

function isStale(info: LockInfo, path: string): boolean {
  if (info.hostname !== hostname()) return false;
  const mine = bootId();
  if (info.bootId && mine && info.bootId !== mine) return true;
  if (info.pid === process.pid) return !heldHere.has(path); // a lock of ours we no longer hold
  return !pidAlive(info.pid);
}

export class WorkspaceLock {
  private constructor(
    private readonly fs: StoreFs,
    readonly path: string,
    readonly info: LockInfo,
    /** the holder whose stale lock was taken over, if any */
    readonly tookOverFrom: LockInfo | null,
  ) {}

  static async acquire(fs: StoreFs, path: string, app: StoreApp): Promise<WorkspaceLock> {
    const info: LockInfo = { pid: process.pid, hostname: hostname(), app, startedAt: new Date().toISOString(), bootId: bootId() };
    let tookOverFrom: LockInfo | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await tryCreate(fs, path, info)) {
        heldHere.add(path);
        return new WorkspaceLock(fs, path, info, tookOverFrom);
      }
      const holder = await readLock(fs, path);
      if (holder === 'missing') continue; // released meanwhile: try again
      if (holder === 'unreadable') {
        // being written by a process that links a complete file? Links are atomic, so a
        // partial lock comes from an old crash or a foreign tool; wait a moment, then break it.
        const mtime = await fs.mtime(path);
        if (mtime !== null && Date.now() - mtime < 2000) throw new AppError('store-locked', 'The workspace is being opened by another program; try again.', { lock: path });
        await fs.unlink(path).catch(() => undefined);
        continue;
      }
      if (!isStale(holder, path)) {
        throw new AppError('store-locked', `This workspace is open in ${describeHolder(holder)}. Close it there first.`, { holder });
      }
      // Stale: break it only if it is still the same stale lock we examined.
      const again = await readLock(fs, path);
      if (typeof again === 'object' && again.pid === holder.pid && again.startedAt === holder.startedAt) {
        await fs.unlink(path).catch(() => undefined);
        tookOverFrom = holder;
      }
    }
    throw new AppError('store-locked', 'Could not lock the workspace: another program keeps taking the lock.', { lock: path });
  }

  /** Releases the lock if the file is still ours. */
  async release(): Promise<void> {
    heldHere.delete(this.path);
    const current = await readLock(this.fs, this.path);
    if (typeof current === 'object' && current.pid === this.info.pid && current.startedAt === this.info.startedAt) {
      await this.fs.unlink(this.path).catch(() => undefined);
    }
  }
}

async function readLock(fs: StoreFs, path: string): Promise<LockInfo | 'missing' | 'unreadable'> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    return errnoCode(e) === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const parsed = LockInfo.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Creates the lock with its full content atomically; false if a lock exists. */
async function tryCreate(fs: StoreFs, path: string, info: LockInfo): Promise<boolean> {
  const temp = tempPathFor(path);
  const handle = await fs.create(temp);
  try {
    await handle.writeFile(JSON.stringify(info, null, 2));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, path);
    return true;
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createExclusive(fs, path, info);
    throw e;
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** Fallback where hard links are not supported (FAT, some shares): O_EXCL create. */
async function createExclusive(fs: StoreFs, path: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await fs.create(path);
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(JSON.stringify(info, null, 2));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}
