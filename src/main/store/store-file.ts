/**
 * One store file: its lowdb `Low` (with a SafeJSONFile adapter), its coalesced writer and its
 * backups. Changes are applied to a validated copy first, so the in-memory data (and so the
 * file) always passes the schema that is checked on read.
 */
import { Low } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import { type ExactCheck, exactCheck } from './exact-check';
import { FileBackups, type BackupOptions } from './backups';
import type { StoreFs } from './fs-layer';
import type { StoreFileKind } from './migrations';
import { claimPath, releasePath } from './path-claims';
import { SafeJSONFile } from './safe-json-file';
import type { StoreNotice } from './types';
import { WriteCoalescer } from './write-coalescer';

export interface StoreFileOptions<T> {
  fs: StoreFs;
  path: string;
  backupsDir: string;
  kind: StoreFileKind;
  schema: z.ZodType<T>;
  readOnly: boolean;
  backups: BackupOptions;
  windowMs: number;
  retryMs: number;
  whenUnrecoverable: 'empty' | 'throw';
  /** how the data is written and read back (see SafeJSONFileOptions.codec) */
  codec?: { encode(data: T): T; decode(data: T): T };
  label: (absolute: string) => string;
  onNotice: (notice: StoreNotice) => void;
  onOutcome: (file: { readonly path: string }, outcome: { ok: true; at: Date } | { ok: false; error: AppError }) => void;
}

export class StoreFile<T> {
  private readonly low: Low<T | null>;
  private readonly adapter: SafeJSONFile<T>;
  private readonly saver: WriteCoalescer;
  readonly backups: FileBackups;
  private released = false;
  private readonly exact: ExactCheck | null;
  /** a change applied in memory whose write waits (applyLater) */
  private later: { timer: ReturnType<typeof setTimeout>; saved: Promise<void>; start: () => void } | null = null;

  private constructor(private readonly o: StoreFileOptions<T>) {
    this.exact = exactCheck(o.schema);
    if (!o.readOnly) claimPath(o.path); // read-only instances never write
    this.backups = new FileBackups(o.fs, o.backupsDir, o.backups);
    this.adapter = new SafeJSONFile<T>({ ...o, backups: this.backups });
    this.low = new Low<T | null>(this.adapter as SafeJSONFile<T | null>, null);
    this.saver = new WriteCoalescer({
      windowMs: o.windowMs,
      retryMs: o.retryMs,
      write: () => this.low.write(),
      onOutcome: (outcome) => o.onOutcome(this, outcome),
    });
  }

  /** Reads the file (recovering it if needed); `exists` is false when there was none. */
  static async open<T>(o: StoreFileOptions<T>): Promise<{ file: StoreFile<T>; exists: boolean }> {
    const file = new StoreFile(o);
    try {
      await file.low.read();
    } catch (e) {
      file.release();
      throw e;
    }
    return { file, exists: file.low.data !== null };
  }

  /** A file that is about to be written for the first time (not read). */
  static create<T>(o: StoreFileOptions<T>): StoreFile<T> {
    return new StoreFile(o);
  }

  get path(): string {
    return this.o.path;
  }

  get data(): T {
    if (this.low.data === null) throw new Error(`store file ${this.o.path} has no data`);
    return this.low.data;
  }

  get pending(): boolean {
    return this.saver.pending || this.later !== null;
  }

  get error(): AppError | null {
    return this.saver.error;
  }

  get writes(): number {
    return this.saver.writes;
  }

  /** Replaces the data (validated) and resolves once it is durable. */
  replace(data: T): Promise<void> {
    this.assertWritable();
    this.low.data = this.validate(data);
    this.later?.start();
    return this.saver.changed();
  }

  /** Applies fn to a copy, validates it, swaps it in and resolves once it is durable. */
  update(fn: (draft: T) => void): Promise<void> {
    this.assertWritable();
    const draft = structuredClone(this.data);
    fn(draft);
    // the draft is this file's own copy: when it is exactly what zod would return, keep it
    this.low.data = this.exact?.(draft) ? draft : this.validate(draft);
    this.later?.start();
    return this.saver.changed();
  }

  /**
   * Swaps in `fn(current)` — a new value built without changing `current` (it may share the
   * unchanged parts) — validated, and resolves once it is durable. No deep copy of the whole
   * file first, unlike update: for a long report under review that copy costs more than the
   * review. `fn` must not mutate its argument.
   */
  apply(fn: (current: T) => T): Promise<void> {
    this.assertWritable();
    const next = fn(this.data);
    // data that is exactly what zod would return is taken as it is (see exact-check.ts)
    this.low.data = this.exact?.(next) ? next : this.validate(next);
    this.later?.start();
    return this.saver.changed();
  }

  /**
   * As apply, but the write starts only after `delayMs` (or with the next change, or flush()):
   * for data derived from what is already durable elsewhere (a document's counts in the index),
   * so that a review does not rewrite the index each time. Resolves once it is durable.
   */
  applyLater(fn: (current: T) => T, delayMs: number): Promise<void> {
    this.assertWritable();
    const next = fn(this.data);
    this.low.data = this.exact?.(next) ? next : this.validate(next);
    if (this.later) return this.later.saved;
    let start!: () => void;
    const saved = new Promise<void>((resolve, reject) => {
      start = () => {
        if (!this.later) return;
        clearTimeout(this.later.timer);
        this.later = null;
        this.saver.changed().then(resolve, reject);
      };
    });
    const timer = setTimeout(start, delayMs);
    timer.unref?.();
    this.later = { timer, saved, start };
    return saved;
  }

  /** Sets data without saving (a read-only workspace that has no file yet). */
  setUnsaved(data: T): void {
    this.low.data = this.validate(data);
  }

  flush(): Promise<void> {
    this.later?.start();
    return this.saver.flush();
  }

  /** Stops the writer and gives up the path (after a flush, or after the file was deleted). */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.later) clearTimeout(this.later.timer);
    this.later = null;
    this.saver.dispose();
    if (!this.o.readOnly) releasePath(this.o.path);
  }

  private validate(data: T): T {
    const parsed = this.o.schema.safeParse(data);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new AppError('bad-request', `Refused to save ${this.o.label(this.o.path)}: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid data'}`, { file: this.o.label(this.o.path) });
    }
    return parsed.data;
  }

  private assertWritable(): void {
    if (this.o.readOnly) throw new AppError('store-read-only', 'The workspace is open read-only.', { file: this.o.label(this.o.path) });
    if (this.released) throw new AppError('workspace-not-open', 'The workspace was closed.', { file: this.o.label(this.o.path) });
  }
}
