/**
 * The open workspace (documents with counts, taxonomy), import progress, and the sidebar's
 * filter and sort. Updated from API answers and the workspaceChanged / progress events.
 */
import type { ImportSummary, ProgressEvent, WorkspaceView } from '../../../../core/api';
import type { DocumentMeta, Tag } from '../../../../core/store-schema';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { onSaveStateEvent, trackWrite } from '../statusbar/saveState';

export type DocSort = 'name' | 'unreviewed';

export interface WorkspaceState {
  workspace: WorkspaceView | null;
  loading: boolean;
  progress: ProgressEvent | null;
  filter: string;
  sort: DocSort;
  /** browser mode: the dialog asking for a path */
  pathDialog: 'folder' | 'files' | null;
}

export const workspaceStore = createStore<WorkspaceState>({ workspace: null, loading: true, progress: null, filter: '', sort: 'name', pathDialog: null });

const shownNotices = new Set<string>();

export function setWorkspace(ws: WorkspaceView): void {
  workspaceStore.patch({ workspace: ws, loading: false });
  for (const n of ws.notices) {
    const key = `${ws.dir}:${n.code}:${n.message}`;
    if (shownNotices.has(key)) continue;
    shownNotices.add(key);
    showNotice(n.message, 8000);
  }
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

/** Loads the workspace and subscribes to backend events (once). */
export async function initWorkspace(): Promise<void> {
  const client = getClient();
  if (!started) {
    started = true;
    client.on('workspaceChanged', (ws) => setWorkspace(ws));
    client.on('saveState', (s) => onSaveStateEvent(s));
    client.on('progress', (p) => {
      workspaceStore.patch({ progress: p.finished ? null : p });
      // a background import finished: show what it added
      if (p.finished) void refreshWorkspace();
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

export async function openFolderPath(dir: string): Promise<void> {
  workspaceStore.patch({ loading: true, pathDialog: null });
  try {
    setWorkspace(await getClient().workspaceOpen({ dir }));
  } catch (e) {
    workspaceStore.patch({ loading: false });
    reportError(e, 'workspaceOpen');
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
    const key = summary.cancelled ? 'import.cancelled' : 'import.done';
    showNotice(t(key, { imported: summary.imported.length, failed: summary.failed.length }));
    for (const f of summary.failed) reportError({ code: f.error.code, message: `${f.path}: ${f.error.message}` }, 'importFiles');
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
