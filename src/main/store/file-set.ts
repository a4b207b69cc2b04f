/**
 * One kind of per-document store file in one folder (the caches, one analyst's work files, v1's
 * documents): which exist, which are loaded (least recently used first, unloaded beyond a limit
 * unless they have unsaved changes), one loader per id at a time.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import type { StoreFs } from './fs-layer';
import { assertDocumentId, docIdFromName } from './layout';
import type { StoreFileKind } from './migrations';
import { StoreFile, type StoreFileOptions } from './store-file';

export type CommonFileOptions = Omit<StoreFileOptions<never>, 'path' | 'backupsDir' | 'kind' | 'schema' | 'whenUnrecoverable'>;

export interface FileSetSpec<T> {
  kind: StoreFileKind;
  schema: z.ZodType<T>;
  /** the folder of the files */
  dir: string;
  /** the folder of a file's backups */
  backupsOf(path: string): string;
  /** how the files are written and read back (see SafeJSONFileOptions.codec) */
  codec?: { encode(data: T): T; decode(data: T): T };
}

export class FileSet<T> {
  private readonly ids = new Set<string>();
  private readonly loaded = new Map<string, StoreFile<T>>();
  private readonly loading = new Map<string, Promise<StoreFile<T>>>();

  constructor(
    private readonly fs: StoreFs,
    private readonly options: CommonFileOptions,
    private readonly maxCached: number,
    readonly spec: FileSetSpec<T>,
  ) {}

  async scan(): Promise<void> {
    let names: string[] = [];
    try {
      names = await this.fs.readdir(this.spec.dir);
    } catch {
      // no docs folder yet
    }
    for (const name of names) {
      const id = docIdFromName(name);
      if (id) this.ids.add(id);
    }
  }

  list(): string[] {
    return [...this.ids].sort();
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** loaded files (for flush, save state) */
  files(): StoreFile<T>[] {
    return [...this.loaded.values()];
  }

  async get(id: string): Promise<StoreFile<T>> {
    assertDocumentId(id);
    const hit = this.loaded.get(id);
    if (hit) {
      this.loaded.delete(id);
      this.loaded.set(id, hit); // most recently used last
      return hit;
    }
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** The loaded file, without waiting (undefined when not loaded). */
  peek(id: string): StoreFile<T> | undefined {
    return this.loaded.get(id);
  }

  /** Whether the document is in memory (or being read into it). */
  isLoadedOrLoading(id: string): boolean {
    return this.loaded.has(id) || this.loading.has(id);
  }

  /** A new or replaced document: its file object, loaded or created without reading. */
  forWrite(id: string): StoreFile<T> | Promise<StoreFile<T>> {
    assertDocumentId(id);
    const hit = this.loaded.get(id);
    if (hit) return hit;
    const loading = this.loading.get(id);
    if (loading) return loading.catch(() => this.forWrite(id));
    const file = StoreFile.create<T>(this.fileOptions(id));
    this.remember(id, file);
    this.ids.add(id);
    return file;
  }

  async delete(id: string): Promise<void> {
    assertDocumentId(id);
    const file = this.loaded.get(id) ?? (await this.loading.get(id)?.catch(() => undefined));
    if (file) {
      await file.flush().catch(() => undefined); // settle earlier promises; the file goes anyway
      file.release();
      this.loaded.delete(id);
    }
    const path = this.fileOf(id);
    try {
      await this.fs.unlink(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await this.fs.syncDir(this.spec.dir);
    await this.fs.removeTree(this.spec.backupsOf(path));
    this.ids.delete(id);
  }

  /** Unloads a file that has nothing left to write (memory only). */
  unload(id: string): void {
    const file = this.loaded.get(id);
    if (file && !file.pending) {
      file.release();
      this.loaded.delete(id);
    }
  }

  releaseAll(): void {
    for (const f of this.loaded.values()) f.release();
    this.loaded.clear();
  }

  /**
   * The file of an id, loaded; null when there is none. A file that is not on disk but has
   * backups (deleted, or a restore that failed half way) is restored from them, with a notice.
   */
  async find(id: string): Promise<StoreFile<T> | null> {
    assertDocumentId(id);
    if (!this.ids.has(id) && !this.loaded.has(id) && !this.loading.has(id) && !(await this.fs.exists(this.spec.backupsOf(this.fileOf(id))))) return null;
    return this.get(id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'document-not-found') return null;
      throw e;
    });
  }

  private async load(id: string): Promise<StoreFile<T>> {
    const { file, exists } = await StoreFile.open<T>(this.fileOptions(id));
    if (!exists) {
      file.release();
      this.ids.delete(id);
      throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
    }
    this.remember(id, file);
    this.ids.add(id);
    return file;
  }

  private remember(id: string, file: StoreFile<T>): void {
    this.loaded.set(id, file);
    if (this.loaded.size <= this.maxCached) return;
    for (const [oldId, old] of this.loaded) {
      if (this.loaded.size <= this.maxCached) break;
      if (oldId === id || old.pending) continue;
      old.release();
      this.loaded.delete(oldId);
    }
  }

  /** the file of an id (absolute) */
  fileOf(id: string): string {
    return join(this.spec.dir, `${id}.json`);
  }

  private fileOptions(id: string): StoreFileOptions<T> {
    const path = this.fileOf(id);
    return { ...this.options, path, backupsDir: this.spec.backupsOf(path), kind: this.spec.kind, schema: this.spec.schema, whenUnrecoverable: 'throw', codec: this.spec.codec } as StoreFileOptions<T>;
  }
}
