/**
 * The document store files of a workspace: which exist, which are loaded (least recently used
 * first, unloaded beyond a limit unless they have unsaved changes), one loader per id at a time.
 */
import { DocumentFile } from '../../core/store-schema';
import { AppError } from '../../core/errors';
import type { StoreFs } from './fs-layer';
import { assertDocumentId, docIdFromName, type Layout } from './layout';
import { StoreFile, type StoreFileOptions } from './store-file';

type DocOptions = Omit<StoreFileOptions<DocumentFile>, 'path' | 'backupsDir' | 'kind' | 'schema' | 'whenUnrecoverable'>;

export class DocumentFiles {
  private readonly ids = new Set<string>();
  private readonly loaded = new Map<string, StoreFile<DocumentFile>>();
  private readonly loading = new Map<string, Promise<StoreFile<DocumentFile>>>();

  constructor(
    private readonly fs: StoreFs,
    private readonly layout: Layout,
    private readonly options: DocOptions,
    private readonly maxCached: number,
  ) {}

  async scan(): Promise<void> {
    let names: string[] = [];
    try {
      names = await this.fs.readdir(this.layout.docsDir);
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
  files(): StoreFile<DocumentFile>[] {
    return [...this.loaded.values()];
  }

  async get(id: string): Promise<StoreFile<DocumentFile>> {
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
  peek(id: string): StoreFile<DocumentFile> | undefined {
    return this.loaded.get(id);
  }

  /** Whether the document is in memory (or being read into it). */
  isLoadedOrLoading(id: string): boolean {
    return this.loaded.has(id) || this.loading.has(id);
  }

  /** A new or replaced document: its file object, loaded or created without reading. */
  forWrite(id: string): StoreFile<DocumentFile> | Promise<StoreFile<DocumentFile>> {
    assertDocumentId(id);
    const hit = this.loaded.get(id);
    if (hit) return hit;
    const loading = this.loading.get(id);
    if (loading) return loading.catch(() => this.forWrite(id));
    const file = StoreFile.create<DocumentFile>(this.fileOptions(id));
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
    const path = this.layout.docFile(id);
    try {
      await this.fs.unlink(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await this.fs.syncDir(this.layout.docsDir);
    await this.fs.removeTree(this.layout.backupsOf(path));
    this.ids.delete(id);
  }

  releaseAll(): void {
    for (const f of this.loaded.values()) f.release();
    this.loaded.clear();
  }

  private async load(id: string): Promise<StoreFile<DocumentFile>> {
    const { file, exists } = await StoreFile.open<DocumentFile>(this.fileOptions(id));
    if (!exists) {
      file.release();
      this.ids.delete(id);
      throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
    }
    this.remember(id, file);
    this.ids.add(id);
    return file;
  }

  private remember(id: string, file: StoreFile<DocumentFile>): void {
    this.loaded.set(id, file);
    if (this.loaded.size <= this.maxCached) return;
    for (const [oldId, old] of this.loaded) {
      if (this.loaded.size <= this.maxCached) break;
      if (oldId === id || old.pending) continue;
      old.release();
      this.loaded.delete(oldId);
    }
  }

  private fileOptions(id: string): StoreFileOptions<DocumentFile> {
    const path = this.layout.docFile(id);
    return { ...this.options, path, backupsDir: this.layout.backupsOf(path), kind: 'document', schema: DocumentFile, whenUnrecoverable: 'throw' };
  }
}
