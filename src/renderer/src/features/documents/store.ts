/**
 * The open workspace (documents with counts, taxonomy), import progress, and the sidebar's
 * filter and sort. Updated from API answers and the workspaceChanged / progress events.
 */
import { ImportWarning, type ImportSummary, type ProgressEvent, type WorkspaceView } from '../../../../core/api';
import { ErrorCode } from '../../../../core/errors';
import type { DocumentMeta, Tag } from '../../../../core/store-schema';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError, showNotice, showWordedNotice } from '../errors/store';
import { i18nStore, t, translate } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';
import { onSaveStateEvent, trackWrite } from '../statusbar/saveState';
import { byFile, warningLine } from './warning-words';

export type DocSort = 'name' | 'unreviewed';

export interface WorkspaceState {
  workspace: WorkspaceView | null;
  loading: boolean;
  progress: ProgressEvent | null;
  filter: string;
  sort: DocSort;
  /** browser mode: the dialog asking for a path */
  pathDialog: 'folder' | 'files' | null;
  /** why the path dialog's last Open folder failed (shown in the dialog, which stays open) */
  pathError: unknown;
  /** what the last Open folder / Add files did, shown until dismissed */
  importResult: ImportResult | null;
  /** orphaned reviews per report, as far as known (reports opened in this session) */
  orphanCounts: Record<string, number>;
}

export interface ImportResult {
  kind: 'folder' | 'files';
  /** the folder opened (kind 'folder') */
  dir: string | null;
  imported: { id: string; name: string }[];
  failed: { path: string; error: { code: string; message: string } }[];
  cancelled: boolean;
  /** [figures-import-warnings] what the importers did to the files' text */
  warnings?: NonNullable<ImportSummary['warnings']>;
}

export const workspaceStore = createStore<WorkspaceState>({ workspace: null, loading: true, progress: null, filter: '', sort: 'name', pathDialog: null, pathError: null, importResult: null, orphanCounts: {} });

const ERROR_CODES = new Set<string>(ErrorCode);

/** A notice of a file that failed to import ("<path>: <message>", with an error code). */
export function failureOfNotice(n: { code: string; message: string }): ImportResult['failed'][number] {
  const m = /^(.*?): (.*)$/s.exec(n.message);
  return { path: m ? m[1] : '', error: { code: n.code, message: m ? m[2] : n.message } };
}

/**
 * Workspace notices already shown, remembered across reloads (the backend keeps a workspace's
 * notices while it runs, and a reload must not show the same failures again).
 */
const SHOWN_KEY = 'report-annotator.shown-notices';
const SHOWN_MAX = 300;
const shownNotices = new Set<string>(loadShown());

function loadShown(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function rememberShown(key: string): void {
  shownNotices.add(key);
  try {
    localStorage.setItem(SHOWN_KEY, JSON.stringify([...shownNotices].slice(-SHOWN_MAX)));
  } catch {
    // remembered for this page only
  }
}

/**
 * Shows a workspace. Its notices are shown once: files that failed to import go through the
 * error presenter (or, with `collect`, are returned for the import summary); others as notices.
 */
export function setWorkspace(ws: WorkspaceView, collect = false): ImportResult['failed'] {
  const prev = workspaceStore.get().workspace;
  // s7: an import under way when this window opened (its progress events started before it listened)
  const importing = ws.importing && !workspaceStore.get().progress ? { progress: ws.importing } : {};
  workspaceStore.patch({ workspace: ws, loading: false, ...importing, ...(prev && prev.dir !== ws.dir ? { orphanCounts: {} } : {}) });
  const failed: ImportResult['failed'] = [];
  const freshWarnings: ImportWarnings = [];
  for (const n of ws.notices) {
    const key = `${ws.dir}:${n.code}:${n.message}`;
    // import-s6: an import warning of a background import: listed by the Open folder summary
    // (importWarningsOf), else shown once as a notice
    const warning = warningOfNotice(n);
    if (warning) {
      if (collect) rememberShown(key);
      else if (!collecting && !shownNotices.has(key)) {
        rememberShown(key);
        freshWarnings.push(warning);
      }
      continue;
    }
    // the summary of a folder the analyst opens lists all its failures, shown before or not
    if (collect && ERROR_CODES.has(n.code)) {
      rememberShown(key);
      failed.push(failureOfNotice(n));
      continue;
    }
    if (shownNotices.has(key)) continue;
    rememberShown(key);
    if (!ERROR_CODES.has(n.code)) showNotice(noticeText(n), 8000);
    // the workspaceChanged event of a folder being opened may arrive before the answer: keep them for its summary
    else if (collecting) collecting.push(failureOfNotice(n));
    else reportError({ code: n.code, message: n.message }, 'workspace notice');
  }
  showImportWarnings(freshWarnings);
  return failed;
}

// ── import-s6: import warnings of background imports (Open folder, reopening a workspace) ──
type ImportWarnings = NonNullable<ImportSummary['warnings']>;

/** An import warning the backend keeps as a workspace notice (code `import-warning`), else null. */
export function warningOfNotice(n: WorkspaceView['notices'][number]): ImportWarnings[number] | null {
  if (n.code !== 'import-warning' || !n.params) return null;
  const { path, importWarning, ...params } = n.params;
  const parsed = ImportWarning.safeParse({ code: importWarning, params });
  return parsed.success && typeof path === 'string' ? { path, warning: parsed.data } : null;
}

/** Every import warning among a workspace's notices, for the Open folder summary. */
export function importWarningsOf(ws: WorkspaceView): ImportWarnings {
  return ws.notices.map(warningOfNotice).filter((w): w is ImportWarnings[number] => w !== null);
}

/** One file's warning in the analyst's language: "name: what the import changed" (warn-s7: from code + params, no library English). */
export function importWarningText(w: ImportWarnings[number]): string {
  return warningLine(w, i18nStore.get().lang);
}

/** warn-s7: at most this many lines behind a grouped notice's expander */
export const NOTICE_LIST_MAX = 50;

/**
 * New warnings of a background import: one notice for the whole import ("M reports have import
 * notes (K)") with the list behind an expander — never one notice per warning. It stays until
 * closed, so the list can be read.
 */
function showImportWarnings(list: ImportWarnings): void {
  if (list.length === 0) return;
  const files = byFile(list).length;
  // worded when shown, in the language of the moment: a switch while it is up re-words it
  showWordedNotice(
    (lang) => {
      const details = list.slice(0, NOTICE_LIST_MAX).map((w) => warningLine(w, lang));
      if (list.length > NOTICE_LIST_MAX) details.push(translate(lang, 'importWarning.more', { count: list.length - NOTICE_LIST_MAX }));
      return { text: translate(lang, 'importWarning.backgroundGrouped', { files, count: list.length }), details };
    },
    i18nStore.get().lang,
  );
}
// ── end import-s6 ──

/** Failures of the folder being opened, gathered from every view of it until workspaceOpen answers. */
let collecting: ImportResult['failed'] | null = null;

export function setOrphanCount(documentId: string, count: number): void {
  workspaceStore.set((s) => (s.orphanCounts[documentId] === count ? s : { ...s, orphanCounts: { ...s.orphanCounts, [documentId]: count } }));
}

/** Orphaned reviews of a report: from its counts when the backend gives them, else as far as known. */
export function orphanCountOf(d: DocumentMeta, known: Record<string, number>): number {
  const fromCounts = (d.counts as DocumentMeta['counts'] & { orphans?: number }).orphans;
  return known[d.id] ?? fromCounts ?? 0;
}

export function dismissImportResult(): void {
  workspaceStore.patch({ importResult: null });
}

/** Updates one document's meta (counts) from a review answer. */
export function updateDocumentMeta(meta: DocumentMeta): void {
  workspaceStore.set((s) => {
    if (!s.workspace) return s;
    return { ...s, workspace: { ...s.workspace, documents: s.workspace.documents.map((d) => (d.id === meta.id ? meta : d)) } };
  });
}

export function setTaxonomy(taxonomy: Tag[]): void {
  workspaceStore.set((s) => (s.workspace ? { ...s, workspace: { ...s.workspace, taxonomy } } : s));
}

let started = false;
const PARTIAL_REFRESH_MS = 2_000;
let lastPartialRefresh = 0;

/** Loads the workspace and subscribes to backend events (once). */
export async function initWorkspace(): Promise<void> {
  const client = getClient();
  if (!started) {
    started = true;
    client.on('workspaceChanged', (ws) => setWorkspace(ws));
    client.on('saveState', (s) => onSaveStateEvent(s));
    // the desktop menu's commands run like their keyboard shortcuts
    client.on('menuCommand', ({ command }) => void import('../shortcuts/commands').then((m) => m.runCommand({ id: command })));
    client.on('progress', (p) => {
      // exports show their own progress in the export dialog
      if (p.label === 'export') return;
      workspaceStore.patch({ progress: p.finished ? null : p });
      // a background import finished: show what it added
      if (p.finished) void refreshWorkspace();
      // s7: and while it analyses, what is done so far (every few seconds: a folder of hundreds of reports takes minutes)
      else if (p.phase === 'analysing' && p.done > 0 && Date.now() - lastPartialRefresh > PARTIAL_REFRESH_MS) {
        lastPartialRefresh = Date.now();
        void refreshWorkspace();
      }
    });
  }
  try {
    const [ws, save] = await Promise.all([client.workspaceGet({}), client.saveStateGet({})]);
    onSaveStateEvent(save);
    if (ws) setWorkspace(ws);
    else workspaceStore.patch({ loading: false });
  } catch (e) {
    workspaceStore.patch({ loading: false });
    reportError(e, 'workspaceGet');
  }
}

export async function refreshWorkspace(): Promise<void> {
  try {
    const ws = await getClient().workspaceGet({});
    if (ws) setWorkspace(ws);
  } catch (e) {
    reportError(e, 'workspaceGet');
  }
}

export async function openSample(): Promise<void> {
  workspaceStore.patch({ loading: true });
  try {
    setWorkspace(await getClient().workspaceOpenSample({}));
  } catch (e) {
    workspaceStore.patch({ loading: false });
    reportError(e, 'workspaceOpenSample');
  }
}

/**
 * Opens the workspace in `dir`. A path with no folder is an error (`workspace-not-found`),
 * shown in the path dialog, which stays open; `create` asks for a new workspace there.
 */
export async function openFolderPath(dir: string, create = false): Promise<void> {
  const fromDialog = workspaceStore.get().pathDialog === 'folder';
  workspaceStore.patch({ loading: true, pathError: null });
  const gathered: ImportResult['failed'] = [];
  collecting = gathered;
  try {
    const ws = await getClient().workspaceOpen(create ? { dir, create } : { dir });
    // a failure can come both in the workspaceChanged event and in the answer: listed once
    const seen = new Set<string>();
    const failed = [...gathered, ...setWorkspace(ws, true)].filter((f) => {
      const key = `${f.path}\u0000${f.error.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    collecting = null;
    const warnings = importWarningsOf(ws); // import-s6
    workspaceStore.patch({ pathDialog: null, importResult: { kind: 'folder', dir: ws.dir, imported: ws.documents.map((d) => ({ id: d.id, name: d.name })), failed, cancelled: false, ...(warnings.length > 0 ? { warnings } : {}) } });
  } catch (e) {
    collecting = null;
    workspaceStore.patch({ loading: false });
    if (fromDialog && workspaceStore.get().pathDialog === 'folder') workspaceStore.patch({ pathError: e });
    else {
      workspaceStore.patch({ pathDialog: null });
      reportError(e, 'workspaceOpen');
    }
    for (const f of gathered) reportError(f.error, 'workspace notice');
  }
}

/** Open folder…: the native dialog, or (browser mode answers null) our path dialog. */
export async function openFolder(): Promise<void> {
  try {
    const { dir } = await getClient().chooseFolder({});
    if (dir) await openFolderPath(dir);
    else if (getMode() === 'browser') workspaceStore.patch({ pathDialog: 'folder' });
  } catch (e) {
    reportError(e, 'chooseFolder');
  }
}

let mode: 'desktop' | 'browser' | null = null;
export function getMode(): 'desktop' | 'browser' {
  return mode ?? (window.api ? 'desktop' : 'browser');
}
export async function loadMode(): Promise<void> {
  try {
    mode = (await getClient().appInfo({})).mode;
  } catch {
    mode = window.api ? 'desktop' : 'browser';
  }
}

let currentTask: string | null = null;

export async function importPaths(paths: string[]): Promise<ImportSummary | null> {
  if (paths.length === 0) return null;
  const taskId = `import-${Date.now()}`;
  currentTask = taskId;
  workspaceStore.patch({ pathDialog: null, progress: { taskId, label: 'import', done: 0, total: paths.length, current: null, finished: false } });
  try {
    const summary = await trackWrite(() => getClient().importFiles({ paths, taskId }));
    workspaceStore.patch({ importResult: { kind: 'files', dir: null, imported: summary.imported.map((d) => ({ id: d.id, name: d.name })), failed: summary.failed, cancelled: summary.cancelled, warnings: summary.warnings } });
    const ws = await getClient().workspaceGet({});
    if (ws) setWorkspace(ws);
    return summary;
  } catch (e) {
    reportError(e, 'importFiles');
    return null;
  } finally {
    currentTask = null;
    workspaceStore.patch({ progress: null });
  }
}

/** Add files…: the native dialog, or (browser mode answers []) our path dialog. */
export async function addFiles(): Promise<void> {
  try {
    const { paths } = await getClient().chooseFiles({});
    if (paths.length > 0) await importPaths(paths);
    else if (getMode() === 'browser') workspaceStore.patch({ pathDialog: 'files' });
  } catch (e) {
    reportError(e, 'chooseFiles');
  }
}

export async function cancelImport(): Promise<void> {
  const id = workspaceStore.get().progress?.taskId ?? currentTask;
  if (!id) return;
  try {
    await getClient().cancelTask({ taskId: id });
  } catch (e) {
    reportError(e, 'cancelTask');
  }
}

export function unreviewed(d: DocumentMeta): number {
  return d.counts.total - d.counts.reviewed;
}

/** The sidebar's documents: filtered by name (case-insensitive) and sorted. */
export function visibleDocuments(docs: readonly DocumentMeta[], filter: string, sort: DocSort): DocumentMeta[] {
  const q = filter.trim().toLowerCase();
  const out = q ? docs.filter((d) => d.name.toLowerCase().includes(q) || d.path.toLowerCase().includes(q)) : [...docs];
  out.sort(sort === 'unreviewed' ? (a, b) => unreviewed(b) - unreviewed(a) || a.name.localeCompare(b.name, 'zh-CN') : (a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return out;
}

/** A workspace notice in the analyst's language: its code's message with its params, else the backend's English text. */
export function noticeText(n: WorkspaceView['notices'][number]): string {
  const key = `notice.${n.code}`;
  return isMessageKey(key) ? t(key, n.params) : n.message;
}
