/** `report-annotator import <files or folders…> --workspace DIR` */
import { resolve } from 'node:path';
import { isAppError } from '../../core/errors';
import { AnalysisPool } from '../analysis/pool';
import { createLogger } from '../log';
import { warningText } from '../import';
import { importIntoStore } from '../service/importing';
import { TaskRegistry } from '../service/tasks';
import { WorkspaceStore } from '../store';
import { type CliIO, progressReporter } from './io';

export async function runImport(args: { paths: string[]; workspace: string }, io: CliIO): Promise<number> {
  let store: WorkspaceStore;
  try {
    store = await WorkspaceStore.open(resolve(args.workspace), { app: 'cli' });
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
