/**
 * lowdb Adapter for one store file: durable atomic writes (temp + fsync + rename + fsync dir),
 * rolling backups, and on read: BOM tolerance, migration, zod validation — and when the file
 * is bad it is never overwritten in place: it is moved aside as `<name>.corrupt-<time>`, the
 * newest good backup takes its place, and a notice says what happened.
 */
import type { Adapter } from 'lowdb';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import { STORE_SCHEMA_VERSION } from '../../core/store-schema';
import { writeFileAtomic } from './atomic-write';
import type { FileBackups } from './backups';
import { decodeStoreFile } from './decode';
import { stringifyForStore } from './document-size';
import { mapWriteError } from './fs-errors';
import { errnoCode, type StoreFs } from './fs-layer';
import type { StoreFileKind } from './migrations';
import type { StoreNotice } from './types';

export interface SafeJSONFileOptions<T> {
  fs: StoreFs;
  path: string;
  kind: StoreFileKind;
  schema: z.ZodType<T>;
  backups: FileBackups;
  /** path relative to the workspace folder, for notices and messages */
  label: (absolute: string) => string;
  onNotice: (notice: StoreNotice) => void;
  /** a bad file without a good backup: 'empty' → read() returns null (start fresh); 'throw' → 'store-corrupt' */
  whenUnrecoverable: 'empty' | 'throw';
  readOnly: boolean;
  /** how the data is written (encode) and read back (decode), e.g. the cache's sliced texts */
  codec?: { encode(data: T): T; decode(data: T): T };
}

export function quarantineName(path: string, now = new Date()): string {
  return join(dirname(path), `${basename(path)}.corrupt-${now.toISOString().replace(/:/g, '-')}`);
}

export class SafeJSONFile<T> implements Adapter<T> {
  /** the exact text on disk as far as we know (to skip unchanged writes) */
  private lastText: string | null = null;

  constructor(private readonly o: SafeJSONFileOptions<T>) {}

  get path(): string {
    return this.o.path;
  }

  async read(): Promise<T | null> {
    const { fs, path, kind, schema } = this.o;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path);
    } catch (e) {
      // missing: new, unless backups exist (then it vanished, e.g. a restore failed half way)
      if (errnoCode(e) === 'ENOENT') return (await this.restoreNewestBackup('file missing', undefined, new Date())) ?? null;
      throw new AppError('store-corrupt', `Cannot read ${this.o.label(path)}: ${(e as Error).message}`, { file: this.o.label(path), errno: errnoCode(e) ?? null });
    }
    const decoded = decodeStoreFile(bytes, kind, schema);
    if (decoded.ok) {
      this.lastText = decoded.text;
      const data = this.o.codec ? this.o.codec.decode(decoded.data) : decoded.data;
      if (decoded.migratedFrom !== null) await this.afterMigration(data, decoded.migratedFrom);
      return data;
    }
    if (decoded.problem === 'newer') {
      throw new AppError('store-newer-version', `${this.o.label(path)} was written by a newer version of Report Annotator (store schema ${decoded.version}, this version knows ${STORE_SCHEMA_VERSION}); update the app. The file was not changed.`, { file: this.o.label(path), version: decoded.version, known: STORE_SCHEMA_VERSION });
    }
    return this.recover(decoded.reason);
  }

  async write(data: T): Promise<void> {
    // Serialise before the first await: the snapshot is the data at the moment of the call.
    const text = stringifyForStore(this.o.codec ? this.o.codec.encode(data) : data, this.o.label(this.o.path));
    if (this.o.readOnly) throw new AppError('store-read-only', `The workspace is open read-only; ${this.o.label(this.o.path)} was not saved.`, { file: this.o.label(this.o.path) });
    if (text === this.lastText) return;
    try {
      await writeFileAtomic(this.o.fs, this.o.path, text, { beforeReplace: () => this.o.backups.maybeBackup(this.o.path) });
    } catch (e) {
      throw mapWriteError(e, this.o.label(this.o.path));
    }
    this.lastText = text;
  }

  /** Forget what is on disk (after the file was removed). */
  forget(): void {
    this.lastText = null;
  }

  private async afterMigration(data: T, from: number): Promise<void> {
    const { path, label } = this.o;
    const notice: StoreNotice = { code: 'migrated', file: label(path), message: `${label(path)} was upgraded from store schema ${from} to ${STORE_SCHEMA_VERSION}.`, at: new Date().toISOString() };
    if (!this.o.readOnly) {
      const kept = await this.o.backups.keep(path, `v${from}-original.json`).catch(() => null);
      if (kept) notice.backup = label(kept);
      this.lastText = null;
      await this.write(data);
    }
    this.o.onNotice({ ...notice, message: notice.backup ? `${notice.message} The original is kept as ${notice.backup}.` : notice.message });
  }

  private async recover(reason: string): Promise<T | null> {
    const { fs, path, label, readOnly } = this.o;
    const at = new Date();
    let movedTo: string | undefined;
    if (!readOnly) {
      const aside = quarantineName(path, at);
      try {
        await fs.rename(path, aside);
        movedTo = label(aside);
      } catch (e) {
        throw new AppError('store-corrupt', `${label(path)} is damaged (${reason}) and could not be moved aside: ${(e as Error).message}`, { file: label(path), reason });
      }
      this.lastText = null;
    }
    const restored = await this.restoreNewestBackup(reason, movedTo, at);
    if (restored !== undefined) return restored;
    if (this.o.whenUnrecoverable === 'empty') {
      this.o.onNotice({
        code: 'reset-to-empty', file: label(path), movedTo, reason, at: at.toISOString(),
        message: `${label(path)} was damaged (${reason}) and no good backup exists${movedTo ? `; it was kept as ${movedTo}` : ''} and a new empty one was started.`,
      });
      return null;
    }
    this.o.onNotice({
      code: 'document-unrecoverable', file: label(path), movedTo, reason, at: at.toISOString(),
      message: `${label(path)} was damaged (${reason}) and no good backup exists${movedTo ? `; it was kept as ${movedTo}` : ''}. Import the report again.`,
    });
    throw new AppError('store-corrupt', `${label(path)} is damaged (${reason}) and no good backup exists.`, { file: label(path), movedTo: movedTo ?? null, reason });
  }

  /** Puts the newest good backup in place (unless read-only); undefined when there is none. */
  private async restoreNewestBackup(reason: string, movedTo: string | undefined, at: Date): Promise<T | undefined> {
    const { fs, path, kind, schema, label, readOnly } = this.o;
    for (const backup of await this.o.backups.list()) {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(backup);
      } catch {
        continue;
      }
      const decoded = decodeStoreFile(bytes, kind, schema);
      if (!decoded.ok) continue;
      const data = this.o.codec ? this.o.codec.decode(decoded.data) : decoded.data;
      if (!readOnly) await this.write(data);
      const when = (await fs.mtime(backup)) ?? at.getTime();
      this.o.onNotice({
        code: 'restored-from-backup', file: label(path), movedTo, backup: label(backup), reason, at: at.toISOString(), backupAt: new Date(when).toISOString(),
        message: `${label(path)} could not be used (${reason})${movedTo ? ` and was moved to ${movedTo}` : ''}; the backup of ${new Date(when).toISOString()} was restored. Changes after that time are missing.`,
      });
      return data;
    }
    return undefined;
  }
}
