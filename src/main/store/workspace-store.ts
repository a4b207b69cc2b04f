/**
 * The workspace store: `<workspace>/.report-annotator/workspace.json` (documents index,
 * taxonomy, settings) and `docs/<id>.json` (one per document), each one lowdb file owned by
 * this object, written atomically and durably, coalesced, validated on read, backed up, and
 * guarded by a lock against other processes. See README.md beside this file.
 */
import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { STORE_SCHEMA_VERSION, WorkspaceFile, type DocumentFile } from '../../core/store-schema';
import { loadDefaultTaxonomy } from './default-taxonomy';
import { DocumentFiles } from './document-files';
import { MAX_DOCUMENT_JSON, assertStorable } from './document-size';
import { nodeFs, type StoreFs } from './fs-layer';
import { assertDocumentId, layoutOf, type Layout } from './layout';
import { describeHolder, WorkspaceLock } from './lock';
import { SaveStateTracker } from './save-state';
import { StoreFile, type StoreFileOptions } from './store-file';
import { cleanStaleTemps } from './temp-files';
import type { OpenOptions, SaveState, StoreNotice } from './types';

export const STORE_DEFAULTS = { coalesceMs: 25, backupIntervalMs: 30_000, backupCount: 5, retryMs: 5_000, maxCachedDocuments: 200, maxDocumentJson: MAX_DOCUMENT_JSON } as const;

export class WorkspaceStore {
  readonly dir: string;
  readonly notices: StoreNotice[];
  readonly readOnly: boolean;
  private closed = false;
  /** largest document file accepted, in characters of JSON */
  private maxDocumentJson: number = STORE_DEFAULTS.maxDocumentJson;
  /** document changes waiting for their file to load */
  private readonly applying = new Set<Promise<unknown>>();

  private constructor(
    private readonly layout: Layout,
    private readonly lock: WorkspaceLock | null,
    private readonly ws: StoreFile<WorkspaceFile>,
    private readonly docs: DocumentFiles,
    private readonly tracker: SaveStateTracker,
    notices: StoreNotice[],
    readOnly: boolean,
  ) {
    this.dir = layout.dir;
    this.notices = notices;
    this.readOnly = readOnly;
  }

  static async open(dir: string, opts: OpenOptions): Promise<WorkspaceStore> {
    const fs: StoreFs = opts.fs ?? nodeFs;
    const layout = layoutOf(resolve(dir));
    const readOnly = opts.readOnly ?? false;
    const notices: StoreNotice[] = [];
    const tracker = new SaveStateTracker();
    if (!readOnly) {
      await fs.mkdir(layout.docsDir);
      await fs.mkdir(layout.backupsDir);
    }
    const lock = readOnly ? null : await WorkspaceLock.acquire(fs, layout.lockFile, opts.app);
    let ws: StoreFile<WorkspaceFile> | null = null;
    try {
      if (lock?.tookOverFrom) {
        const h = lock.tookOverFrom;
        notices.push({ code: 'stale-lock-taken-over', file: layout.label(layout.lockFile), message: `The workspace was not closed properly by ${describeHolder(h)}, which is no longer running; its lock was taken over.`, at: new Date().toISOString() });
      }
      if (!readOnly) await cleanStaleTemps(fs, [layout.root, layout.docsDir, layout.backupsOf(layout.workspaceFile)]);
      let storeRef: WorkspaceStore | null = null;
      const common: Omit<StoreFileOptions<never>, 'path' | 'backupsDir' | 'kind' | 'schema' | 'whenUnrecoverable'> = {
        fs,
        readOnly,
        backups: { count: opts.backupCount ?? STORE_DEFAULTS.backupCount, intervalMs: opts.backupIntervalMs ?? STORE_DEFAULTS.backupIntervalMs },
        windowMs: Math.min(200, Math.max(0, opts.coalesceMs ?? STORE_DEFAULTS.coalesceMs)),
        retryMs: opts.retryMs ?? STORE_DEFAULTS.retryMs,
        label: layout.label,
        onNotice: (n) => notices.push(n),
        onOutcome: (file, outcome) => {
          const name = layout.label(file.path);
          if (outcome.ok) tracker.recordSaved(name, outcome.at);
          else tracker.recordFailed(name, outcome.error);
          storeRef?.emitSaveState();
        },
      };
      const opened = await StoreFile.open<WorkspaceFile>({ ...common, path: layout.workspaceFile, backupsDir: layout.backupsOf(layout.workspaceFile), kind: 'workspace', schema: WorkspaceFile, whenUnrecoverable: 'empty' });
      ws = opened.file;
      const docs = new DocumentFiles(fs, layout, common, opts.maxCachedDocuments ?? STORE_DEFAULTS.maxCachedDocuments);
      await docs.scan();
      const store = new WorkspaceStore(layout, lock, ws, docs, tracker, notices, readOnly);
      store.maxDocumentJson = opts.maxDocumentJson ?? STORE_DEFAULTS.maxDocumentJson;
      storeRef = store;
      if (!opened.exists) {
        const fresh: WorkspaceFile = { schemaVersion: STORE_SCHEMA_VERSION, documents: [], taxonomy: await loadDefaultTaxonomy(opts.defaultTaxonomyPath), settings: {}, indicatorMap: {} };
        if (readOnly) ws.setUnsaved(fresh);
        else await ws.replace(fresh);
      }
      return store;
    } catch (e) {
      ws?.release();
      await lock?.release();
      throw e;
    }
  }

  /** The workspace file in memory (validated). Treat as read-only: change it with updateWorkspace. */
  workspace(): WorkspaceFile {
    this.assertOpen();
    return this.ws.data;
  }

  /** Applies fn to a copy, validates it, and resolves when the result is durable on disk. */
  async updateWorkspace(fn: (w: WorkspaceFile) => void): Promise<void> {
    this.assertOpen();
    const saved = this.ws.update(fn);
    this.emitSaveState();
    await saved;
  }

  /** ids of the document files on disk (may include documents missing from the index after a crash) */
  documentIds(): string[] {
    this.assertOpen();
    return this.docs.list();
  }

  hasDocument(id: string): boolean {
    this.assertOpen();
    return this.docs.has(id);
  }

  /** The document (read once, then cached). Treat as read-only: change it with updateDocument. */
  async readDocument(id: string): Promise<DocumentFile> {
    this.assertOpen();
    if (!this.docs.has(id)) throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
    return (await this.docs.get(id)).data;
  }

  /**
   * The saved file of a document that is not loaded in memory — so the file is the whole
   * document — for a reader that decodes it itself off this thread (`decodeDocumentFile`, the
   * JSONL export's worker threads). Null when the document is loaded: it may hold changes not
   * yet saved, read it with readDocument. A reader whose decode is not a plain `ok` (damaged,
   * newer, to be migrated, gone) must go back to readDocument, which recovers or reports it.
   */
  savedDocumentFile(id: string): string | null {
    this.assertOpen();
    assertDocumentId(id);
    if (!this.docs.has(id) || this.docs.isLoadedOrLoading(id)) return null;
    return this.layout.docFile(id);
  }

  /**
   * Creates or replaces a document; resolves when it is durable. A document whose file would be
   * larger than `maxDocumentJson` is refused ('file-too-large') before anything changes.
   */
  writeDocument(doc: DocumentFile): Promise<void> {
    return this.change(
      () => {
        assertStorable(doc, this.maxDocumentJson);
        return this.docs.forWrite(doc.id);
      },
      (file) => file.replace(doc),
    );
  }

  /**
   * Replaces the document with `fn(current)`, built without changing `current` (see
   * StoreFile.apply: no deep copy first), validated; resolves with it once durable.
   */
  applyToDocument(id: string, fn: (d: DocumentFile) => DocumentFile): Promise<DocumentFile> {
    return this.modifyDocument(id, (file) => file.apply(fn));
  }

  /** Applies fn to a copy of the document, validates it, and resolves with it once durable. */
  updateDocument(id: string, fn: (d: DocumentFile) => void): Promise<DocumentFile> {
    return this.modifyDocument(id, (file) => file.update(fn));
  }

  /** Runs a change on a document's file (loaded if needed); resolves with the document once durable. */
  private async modifyDocument(id: string, change: (file: StoreFile<DocumentFile>) => Promise<void>): Promise<DocumentFile> {
    let target: StoreFile<DocumentFile> | null = null;
    await this.change(
      () => {
        if (!this.docs.has(id)) throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
        return this.docs.peek(id) ?? this.docs.get(id);
      },
      (file) => {
        target = file;
        return change(file);
      },
    );
    return (target as StoreFile<DocumentFile> | null)!.data;
  }

  /** Removes the document file and its backups (not its entry in the index: that is updateWorkspace's). */
  async deleteDocument(id: string): Promise<void> {
    this.assertWritable();
    if (!this.docs.has(id)) throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
    await this.docs.delete(id);
    this.tracker.forget(this.layout.label(this.layout.docFile(id)));
    this.emitSaveState();
  }

  /** Writes everything pending now (including changes still being applied); rejects with the store error if the disk refuses. */
  async flush(): Promise<void> {
    this.assertOpen();
    await Promise.allSettled([...this.applying]);
    const results = await Promise.allSettled([this.ws, ...this.docs.files()].map((f) => f.flush()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Flushes, then releases files and the lock. If the flush fails the store stays open (the
   * changes are still in memory) and the error is thrown, unless `discardUnsaved` is set.
   */
  async close(opts: { discardUnsaved?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    if (!this.readOnly) {
      try {
        await this.flush();
      } catch (e) {
        if (!opts.discardUnsaved) throw e;
      }
    }
    this.closed = true;
    this.ws.release();
    this.docs.releaseAll();
    await this.lock?.release();
  }

  saveState(): SaveState {
    const files = this.closed ? [] : [this.ws, ...this.docs.files()];
    return this.tracker.snapshot(files.filter((f) => f.pending).length + this.applying.size);
  }

  /** Calls listener whenever the save state may have changed; returns an unsubscribe function. */
  onSaveState(listener: (s: SaveState) => void): () => void {
    return this.tracker.subscribe(listener);
  }

  /** writes started so far, all files (for tests and benches) */
  writeCount(): number {
    return [this.ws, ...this.docs.files()].reduce((n, f) => n + f.writes, 0);
  }

  /**
   * Applies a change to a document file. When the file is loaded the change is applied at once
   * (so a flush() right after includes it); otherwise the load is tracked, and flush() waits.
   */
  private change(get: () => StoreFile<DocumentFile> | Promise<StoreFile<DocumentFile>>, apply: (file: StoreFile<DocumentFile>) => Promise<void>): Promise<void> {
    let file: StoreFile<DocumentFile> | Promise<StoreFile<DocumentFile>>;
    try {
      this.assertWritable();
      file = get();
    } catch (e) {
      return Promise.reject(e);
    }
    if (!(file instanceof Promise)) {
      const saved = apply(file);
      this.emitSaveState();
      return saved;
    }
    const applied = file.then((f) => ({ saved: apply(f) }));
    this.applying.add(applied);
    this.emitSaveState();
    const done = applied.finally(() => {
      this.applying.delete(applied);
      this.emitSaveState();
    });
    return done.then(({ saved }) => saved);
  }

  private emitSaveState(): void {
    if (this.tracker.hasListeners) this.tracker.emit(this.saveState());
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('workspace-not-open', 'The workspace is closed.', { dir: this.dir });
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) throw new AppError('store-read-only', 'The workspace is open read-only.', { dir: this.dir });
  }
}
