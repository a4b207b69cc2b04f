/**
 * `report-annotator export --workspace DIR --format F --out PATH [--filter accepted|reviewed|all|complete]`
 * Formats: jsonl, csv (folder), xlsx, label-studio, doccano, brat (folder), conll, text (folder).
 * The workspace is opened read-only: an export never writes to the store and works while the
 * app has the workspace open (it reads what is saved on disk).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isAppError } from '../../core/errors';
import { EXPORT_FILTERS, type ExportFilter } from '../../core/export';
import { EXPORT_FORMATS, type ExportFormat, exportWorkspace } from '../export';
import { WorkspaceStore } from '../store';
import type { CliIO } from './io';

export interface ExportArgs {
  workspace: string;
  format: string;
  out: string;
  filter?: string;
}

export { EXPORT_HELP } from '../../core/export/formats';

export async function runExport(args: ExportArgs, io: CliIO): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(args.format)) {
    io.err(`export: --format must be one of ${EXPORT_FORMATS.join(', ')}, not ${args.format}\n`);
    return 2;
  }
  const filter = (args.filter ?? 'accepted') as ExportFilter;
  if (!EXPORT_FILTERS.includes(filter)) {
    io.err(`export: --filter must be one of ${EXPORT_FILTERS.join(', ')}, not ${args.filter}\n`);
    return 2;
  }
  if (!args.out) {
    io.err('export: --out PATH is required\n');
    return 2;
  }
  const dir = resolve(args.workspace);
  if (!existsSync(join(dir, '.report-annotator', 'workspace.json'))) {
    io.err(`export: ${dir} is not a workspace (no .report-annotator/workspace.json)\n`);
    return 2;
  }
  let store: WorkspaceStore;
  try {
    store = await WorkspaceStore.open(dir, { app: 'cli', readOnly: true, maxCachedDocuments: 2 });
  } catch (e) {
    io.err(`export: ${isAppError(e) ? `${e.code}: ${e.message}` : String(e)}\n`);
    return 2;
  }
  for (const n of store.notices) io.err(`notice: ${n.message}\n`);
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const tty = Boolean((process.stderr as { isTTY?: boolean }).isTTY);
    let last = 0;
    const summary = await exportWorkspace(store, {
      format: args.format as ExportFormat,
      filter,
      out: resolve(args.out),
      signal: controller.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (!tty || (now - last < 200 && p.current !== null)) return;
        last = now;
        io.err(`\rexporting ${p.done}/${p.total}\x1b[K${p.current === null ? '\n' : ''}`);
      },
    });
    for (const f of summary.failed) io.err(`${f.name}: ${f.error.code}: ${f.error.message}\n`);
    const threads = summary.threads ? `, ${summary.threads} worker threads` : '';
    io.out(`exported ${summary.documents} documents, ${summary.findings} findings (${summary.format}, ${summary.filter}${threads}) to ${resolve(args.out)}${summary.failed.length ? `; ${summary.failed.length} failed` : ''}\n`);
    return summary.failed.length > 0 ? 1 : 0;
  } catch (e) {
    if (isAppError(e)) {
      io.err(`export: ${e.code}: ${e.message}\n`);
      return e.code === 'cancelled' ? 130 : 1;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    await store.close();
  }
}
