/**
 * Rolling backups of one store file: `backups/<file>/<n>.json`, n increasing, the newest
 * `count` kept. A backup is a copy of the file on disk just before a write replaces it — a
 * generation that was validated on open or written (validated) by us. To keep the write path
 * fast and the history useful, a file is backed up on its first write of a session and then
 * at most once per `intervalMs` (default 30 s): five generations span minutes of work, not
 * the last five keystrokes. Backups are best effort: a failed backup never fails the write.
 */
import { join } from 'node:path';
import type { StoreFs } from './fs-layer';
import { cleanStaleTemps, tempPathFor } from './temp-files';

const GEN_NAME = /^(\d+)\.json$/;

export interface BackupOptions {
  count: number;
  intervalMs: number;
}

export class FileBackups {
  private nextGen: number | null = null;
  private lastAt: number | null = null;

  constructor(
    private readonly fs: StoreFs,
    /** the folder of this file's backups */
    readonly dir: string,
    private readonly opts: BackupOptions,
  ) {}

  /** Backups newest first (absolute paths). */
  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch {
      return [];
    }
    return names
      .map((n) => ({ n, m: GEN_NAME.exec(n) }))
      .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
      .sort((a, b) => Number(b.m[1]) - Number(a.m[1]))
      .map((x) => join(this.dir, x.n));
  }

  /** Called before `current` is replaced: copies it as a new generation if one is due. */
  async maybeBackup(current: string, now = Date.now()): Promise<void> {
    if (this.lastAt !== null && now - this.lastAt < this.opts.intervalMs) return;
    if (!(await this.fs.exists(current))) return;
    this.lastAt = now;
    try {
      await this.copyIn(current, await this.takeGen());
      await this.prune();
    } catch {
      // best effort: the write itself matters more than its backup
    }
  }

  /** Keeps a copy under a fixed name (e.g. the original of a migrated file). */
  async keep(current: string, name: string): Promise<string> {
    const target = join(this.dir, name);
    await this.fs.mkdir(this.dir);
    await this.fs.copyFile(current, target);
    return target;
  }

  private async takeGen(): Promise<number> {
    if (this.nextGen === null) {
      const newest = (await this.list())[0];
      const m = newest ? GEN_NAME.exec(newest.slice(this.dir.length + 1)) : null;
      this.nextGen = m ? Number(m[1]) + 1 : 1;
    }
    return this.nextGen++;
  }

  private async copyIn(current: string, gen: number): Promise<void> {
    await this.fs.mkdir(this.dir);
    const target = join(this.dir, `${gen}.json`);
    const temp = tempPathFor(target);
    try {
      await this.fs.copyFile(current, temp);
      await this.fs.rename(temp, target);
    } catch (e) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw e;
    }
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    for (const old of all.slice(this.opts.count)) await this.fs.unlink(old).catch(() => undefined);
    await cleanStaleTemps(this.fs, [this.dir]);
  }
}
