/**
 * Bringing a workspace up to date with its folder when it opens: new report files are
 * imported and changed ones re-analysed, in the background (the open answers first; the UI is
 * told by a workspaceChanged event). A file that failed is remembered by path, size and
 * modification time in the workspace settings and not tried again on every open, until it
 * changes or the analyst imports it by hand.
 */
import { stat } from 'node:fs/promises';
import type { ApiEventName, ImportSummary } from '../../core/api';
import type { AnalysisPool } from '../analysis/pool';
import type { WorkspaceStore } from '../store';
import type { Logger } from './dispatch';
import { importIntoStore, sourcesToRefresh } from './importing';
import type { TaskRegistry } from './tasks';

const SETTING = 'importFailures';

/** A file that could not be imported, as it was then. */
export interface RememberedFailure {
  size: number;
  mtimeMs: number;
  code: string;
}

export function rememberedFailures(store: WorkspaceStore): Record<string, RememberedFailure> {
  const v = store.workspace().settings[SETTING];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return Object.create(null) as Record<string, RememberedFailure>;
  return Object.assign(Object.create(null) as Record<string, RememberedFailure>, v as Record<string, RememberedFailure>);
}

export interface RefreshResult {
  changed: number;
  /** files that failed before and are unchanged since: not tried again */
  skipped: string[];
  summary: ImportSummary | null;
}

export interface RefreshContext {
  pool: AnalysisPool;
  tasks: TaskRegistry;
  emit: (name: ApiEventName, payload: unknown) => void;
  log: Logger;
  taskId: string;
  allow?: (path: string) => Promise<boolean>;
}

export async function refreshSources(store: WorkspaceStore, ctx: RefreshContext): Promise<RefreshResult> {
  const { added, changed } = await sourcesToRefresh(store);
  const remembered = rememberedFailures(store);
  const skipped: string[] = [];
  const todo: string[] = [];
  for (const p of [...added, ...changed]) {
    const r = remembered[p];
    if (r && (await sameFile(p, r))) skipped.push(p);
    else todo.push(p);
  }
  if (todo.length === 0) return { changed: 0, skipped, summary: null };
  const summary = await importIntoStore(store, todo, { pool: ctx.pool, tasks: ctx.tasks, emit: ctx.emit, log: ctx.log, taskId: ctx.taskId, label: 'import', allow: ctx.allow });
  await rememberOutcome(store, todo, summary);
  const failedPaths = new Set(summary.failed.map((f) => f.path));
  return { changed: changed.filter((p) => todo.includes(p) && !failedPaths.has(p)).length, skipped, summary };
}

/** Records the files of an import (of `paths`) that failed, and forgets those that were imported. */
async function rememberOutcome(store: WorkspaceStore, paths: string[], summary: ImportSummary): Promise<void> {
  const before = rememberedFailures(store);
  const failed: [string, RememberedFailure][] = [];
  for (const f of summary.failed) {
    if (f.error.code === 'cancelled') continue;
    try {
      const st = await stat(f.path);
      failed.push([f.path, { size: st.size, mtimeMs: st.mtimeMs, code: f.error.code }]);
    } catch {
      // gone: nothing to remember
    }
  }
  const failedPaths = new Set(summary.failed.map((f) => f.path));
  const forget = summary.cancelled ? [] : paths.filter((p) => p in before && !failedPaths.has(p));
  if (failed.length === 0 && forget.length === 0) return;
  await store.updateWorkspace((w) => {
    const next = rememberedFailures(store);
    for (const p of forget) delete next[p];
    for (const [p, r] of failed) next[p] = r;
    w.settings[SETTING] = { ...next };
  });
}

async function sameFile(path: string, r: RememberedFailure): Promise<boolean> {
  try {
    const st = await stat(path);
    return st.size === r.size && Math.abs(st.mtimeMs - r.mtimeMs) <= 1;
  } catch {
    return false;
  }
}
