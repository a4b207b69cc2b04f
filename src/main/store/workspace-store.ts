/**
 * The workspace store: `<workspace>/.report-annotator/workspace.json` (documents index,
 * taxonomy, settings), `cache/<id>.json` (derived data of a document: text, detector findings)
 * and `work/<analystId>/<id>.json` (one analyst's work on a document), each one lowdb file owned
 * by this object, written atomically and durably, coalesced, validated on read, backed up, and
 * guarded by a lock against other processes. A v1 workspace (docs/<id>.json) is migrated on
 * open. See README.md beside this file.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { type Analyst, CacheFile, type DocumentFile, DocumentFileV1, STORE_SCHEMA_VERSION, WorkFile, WorkspaceFile } from '../../core/store-schema';
import { decodeCache, encodeCache } from './cache-codec';
import { composeDocument, emptyWork, isEmptyWork, reconcileWork, splitDocument } from './compose';
import type { SavedDocumentRef } from './decode';
import { loadDefaultTaxonomy } from './default-taxonomy';
import { MAX_DOCUMENT_JSON, assertStorable } from './document-size';
import { type CommonFileOptions, FileSet } from './file-set';
import { nodeFs, type StoreFs } from './fs-layer';
import { assertDocumentId, layoutOf, type Layout } from './layout';
import { describeHolder, WorkspaceLock } from './lock';
import { migrateV1Layout } from './migrate-v1';
import { SaveStateTracker } from './save-state';
import { StoreFile } from './store-file';
import { cleanStaleTemps } from './temp-files';
import type { OpenOptions, SaveState, StoreNotice } from './types';

export const STORE_DEFAULTS = { coalesceMs: 25, workCoalesceMs: 0, backupIntervalMs: 30_000, backupCount: 5, retryMs: 5_000, maxCachedDocuments: 200, maxDocumentJson: MAX_DOCUMENT_JSON } as const;

/** The analyst of an app that was given none: the OS user. */
export function defaultAnalyst(): Analyst {
  let name = 'analyst';
  try {
    name = userInfo().username || name;
  } catch {
    // no user name on this system
  }
  return { id: 'local', name };
}

type Prepared<T> = { saved: Promise<unknown>[]; value: T };

export class WorkspaceStore {
  readonly dir: string;
  readonly notices: StoreNotice[];
  readonly readOnly: boolean;
  private analystNow: Analyst;
  private closed = false;
  /** largest document file accepted, in characters of JSON */
  private maxDocumentJson: number = STORE_DEFAULTS.maxDocumentJson;
  private analyzer = 'unknown';
  /** document changes waiting for their files to load */
  private readonly applying = new Set<Promise<unknown>>();
  private readonly noticeListeners = new Set<(n: StoreNotice) => void>();
  /** the (unsaved) empty work of documents this analyst has not touched, one object per cache */
  private readonly empties = new WeakMap<CacheFile, WorkFile>();

  private constructor(
    private readonly layout: Layout,
    private readonly lock: WorkspaceLock | null,
    private readonly ws: StoreFile<WorkspaceFile>,
    private readonly caches: FileSet<CacheFile>,
    private readonly works: FileSet<WorkFile>,
    /** v1's documents, when a read-only open finds a workspace not migrated yet */
    private readonly legacy: FileSet<DocumentFileV1> | null,
    private readonly tracker: SaveStateTracker,
    notices: StoreNotice[],
    readOnly: boolean,
    analyst: Analyst,
  ) {
    this.dir = layout.dir;
    this.notices = notices;
    this.readOnly = readOnly;
    this.analystNow = analyst;
  }

  /** whose work this store reads and writes */
  get analyst(): Analyst {
    return this.analystNow;
  }

  /** The analyst changed their display name (recorded in their work files from the next write). */
  renameAnalyst(name: string): void {
    this.analystNow = { id: this.analystNow.id, name };
  }

  static async open(dir: string, opts: OpenOptions): Promise<WorkspaceStore> {
    const fs: StoreFs = opts.fs ?? nodeFs;
    const layout = layoutOf(resolve(dir));
    const readOnly = opts.readOnly ?? false;
    const analyst = opts.analyst ?? defaultAnalyst();
    assertDocumentId(analyst.id);
    const notices: StoreNotice[] = [];
    const tracker = new SaveStateTracker();
    if (!readOnly) {
      await fs.mkdir(layout.cacheDir);
      await fs.mkdir(layout.workFolder(analyst.id));
      await fs.mkdir(layout.backupsDir);
    }
    const lock = readOnly ? null : await WorkspaceLock.acquire(fs, layout.lockFile, opts.app);
    let ws: StoreFile<WorkspaceFile> | null = null;
    let storeRef: WorkspaceStore | null = null;
    const early: StoreNotice[] = [];
    const notify = (n: StoreNotice): void => {
      const withDoc = { ...documentOf(layout, n.file), ...n };
      if (storeRef) storeRef.notify(withDoc);
      else early.push(withDoc);
    };
    try {
      if (lock?.tookOverFrom) {
        const h = lock.tookOverFrom;
        notify({ code: 'stale-lock-taken-over', file: layout.label(layout.lockFile), message: `The workspace was not closed properly by ${describeHolder(h)}, which is no longer running; its lock was taken over.`, at: new Date().toISOString() });
      }
      if (!readOnly) await cleanStaleTemps(fs, [layout.root, layout.docsDir, layout.cacheDir, layout.workFolder(analyst.id), layout.backupsOf(layout.workspaceFile)]);
      const common: CommonFileOptions = {
        fs,
        readOnly,
        backups: { count: opts.backupCount ?? STORE_DEFAULTS.backupCount, intervalMs: opts.backupIntervalMs ?? STORE_DEFAULTS.backupIntervalMs },
        windowMs: Math.min(200, Math.max(0, opts.coalesceMs ?? STORE_DEFAULTS.coalesceMs)),
        retryMs: opts.retryMs ?? STORE_DEFAULTS.retryMs,
        label: layout.label,
        onNotice: notify,
        onOutcome: (file, outcome) => {
          const name = layout.label(file.path);
          if (outcome.ok) tracker.recordSaved(name, outcome.at);
          else tracker.recordFailed(name, outcome.error);
          if (outcome.ok) storeRef?.fileWritten(name); // team:
          storeRef?.emitSaveState();
        },
      };
      const opened = await StoreFile.open<WorkspaceFile>({ ...common, path: layout.workspaceFile, backupsDir: layout.backupsOf(layout.workspaceFile), kind: 'workspace', schema: WorkspaceFile, whenUnrecoverable: 'empty' });
      ws = opened.file;
      const max = opts.maxCachedDocuments ?? STORE_DEFAULTS.maxCachedDocuments;
      const caches = new FileSet<CacheFile>(fs, common, max, { kind: 'cache', schema: CacheFile, dir: layout.cacheDir, backupsOf: layout.backupsOf, codec: { encode: encodeCache, decode: decodeCache } });
      // a work file is small: a review is written at once (changes made during a write still go
      // together into the next one), not held back by the window that spares the big files
      const workWindow = Math.min(200, Math.max(0, opts.workCoalesceMs ?? STORE_DEFAULTS.workCoalesceMs));
      const works = new FileSet<WorkFile>(fs, { ...common, windowMs: workWindow }, max, { kind: 'work', schema: WorkFile, dir: layout.workFolder(analyst.id), backupsOf: layout.backupsOf });
      await caches.scan();
      await works.scan();
      if (!opened.exists) {
        const fresh: WorkspaceFile = { schemaVersion: STORE_SCHEMA_VERSION, documents: [], taxonomy: await loadDefaultTaxonomy(opts.defaultTaxonomyPath), settings: {}, indicatorMap: {} };
        if (readOnly) ws.setUnsaved(fresh);
        else await ws.replace(fresh);
      }
      let legacy: FileSet<DocumentFileV1> | null = null;
      if (!readOnly) {
        await migrateV1Layout({ fs, layout, common, ws, caches, works, analyst, notify });
      } else if ((await fs.exists(layout.docsDir)) && !(await fs.exists(layout.cacheDir))) {
        legacy = new FileSet<DocumentFileV1>(fs, common, max, { kind: 'document', schema: DocumentFileV1, dir: layout.docsDir, backupsOf: layout.backupsOf });
        await legacy.scan();
      }
      const store = new WorkspaceStore(layout, lock, ws, caches, works, legacy, tracker, notices, readOnly, analyst);
      store.maxDocumentJson = opts.maxDocumentJson ?? STORE_DEFAULTS.maxDocumentJson;
      store.analyzer = opts.analyzer ?? 'unknown';
      storeRef = store;
      for (const n of early) store.notify(n);
      const reset = early.find((n) => n.code === 'reset-to-empty' && n.file === layout.label(layout.workspaceFile));
      if (reset && caches.list().length > 0) {
        store.notify({
          code: 'index-rebuilt', file: reset.file, at: new Date().toISOString(), counts: { documents: caches.list().length },
          message: `The list of reports could not be read and no backup of it was good; the ${caches.list().length} reports' data and your work on them are kept, and the reports in the workspace folder are listed again.`,
        });
      }
      return store;
    } catch (e) {
      ws?.release();
      await lock?.release();
      throw e;
    }
  }

  // team: who hears of each file written (workspace-relative path, '/'-separated): the team service asks Syncthing to scan it
  private readonly writtenListeners = new Set<(file: string) => void>();

  /** team: calls listener with each file durably written from now on (its path relative to the workspace folder); returns an unsubscribe function. */
  onFileWritten(listener: (file: string) => void): () => void {
    this.writtenListeners.add(listener);
    return () => this.writtenListeners.delete(listener);
  }

  private fileWritten(file: string): void {
    for (const l of this.writtenListeners) {
      try {
        l(file);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  /** Calls listener with every notice from now on (a document recovered on first read, …); returns an unsubscribe function. */
  onNotice(listener: (n: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private notify(n: StoreNotice): void {
    this.notices.push(n);
    for (const l of this.noticeListeners) {
      try {
        l(n);
      } catch {
        // a listener's failure is its own
      }
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

  /**
   * Replaces the workspace with `fn(current)` (built without changing it), validated; the write
   * waits `delayMs` (default 2 s) unless another change or flush() comes first — for data
   * derived from files already durable (a document's counts after a review). Resolves once durable.
   */
  applyToWorkspaceLater(fn: (w: WorkspaceFile) => WorkspaceFile, delayMs = 2_000): Promise<void> {
    this.assertWritable();
    const saved = this.ws.applyLater(fn, delayMs);
    this.emitSaveState();
    return saved;
  }

  /** ids of the documents on disk (may include documents missing from the index after a crash) */
  documentIds(): string[] {
    this.assertOpen();
    return this.legacy ? this.legacy.list() : this.caches.list();
  }

  hasDocument(id: string): boolean {
    this.assertOpen();
    return this.legacy ? this.legacy.has(id) : this.caches.has(id);
  }

  /**
   * The document: its cached text and detector findings with this analyst's work (each file
   * read once, then cached). Treat as read-only: change it with applyToDocument/updateDocument.
   * A file found damaged or deleted is restored from its newest good backup, with a notice.
   */
  async readDocument(id: string): Promise<DocumentFile> {
    this.assertOpen();
    assertDocumentId(id);
    if (this.legacy) return (await this.legacy.get(id)).data as DocumentFile;
    const { cache, work } = await this.parts(id);
    return composeDocument(cache.data, work);
  }

  /** The cache file and this analyst's work (reconciled with the cache when made on another text). */
  private async parts(id: string): Promise<{ cache: StoreFile<CacheFile>; workFile: StoreFile<WorkFile> | null; work: WorkFile }> {
    const cache = await this.caches.find(id);
    if (!cache) throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
    // a damaged work file with no good backup was moved aside with a notice: open without it
    const workFile = await this.works.find(id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'store-corrupt') return null;
      throw e;
    });
    let work = workFile?.data ?? this.emptyWorkOf(cache.data);
    if (work.sha256 !== cache.data.sha256) {
      const reconciled = reconcileWork(cache.data, work);
      if (workFile && !this.readOnly) {
        workFile.apply(() => reconciled).catch(() => undefined); // the save state reports a failure
        work = workFile.data;
      } else work = reconciled;
      this.notify({
        code: 'work-reanchored', file: this.layout.label(this.works.fileOf(id)), at: new Date().toISOString(), document: { id, part: 'work' }, counts: { orphans: work.orphans.length },
        message: `Your work on document ${id} was made on another version of the report; it was carried to the current text (reviews that could not be placed are kept for you to resolve).`,
      });
    }
    return { cache, workFile, work };
  }

  private emptyWorkOf(cache: CacheFile): WorkFile {
    let w = this.empties.get(cache);
    if (!w) this.empties.set(cache, (w = emptyWork(cache, this.analyst)));
    return w;
  }

  /**
   * A reference to the saved files of a document that is not loaded in memory — so the files
   * are all of it — for a reader that decodes it itself off this thread (`decodeSavedDocument`,
   * the JSONL export's worker threads). Null when the document is loaded: it may hold changes
   * not yet saved, read it with readDocument. A reader whose decode is not a plain `ok` must go
   * back to readDocument, which recovers or reports it.
   */
  savedDocumentFile(id: string): string | null {
    this.assertOpen();
    assertDocumentId(id);
    if (this.legacy || !this.caches.has(id) || this.caches.isLoadedOrLoading(id) || this.works.isLoadedOrLoading(id)) return null;
    const ref: SavedDocumentRef = { cache: this.caches.fileOf(id), work: this.works.has(id) ? this.works.fileOf(id) : null };
    return JSON.stringify(ref);
  }

  /**
   * Creates or replaces a document (an import): its derived data goes to the cache file, its
   * work to this analyst's work file; resolves when both are durable. A document without any
   * work never erases work already on disk for it (the work is kept, carried to the new text
   * if the report changed). A document whose file would be larger than `maxDocumentJson` is
   * refused ('file-too-large') before anything changes.
   */
  writeDocument(doc: DocumentFile): Promise<void> {
    return this.run(
      () => {
        assertStorable(doc, this.maxDocumentJson);
        assertDocumentId(doc.id);
      },
      async () => {
        const id = doc.id;
        const cacheFile = this.caches.isLoadedOrLoading(id) ? await this.caches.get(id) : null;
        const workFile = await this.works.find(id);
        const prevCache = cacheFile?.data ?? null;
        const prevWork = workFile?.data ?? emptyWork(doc, this.analyst);
        const parts = splitDocument(doc, { cache: prevCache, work: prevWork }, this.analyst, this.analyzer);
        const cache = parts.cache ?? prevCache!;
        let work = parts.work;
        if (isEmptyWork(work) && workFile && !isEmptyWork(prevWork)) work = reconcileWork(cache, prevWork);
        const saved: Promise<unknown>[] = [];
        if (parts.cache) {
          const target = cacheFile ?? (await this.caches.forWrite(id));
          saved.push(target.replace(parts.cache));
        }
        if (work !== prevWork && !(isEmptyWork(work) && !workFile)) {
          const target = workFile ?? (await this.works.forWrite(id));
          saved.push(target.replace(work));
        }
        return { saved, value: undefined };
      },
    );
  }

  /**
   * Replaces the document with `fn(current)`, built without changing `current` (no deep copy
   * first), validated; resolves with it once durable. Only the files whose part changed are
   * written: a review writes this analyst's small work file, never the cache.
   */
  applyToDocument(id: string, fn: (d: DocumentFile) => DocumentFile): Promise<DocumentFile> {
    return this.run(
      () => assertDocumentId(id),
      () => {
        const cacheFile = this.caches.peek(id);
        const workFile = this.works.peek(id);
        // both parts in memory (the document was read): apply now, so a flush() right after includes it
        if (cacheFile && (workFile || !this.works.has(id)) && (!workFile || workFile.data.sha256 === cacheFile.data.sha256)) return this.applyParts(id, cacheFile, workFile ?? null, workFile?.data ?? this.emptyWorkOf(cacheFile.data), fn);
        return this.parts(id).then(({ cache, workFile: wf, work }) => this.applyParts(id, cache, wf, work, fn));
      },
    );
  }

  private applyParts(id: string, cacheFile: StoreFile<CacheFile>, workFile: StoreFile<WorkFile> | null, work: WorkFile, fn: (d: DocumentFile) => DocumentFile): Prepared<DocumentFile> | Promise<Prepared<DocumentFile>> {
    const current = composeDocument(cacheFile.data, work);
    const next = fn(current);
    if (next.id !== id) throw new AppError('bad-request', `A change may not rename document ${id}.`, { id });
    const parts = splitDocument(next, { cache: cacheFile.data, work }, this.analyst, this.analyzer);
    const saved: Promise<unknown>[] = [];
    if (parts.cache) {
      const c = parts.cache;
      saved.push(cacheFile.apply(() => c));
    }
    const finish = (wf: StoreFile<WorkFile> | null): Prepared<DocumentFile> => {
      if (parts.work !== work && wf) {
        const w = parts.work;
        saved.push(workFile ? wf.apply(() => w) : wf.replace(w));
      }
      return { saved, value: composeDocument(cacheFile.data, wf?.data ?? work) };
    };
    if (parts.work === work) return finish(workFile);
    const target = workFile ?? this.works.forWrite(id);
    return target instanceof Promise ? target.then(finish) : finish(target);
  }

  /** Applies fn to a copy of the document, validates it, and resolves with it once durable. */
  updateDocument(id: string, fn: (d: DocumentFile) => void): Promise<DocumentFile> {
    // the detector findings are shared, not copied (fn must not change them; a review cannot)
    return this.applyToDocument(id, (d) => {
      const draft: DocumentFile = { ...d, findings: d.findings.map((f) => (f.origin === 'manual' ? structuredClone(f) : f)), reviews: structuredClone(d.reviews), orphans: structuredClone(d.orphans), history: structuredClone(d.history) };
      fn(draft);
      return draft;
    });
  }

  /** Removes the document's cache and this analyst's work on it, with their backups (not its entry in the index: that is updateWorkspace's). */
  async deleteDocument(id: string): Promise<void> {
    this.assertWritable();
    assertDocumentId(id);
    if (!this.caches.has(id) && !this.works.has(id)) throw new AppError('document-not-found', `No document ${id} in this workspace.`, { id });
    await this.caches.delete(id);
    await this.works.delete(id);
    this.tracker.forget(this.layout.label(this.caches.fileOf(id)));
    this.tracker.forget(this.layout.label(this.works.fileOf(id)));
    this.emitSaveState();
  }

  /** Writes everything pending now (including changes still being applied); rejects with the store error if the disk refuses. */
  async flush(): Promise<void> {
    this.assertOpen();
    await Promise.allSettled([...this.applying]);
    const results = await Promise.allSettled(this.allFiles().map((f) => f.flush()));
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
    this.caches.releaseAll();
    this.works.releaseAll();
    this.legacy?.releaseAll();
    this.noticeListeners.clear();
    await this.lock?.release();
  }

  saveState(): SaveState {
    const files = this.closed ? [] : this.allFiles();
    return this.tracker.snapshot(files.filter((f) => f.pending).length + this.applying.size);
  }

  /** Calls listener whenever the save state may have changed; returns an unsubscribe function. */
  onSaveState(listener: (s: SaveState) => void): () => void {
    return this.tracker.subscribe(listener);
  }

  /** writes started so far, all files (for tests and benches) */
  writeCount(): number {
    return this.allFiles().reduce((n, f) => n + f.writes, 0);
  }

  /** writes started so far, by kind of file (for tests and benches) */
  writeCounts(): { workspace: number; cache: number; work: number } {
    const sum = (fs: StoreFile<unknown>[]): number => fs.reduce((n, f) => n + f.writes, 0);
    return { workspace: this.ws.writes, cache: sum(this.caches.files() as StoreFile<unknown>[]), work: sum(this.works.files() as StoreFile<unknown>[]) };
  }

  private allFiles(): StoreFile<unknown>[] {
    return [this.ws, ...this.caches.files(), ...this.works.files(), ...(this.legacy?.files() ?? [])] as StoreFile<unknown>[];
  }

  /**
   * Runs a change: `check` throws before anything starts; `prepare` applies it to the files
   * (at once when it can, so a flush() right after includes it; otherwise the load is tracked
   * and flush() waits) and says which writes make it durable.
   */
  private run<T>(check: () => void, prepare: () => Prepared<T> | Promise<Prepared<T>>): Promise<T> {
    let prepared: Prepared<T> | Promise<Prepared<T>>;
    try {
      this.assertWritable();
      check();
      prepared = prepare();
    } catch (e) {
      return Promise.reject(e);
    }
    const settle = async (p: Prepared<T>): Promise<T> => {
      await Promise.all(p.saved);
      return p.value;
    };
    if (!(prepared instanceof Promise)) {
      this.emitSaveState();
      return settle(prepared);
    }
    this.applying.add(prepared);
    this.emitSaveState();
    const done = prepared.finally(() => {
      this.applying.delete(prepared);
      this.emitSaveState();
    });
    return done.then(settle);
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

/** Which document a store file belongs to, from its label (.report-annotator/cache/<id>.json, …). */
function documentOf(layout: Layout, file: string): { document?: StoreNotice['document'] } {
  const m = /^\.report-annotator\/(cache|work\/[^/]+|docs)\/([^/]+)\.json$/.exec(file);
  if (!m) return {};
  return { document: { id: m[2], part: m[1] === 'cache' ? 'cache' : m[1] === 'docs' ? 'v1' : 'work' } };
}
