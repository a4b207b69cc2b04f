/** `report-annotator import <files or folders…> --workspace DIR [--create]` */
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, isAppError } from '../../core/errors';
import { AnalysisPool } from '../analysis/pool';
import { createLogger } from '../log';
import { warningText } from '../import';
import { importIntoStore } from '../service/importing';
import { TaskRegistry } from '../service/tasks';
import { WorkspaceStore } from '../store';
import { type CliIO, progressReporter } from './io';

/**
 * warn-s7: the workspace folder must exist (a typo in --workspace must not start a new, empty
 * workspace somewhere); `--create` makes it (and its parents). A file there is `not-a-folder`.
 */
async function workspaceFolder(dir: string, create: boolean): Promise<void> {
  const s = await stat(dir).catch(() => null);
  if (s && !s.isDirectory()) throw new AppError('not-a-folder', `${dir} is a file, not a folder`, { path: dir });
  if (s) return;
  if (!create) throw new AppError('workspace-not-found', `there is no folder at ${dir}; check the path, or add --create to start a new workspace there`, { dir });
  await mkdir(dir, { recursive: true });
}

export async function runImport(args: { paths: string[]; workspace: string; create?: boolean }, io: CliIO): Promise<number> {
  let store: WorkspaceStore;
  try {
    const dir = resolve(args.workspace);
    await workspaceFolder(dir, args.create === true);
    store = await WorkspaceStore.open(dir, { app: 'cli' });
  } catch (e) {
    io.err(`import: ${isAppError(e) ? `${e.code}: ${e.message}` : String(e)}\n`);
    return 2;
  }
  for (const n of store.notices) io.err(`notice: ${n.message}\n`);
  const pool = new AnalysisPool();
  let report: ((done: number, finished?: boolean) => void) | null = null;
  try {
    const summary = await importIntoStore(store, args.paths, {
      pool,
      tasks: new TaskRegistry(),
      log: createLogger(null),
      taskId: 'cli-import',
      label: 'import',
      emit: (name, payload) => {
        if (name !== 'progress') return;
        const p = payload as { done: number; total: number; current: string | null; finished: boolean };
        report ??= progressReporter(io, 'imported', p.total);
        report(p.done, p.finished);
      },
    });
    for (const f of summary.failed) io.err(`${f.path}: ${f.error.code}: ${f.error.message}\n`);
    for (const w of summary.warnings ?? []) io.err(`${w.path}: warning: ${warningText(w.warning)}\n`); // import-s6
    io.out(`imported ${summary.imported.length}, failed ${summary.failed.length}${summary.cancelled ? ' (cancelled)' : ''}\n`);
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await pool.close();
    await store.close();
  }
}
