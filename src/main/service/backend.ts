/**
 * The backend behind the API contract: one object per process (Electron main, `serve`, CLI)
 * that owns the open workspace store, the importers and the analysis pool. The bindings (IPC,
 * HTTP) only call `handlers` through dispatch.
 */
import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { ApiEvent, ApiEventName, ProgressEvent, ReviewResult, SaveState, WorkspaceView } from '../../core/api';
import { AppError, type ErrorCode, isAppError } from '../../core/errors';
import { AnalysisPool } from '../analysis/pool';
import { type StoreNotice, WorkspaceStore } from '../store';
import type { Handlers, Logger } from './dispatch';
import { countFindings } from '../../core/document';
import type { DocumentFile, DocumentMeta } from '../../core/store-schema';
import { buildDocumentView, buildFindingsPart, buildPackedView, buildReviewResult, reviewDocument } from './documents';
import { type Identity, loadIdentity, osUserName, saveIdentity } from './identity';
import { type UiNotice, cappedNotices, uiNotice, workNotice } from './notices';
import { ensureSampleWorkspace } from './samples';
import { removeFailedDrops, saveDropped } from './dropped';
import { encodingOverrides, importIntoStore, noteImportWarnings } from './importing';
import { refreshSources } from './refresh';
import { searchWorkspace } from './search';
import { FOLDER_FORMATS, exportWorkspace } from '../export';
import { pivotOf } from './datasets';
import { PathPolicy } from './path-policy';
import { TaskRegistry } from './tasks';
import { TeamService } from './team'; // team:
import { exportTeamLayer } from '../team/export'; // team:
import { RuleBook, attachRuleBook, ruleBookOf } from './rules'; // rules:
import { rulesHandlers } from './rules-handlers'; // rules:
import { reviewStep } from './rules-undo'; // undo-s6
import { likeIndexOf } from './rules-index'; // s7

export interface PlatformDialogs {
  chooseFolder(): Promise<string | null>;
  chooseFiles(): Promise<string[]>;
  /** where to write an export: a file, or a folder for the folder formats */
  chooseExportTarget?(format: string, folder: boolean): Promise<string | null>;
}

export interface BackendOptions {
  mode: 'desktop' | 'browser';
  app: 'desktop' | 'serve' | 'cli';
  samplesDir: string;
  userDataDir: string;
  workspaceDir?: string;
  dialogs?: PlatformDialogs;
  log: Logger;
  version: string;
  /** worker script for analysis; null analyses in process */
  workerPath?: string | null;
  /** team: the local Syncthing (default: found from its config.xml); tests pass their instance */
  syncthing?: () => Promise<import('../team/syncthing').SyncthingClient>;
}

export interface Backend {
  handlers: Handlers;
  onEvent(listener: (name: ApiEventName, payload: unknown) => void): () => void;
  openWorkspace(dir: string): Promise<void>;
  /** settles when the open workspace has been brought up to date with its folder (see refresh.ts) */
  refreshed(): Promise<void>;
  /** pushes an event to the UI (the desktop menu's commands) */
  announce<E extends ApiEventName>(name: E, payload: ApiEvent<E>): void;
  close(): Promise<void>;
}

interface OpenWorkspace {
  store: WorkspaceStore;
  /** stops forwarding the store's save state to the UI */
  unsubscribe: () => void;
  dir: string;
  isSample: boolean;
  notices: UiNotice[];
  /** stops listening to the store's notices */
  unlisten: () => void;
  /** the background import of new and changed source files, started when it opened */
  refresh: Promise<void>;
  refreshTask: string;
}

const APP_STATE = 'app-state.json';

export function createBackend(opts: BackendOptions): Backend {
  const listeners = new Set<(name: ApiEventName, payload: unknown) => void>();
  /** s7: the import under way (its last progress), for a window that opens during it */
  let importing: ProgressEvent | null = null;
  const emit = (name: ApiEventName, payload: unknown): void => {
    if (name === 'progress') {
      const p = payload as ProgressEvent;
      if (p.label === 'import') importing = p.finished ? null : p;
    }
    for (const l of listeners) {
      try {
        l(name, payload);
      } catch (e) {
        opts.log.error('event listener failed', { name, error: String(e) });
      }
    }
  };
  const pool = opts.workerPath === undefined ? new AnalysisPool() : new AnalysisPool(opts.workerPath);
  const tasks = new TaskRegistry();
  /** the analyst's identity, read from the user settings before the first workspace opens */
  let identity: Identity | null = null;
  let identityLoad: Promise<Identity> | null = null;
  // one read (and first-run write) of the identity file, however many callers ask at once
  const me = (): Promise<Identity> =>
    (identityLoad ??= loadIdentity(opts.userDataDir).catch((e: unknown) => {
      // settings that cannot be written: work under a session identity (its work files stay apart)
      opts.log.error('could not read or write the analyst identity', { error: String(e) });
      return { id: 'local', name: osUserName(), confirmed: false };
    })).then((id) => identity ?? (identity = id));
  const policy = new PathPolicy(opts.mode === 'desktop' ? 'strict' : 'open');
  /** An export target must be chosen by the user (desktop) or lie inside the workspace. */
  const requireAllowedTarget = async (out: string): Promise<void> => {
    policy.check(out);
    if (await policy.allows(out)) return;
    if (await policy.allows(dirname(resolve(out)))) return;
    throw new AppError('path-not-allowed', `not a place you chose to export to: ${out}`);
  };
  const requireAllowed = async (paths: string[]): Promise<void> => {
    for (const p of paths) {
      policy.check(p);
      if (!(await policy.allows(p))) throw new AppError('path-not-allowed', `not a file you chose or inside the open workspace: ${p}`);
    }
  };
  let current: OpenWorkspace | null = null;
  let opening: Promise<OpenWorkspace> | null = null;
  // team: layers, agreement, adjudication, assignment, Syncthing (service/team.ts)
  const team = new TeamService({
    appVersion: opts.version, // team-s6: the agreement cache of another build is not used
    workspace: () => workspace(),
    emit,
    announceNotices: (host) => {
      if (current && current.store === host.store) emit('workspaceChanged', view(current));
    },
    log: opts.log,
    identity: () => me(),
    adoptIdentity: async (id, name) => {
      const next: Identity = { ...(await me()), id, name, confirmed: true };
      await saveIdentity(opts.userDataDir, next);
      identity = next;
      if (current) {
        const { dir, isSample } = current;
        await closeCurrent(current);
        current = null;
        await openAndAnnounce(dir, isSample);
      }
      return { ...next };
    },
    syncthing: opts.syncthing,
    sourcesChanged: () => {
      const ws = current;
      if (!ws || ws.isSample) return;
      ws.refresh = ws.refresh.then(() => (current === ws ? refresh(ws) : undefined));
    },
  });

  async function open(dir: string, isSample: boolean): Promise<OpenWorkspace> {
    const abs = resolve(dir);
    if (current && current.dir === abs) return current;
    await policy.grant(abs);
    const who = await me();
    const store = await openStore(abs, { app: opts.app, analyst: { id: who.id, name: who.name }, analyzer: opts.version });
    // rules: the analyst's rule book (and teammates' shared rules), before anything is analysed
    try {
      const book = await RuleBook.open(abs, { id: who.id, name: who.name }, { readOnly: store.readOnly });
      book.onWriteError = (e) => opts.log.error('could not save the rules', { error: String(e) });
      attachRuleBook(store, book);
    } catch (e) {
      await store.close();
      throw e;
    }
    if (current) await closeCurrent(current);
    const opened: OpenWorkspace = {
      store,
      unsubscribe: store.onSaveState(() => emit('saveState', toSaveState(store))),
      unlisten: () => undefined,
      dir: abs,
      isSample,
      notices: [],
      refresh: Promise.resolve(),
      refreshTask: `refresh-${Date.now()}`,
    };
    current = opened;
    // Recovery is never silent: a notice the store raises later (a document restored on its
    // first read) reaches the UI at once, worded with what was restored and what was not.
    const tell = async (n: StoreNotice, announce: boolean): Promise<void> => {
      const ui = n.document && n.document.part !== 'cache' ? await workNotice(store, n) : uiNotice(n);
      if (ui) opened.notices.push(ui);
      if (announce && current === opened) emit('workspaceChanged', view(opened));
    };
    for (const n of store.notices) await tell(n, false);
    for (const p of ruleBookOf(store)?.problems ?? []) opened.notices.push({ code: 'rules-unreadable', message: `${p.message}${p.movedTo ? ` (${p.movedTo})` : ''}` }); // rules:
    opened.unlisten = store.onNotice((n) => {
      // after the read that raised it has finished (it may be that read's own notice)
      setImmediate(() => {
        if (current !== opened) return; // closed meanwhile: the next open reads the file again
        tell(n, true).catch((e: unknown) => {
          if (!(isAppError(e) && e.code === 'workspace-not-open')) opts.log.error('notice failed', { error: String(e) });
        });
      });
    });
    if (!isSample) await rememberWorkspace(abs);
    await team.attach(opened).catch((e: unknown) => opts.log.error('team: could not attach', { error: String(e) })); // team:
    // New and changed report files are read after the open answers: a file that takes long (or
    // never parses) cannot keep the workspace from opening. The bundled samples are read first.
    opened.refresh = refresh(opened);
    if (isSample) await opened.refresh;
    return opened;
  }

  async function refresh(ws: OpenWorkspace): Promise<void> {
    try {
      const r = await refreshSources(ws.store, { pool, tasks, emit, log: opts.log, taskId: ws.refreshTask, allow: (p) => policy.allows(p) });
      if (r.changed > 0) ws.notices.push({ code: 'sources-changed', message: `${r.changed} report(s) changed on disk and were re-analysed; reviews were carried to their new places.`, params: { count: r.changed } });
      for (const f of r.summary?.failed ?? []) if (f.error.code !== 'cancelled') ws.notices.push({ code: f.error.code, message: `${f.path}: ${f.error.message}` });
      noteImportWarnings(ws.notices, r.summary, ws.dir); // import-s6: what the importers did to the files' text, as for Add files
      // copies of a drop that failed before this version kept failing at every open: reported once, then removed
      if (r.summary) await removeFailedDrops(ws.dir, r.summary.failed.map((f) => f.path));
      if (r.skipped.length > 0) ws.notices.push({ code: 'sources-skipped', message: `${r.skipped.length} file(s) that could not be imported before were not tried again (unchanged since).`, params: { count: r.skipped.length } });
      if (r.summary && current === ws) emit('workspaceChanged', view(ws));
    } catch (e) {
      if (current === ws) opts.log.error('could not bring the workspace up to date with its folder', { dir: ws.dir, error: String(e) });
    }
  }

  async function closeCurrent(ws: OpenWorkspace): Promise<void> {
    await team.detach(); // team:
    tasks.cancel(ws.refreshTask);
    await ws.refresh;
    ws.unsubscribe();
    ws.unlisten();
    await ruleBookOf(ws.store)?.flush().catch((e: unknown) => opts.log.error('could not save the rules', { error: String(e) })); // rules:
    await likeIndexOf(ws.store).flush(); // s7: the like-index for the next session (derived data: a failed write is not an error)
    await ws.store.close();
  }

  async function openAndAnnounce(dir: string, isSample: boolean): Promise<OpenWorkspace> {
    const ws = await open(dir, isSample);
    emit('workspaceChanged', view(ws));
    return ws;
  }

  async function openSample(): Promise<OpenWorkspace> {
    const dir = await ensureSampleWorkspace(opts.samplesDir, join(opts.userDataDir, 'sample-workspace'));
    return open(dir, true);
  }

  /** The workspace, opened on first use: the one asked for, the last one, or the samples. */
  async function workspace(): Promise<OpenWorkspace> {
    if (current) return current;
    if (!opening) {
      opening = (async () => {
        if (opts.workspaceDir) return open(opts.workspaceDir, false);
        const last = await lastWorkspace();
        if (last) {
          try {
            // a last workspace whose folder is gone is not made again (the samples open instead)
            await requireFolder(last);
            return await open(last, false);
          } catch (e) {
            opts.log.error('could not reopen the last workspace', { dir: last, error: String(e) });
          }
        }
        return openSample();
      })().finally(() => {
        opening = null;
      });
    }
    return opening;
  }

  function view(ws: OpenWorkspace): WorkspaceView {
    const w = ws.store.workspace();
    return { dir: ws.dir, name: ws.isSample ? 'Sample reports' : basename(ws.dir), isSample: ws.isSample, documents: w.documents, taxonomy: w.taxonomy, notices: [...ws.notices, ...cappedNotices(w.documents)], importing: importing && tasks.isRunning(importing.taskId) ? importing : null }; // memory: + reports shown in part
  }

  async function rememberWorkspace(dir: string): Promise<void> {
    try {
      await mkdir(opts.userDataDir, { recursive: true });
      await writeFile(join(opts.userDataDir, APP_STATE), JSON.stringify({ lastWorkspace: dir }));
    } catch (e) {
      opts.log.error('could not remember the workspace', { error: String(e) });
    }
  }

  async function lastWorkspace(): Promise<string | null> {
    try {
      const s = JSON.parse(await readFile(join(opts.userDataDir, APP_STATE), 'utf8')) as { lastWorkspace?: unknown };
      return typeof s.lastWorkspace === 'string' ? s.lastWorkspace : null;
    } catch {
      return null;
    }
  }

  const ctx = () => ({ now: new Date().toISOString(), annotator: identity?.name ?? osUserName() });

  // memory (issue 17, damaged-store cases): a report's cache file is derived from its source;
  // damaged or deleted with no good backup, it is made again from the source on first read (the
  // store has told the analyst and kept the damaged file), and the analyst's work file, which is
  // intact, is composed with it — instead of a report that cannot be opened until imported again
  const readOrRebuild = async (ws: OpenWorkspace, meta: DocumentMeta): Promise<DocumentFile> => {
    try {
      return await ws.store.readDocument(meta.id);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'store-corrupt' && e.code !== 'document-not-found')) throw e;
      if (ws.store.hasDocument(meta.id)) {
        // a damaged cache file is moved aside by the store (with its notice): read again, the file
        // is gone and the store forgets it — then it is made again below
        try {
          return await ws.store.readDocument(meta.id);
        } catch {
          if (ws.store.hasDocument(meta.id)) throw e;
        }
      }
      const source = isAbsolute(meta.path) ? meta.path : join(ws.dir, meta.path);
      const st = await stat(source).catch(() => null);
      if (!st?.isFile()) throw e;
      const summary = await importIntoStore(ws.store, [source], { allow: (p) => policy.allows(p), pool, tasks, emit, log: opts.log, taskId: `rebuild-${meta.id}-${Date.now()}`, label: 'import' });
      if (summary.imported.length !== 1) throw e;
      if (current === ws) emit('workspaceChanged', view(ws));
      return ws.store.readDocument(meta.id);
    }
  };

  // undo-s6: undo / redo, across the reports of a batch
  const stepAcross = async (ws: OpenWorkspace, documentId: string, kind: 'undo' | 'redo'): Promise<ReviewResult> => {
    const { doc, meta, batch } = await reviewStep(ws.store, documentId, kind);
    if (batch && batch.documents > 1 && current === ws) emit('workspaceChanged', view(ws));
    return { ...buildReviewResult(meta, doc), ...(batch ? { batch } : {}) };
  };

  const handlers: Handlers = {
    appInfo: async () => ({ name: 'Report Annotator', version: opts.version, mode: opts.mode, platform: process.platform }),
    workspaceGet: async () => view(await workspace()),
    workspaceOpen: async ({ dir, create }) => {
      await requireAllowed([dir]);
      if (!create) await requireFolder(dir);
      const ws = await openAndAnnounce(dir, false);
      // Open folder is the analyst asking for the folder's reports: the answer waits for their
      // import (each file in the import worker within its time budget, with progress and cancel)
      // so it can list what was imported and what failed. Reopening at start never waits.
      await ws.refresh;
      return view(ws);
    },
    workspaceOpenSample: async () => {
      const ws = await openSample();
      emit('workspaceChanged', view(ws));
      return view(ws);
    },
    chooseFolder: async () => {
      const dir = opts.dialogs ? await opts.dialogs.chooseFolder() : null;
      if (dir) await policy.grant(dir);
      return { dir };
    },
    chooseFiles: async () => {
      const paths = opts.dialogs ? await opts.dialogs.chooseFiles() : [];
      for (const p of paths) await policy.grant(p);
      return { paths };
    },
    importFiles: async ({ paths, taskId }) => {
      const ws = await workspace();
      await requireAllowed(paths);
      const summary = await importIntoStore(ws.store, paths, {
        allow: (p) => policy.allows(p), pool, tasks, emit, log: opts.log, taskId: taskId ?? `import-${Date.now()}`, label: 'import' });
      emit('workspaceChanged', view(ws));
      return summary;
    },
    importDropped: async ({ files, taskId }) => {
      const ws = await workspace();
      const paths = await saveDropped(ws.dir, files);
      let summary: Awaited<ReturnType<typeof importIntoStore>>;
      try {
        summary = await importIntoStore(ws.store, paths, { pool, tasks, emit, log: opts.log, taskId: taskId ?? `drop-${Date.now()}`, label: 'import' });
      } catch (e) {
        // nothing of a failed drop stays in dropped/ (its files would fail again at every open)
        const indexed = new Set(ws.store.workspace().documents.map((d) => resolve(ws.dir, d.path)));
        await removeFailedDrops(ws.dir, paths.filter((p) => !indexed.has(resolve(p))));
        throw e;
      }
      const imported = new Set(summary.imported.map((d) => resolve(ws.dir, d.path)));
      await removeFailedDrops(ws.dir, paths.filter((p) => !imported.has(resolve(p))));
      emit('workspaceChanged', view(ws));
      return summary;
    },
    cancelTask: async ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
    documentGet: async ({ id }) => {
      const ws = await workspace();
      const meta = ws.store.workspace().documents.find((d) => d.id === id);
      if (!meta) throw new AppError('document-not-found', `no document ${id}`);
      return buildDocumentView(meta, await readOrRebuild(ws, meta)); // memory: see readOrRebuild
    },
    documentView: async ({ id, findings }) => {
      const ws = await workspace();
      const meta = ws.store.workspace().documents.find((d) => d.id === id);
      if (!meta) throw new AppError('document-not-found', `no document ${id}`);
      return buildPackedView(meta, await readOrRebuild(ws, meta), findings === 'apart'); // memory: see readOrRebuild
    },
    documentFindings: async ({ id, from, size }) => {
      const ws = await workspace();
      const meta = ws.store.workspace().documents.find((d) => d.id === id);
      if (!meta) throw new AppError('document-not-found', `no document ${id}`);
      const doc = await readOrRebuild(ws, meta);
      // the first part is asked together with the view: the view's answer (the text on screen) goes out first
      if (from === 0) await new Promise((ok) => setImmediate(ok));
      return buildFindingsPart(doc, from, size);
    },
    analyzeText: async ({ text }) => pool.analyze(text),
    reviewApply: async ({ documentId, action }) => {
      const ws = await workspace();
      const { doc, meta } = await reviewDocument(ws.store, documentId, () => ({ kind: 'apply', action, ctx: ctx() }));
      emit('saveState', toSaveState(ws.store));
      return buildReviewResult(meta, doc);
    },
    // undo-s6: a step that is part of a workspace apply-to-all reverts the whole batch (rules-undo.ts)
    reviewUndo: async ({ documentId }) => stepAcross(await workspace(), documentId, 'undo'),
    reviewRedo: async ({ documentId }) => stepAcross(await workspace(), documentId, 'redo'),
    taxonomySet: async ({ tags }) => {
      const ws = await workspace();
      await ws.store.updateWorkspace((w) => {
        w.taxonomy = tags.map((t) => ({ ...t, hotkey: t.hotkey ?? null }));
      });
      await team.profileChanged(); // s7: teammates name my tags as I do
      return ws.store.workspace().taxonomy;
    },
    search: async ({ query, limit, first }) => searchWorkspace((await workspace()).store, query, limit ?? 200, first),
    chooseExportTarget: async ({ format }) => {
      const path = opts.dialogs?.chooseExportTarget ? await opts.dialogs.chooseExportTarget(format, FOLDER_FORMATS.includes(format)) : null;
      if (path) await policy.grant(path);
      return { path };
    },
    exportDataset: async ({ format, filter, out, taskId, overwrite, layer }) => {
      const ws = await workspace();
      await requireAllowedTarget(out);
      const id = taskId ?? `export-${Date.now()}`;
      const task = tasks.start(id);
      const controller = new AbortController();
      const timer = setInterval(() => task.cancelled && controller.abort(), 100);
      try {
        // team: another layer than mine
        if (layer) return await exportTeamLayer(ws.store, layer, { format, filter, out: resolve(out), overwrite: overwrite === true, signal: controller.signal, onProgress: (p) => emit('progress', { taskId: id, label: 'export', done: p.done, total: p.total, current: p.current, finished: p.current === null && p.done === p.total }) });
        return await exportWorkspace(ws.store, {
          format,
          filter,
          out: resolve(out),
          overwrite: overwrite === true,
          signal: controller.signal,
          onProgress: (p) => emit('progress', { taskId: id, label: 'export', done: p.done, total: p.total, current: p.current, finished: p.current === null && p.done === p.total }),
        });
      } catch (e) {
        if (isAppError(e)) throw e;
        const code = (e as NodeJS.ErrnoException)?.code;
        if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new AppError('export-failed', `could not write ${out}: ${code}`, { errno: code });
        throw e;
      } finally {
        clearInterval(timer);
        tasks.finish(id);
      }
    },
    documentSetEncoding: async ({ documentId, encoding }) => {
      const ws = await workspace();
      const meta = ws.store.workspace().documents.find((d) => d.id === documentId);
      if (!meta) throw new AppError('document-not-found', `no document ${documentId}`);
      const abs = isAbsolute(meta.path) ? meta.path : join(ws.dir, meta.path);
      const summary = await importIntoStore(ws.store, [abs], { pool, tasks, emit, log: opts.log, taskId: `encoding-${Date.now()}`, label: 'import', encodingFor: () => encoding });
      if (summary.failed.length > 0) {
        const e = summary.failed[0].error;
        throw new AppError(e.code as ErrorCode, e.message);
      }
      await ws.store.updateWorkspace((w) => {
        w.settings.encodingOverrides = { ...encodingOverrides(ws.store), [abs]: encoding };
      });
      noteImportWarnings(ws.notices, summary, ws.dir); // import-s6: what reading it in this encoding did (undecodable bytes…)
      const updated = ws.store.workspace().documents.find((d) => d.id === documentId)!;
      emit('workspaceChanged', view(ws));
      return buildPackedView(updated, await ws.store.readDocument(documentId));
    },
    orphanResolve: async ({ documentId, index }) => {
      const ws = await workspace();
      const meta = ws.store.workspace().documents.find((d) => d.id === documentId);
      if (!meta) throw new AppError('document-not-found', `no document ${documentId}`);
      const doc = await ws.store.updateDocument(documentId, (d) => {
        if (index < d.orphans.length) d.orphans.splice(index, 1);
      });
      const counts = countFindings(doc.findings, doc.reviews, doc.orphans);
      await ws.store.updateWorkspace((w) => {
        const m = w.documents.find((x) => x.id === documentId);
        if (m) m.counts = counts;
      });
      return buildPackedView({ ...meta, counts }, doc);
    },
    pivotGet: async () => pivotOf((await workspace()).store),
    indicatorMapSet: async ({ metric, indicator }) => {
      const ws = await workspace();
      await ws.store.updateWorkspace((w) => {
        if (indicator) w.indicatorMap[metric] = indicator;
        else delete w.indicatorMap[metric];
      });
      return ws.store.workspace().indicatorMap;
    },
    metadataSet: async ({ documentId, metadata }) => {
      const ws = await workspace();
      if (!ws.store.workspace().documents.some((d) => d.id === documentId)) throw new AppError('document-not-found', `no document ${documentId}`);
      await ws.store.updateWorkspace((w) => {
        const m = w.documents.find((d) => d.id === documentId);
        if (m) m.metadata = { ...m.metadata, ...metadata };
      });
      return ws.store.workspace().documents.find((d) => d.id === documentId)!;
    },
    identityGet: async () => ({ ...(await me()) }),
    identitySet: async ({ name }) => {
      const next: Identity = { ...(await me()), name, confirmed: true };
      await saveIdentity(opts.userDataDir, next);
      identity = next;
      current?.store.renameAnalyst(name);
      await team.profileChanged(); // team: teammates see the new name
      return { ...next };
    },
    // rules: issue 16
    ...rulesHandlers({
      workspace,
      ctx,
      pool,
      tasks,
      emit,
      log: opts.log,
      allow: (p) => policy.allows(p),
      announce: () => {
        if (current) {
          emit('workspaceChanged', view(current));
          emit('saveState', toSaveState(current.store));
        }
      },
    }),
    saveStateGet: async () => (current ? toSaveState(current.store) : { state: 'idle' as const, lastSavedAt: null, error: null }),
    // team:
    ...team.handlers,
  };

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce(name, payload) {
      emit(name, payload);
    },
    async openWorkspace(dir) {
      await policy.grant(dir);
      await openAndAnnounce(dir, false);
    },
    async refreshed() {
      await current?.refresh;
    },
    async close() {
      tasks.cancelAll();
      if (current) await closeCurrent(current);
      await pool.close();
      current = null;
    },
  };
}

/** Open folder never creates one by mistake: no folder at the path is `workspace-not-found`, a file there `not-a-folder`. */
async function requireFolder(dir: string): Promise<void> {
  const s = await stat(dir).catch(() => null);
  if (s && !s.isDirectory()) throw new AppError('not-a-folder', `Not a folder: ${dir}`, { path: dir });
  if (!s) throw new AppError('workspace-not-found', `no folder at ${dir}`, { dir });
}

/**
 * Opens the store, with clear codes for what a user can cause: a file given as the workspace
 * folder (not-a-folder), a file where the store keeps a folder (store-corrupt).
 */
async function openStore(abs: string, options: Parameters<typeof WorkspaceStore.open>[1]): Promise<WorkspaceStore> {
  const st = await stat(abs).catch(() => null);
  if (st && !st.isDirectory()) throw new AppError('not-a-folder', `Not a folder: ${abs}`, { path: abs });
  try {
    return await WorkspaceStore.open(abs, options);
  } catch (e) {
    if (isAppError(e)) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
      throw new AppError('store-corrupt', `The workspace data folder (.report-annotator) has a file where a folder belongs, or a folder where a file belongs (${code}).`, { errno: code });
    }
    // another process opening the same workspace at the same moment swept this one's lock
    // temp file before it was linked (store/lock.ts): it lost the race for the lock
    if (code === 'ENOENT' && /[\\/]\.lock\.[^\\/]*\.tmp$/.test(String((e as NodeJS.ErrnoException).path ?? ''))) {
      throw new AppError('store-locked', 'The workspace is being opened by another program; try again.', { errno: code });
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('store-read-only', `The workspace folder cannot be written (${code}).`, { errno: code });
    throw e;
  }
}

function toSaveState(store: WorkspaceStore): SaveState {
  const s = store.saveState();
  return { state: s.error ? 'error' : s.pending > 0 ? 'saving' : 'saved', lastSavedAt: s.lastSavedAt, error: s.error };
}

