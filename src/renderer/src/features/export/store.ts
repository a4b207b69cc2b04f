/**
 * The export dialog's state: format, filter, target; the running export with its progress
 * (progress events labelled 'export' for our task) and cancel; the result or the error.
 */
import type { ExportResult } from '../../../../core/api';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { getMode, workspaceStore } from '../documents/store';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { uiStore } from '../layout/ui';
import { EXPORT_FILTERS, EXPORT_FORMATS, type ExportFilter, type ExportFormat, isSuggested, suggestedTarget } from './formats';
// team: the layer an export takes (mine, adjudicated, one analyst's, all)
import { exportLayerRequest } from '../team/ExportLayerField';

export interface ExportState {
  format: ExportFormat;
  filter: ExportFilter;
  /** the file (or folder) to write; '' until chosen */
  out: string;
  running: boolean;
  taskId: string | null;
  progress: { done: number; total: number; current: string | null } | null;
  result: ExportResult | null;
  /** the export failed or was cancelled */
  error: unknown;
}

const KEY = 'report-annotator.export';

function remembered(): Pick<ExportState, 'format' | 'filter'> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ExportState>;
    return {
      format: EXPORT_FORMATS.find((f) => f === v.format) ?? 'jsonl',
      filter: EXPORT_FILTERS.find((f) => f === v.filter) ?? 'accepted',
    };
  } catch {
    return { format: 'jsonl', filter: 'accepted' };
  }
}

export const exportStore = createStore<ExportState>({ ...remembered(), out: '', running: false, taskId: null, progress: null, result: null, error: null });

function remember(): void {
  const { format, filter } = exportStore.get();
  try {
    localStorage.setItem(KEY, JSON.stringify({ format, filter }));
  } catch {
    // not remembered
  }
}

/** Called when the dialog opens: a fresh result area and, in browser mode, a suggested target. */
export function prepareExport(): void {
  const s = exportStore.get();
  if (s.running) return;
  const dir = workspaceStore.get().workspace?.dir;
  const keep = s.out && !(dir && isSuggested(s.out, dir));
  exportStore.patch({ result: null, error: null, progress: null, out: keep ? s.out : getMode() === 'browser' && dir ? suggestedTarget(dir, s.format, s.filter) : '' });
}

export function setExportOptions(part: Partial<Pick<ExportState, 'format' | 'filter' | 'out'>>): void {
  const s = exportStore.get();
  const next = { ...s, ...part };
  const dir = workspaceStore.get().workspace?.dir;
  let out = next.out;
  if (part.out === undefined && (part.format !== undefined || part.filter !== undefined)) {
    // a suggested target follows the format; a chosen one is dropped when a file format becomes a folder format
    if (dir && (out === '' || isSuggested(out, dir)) && getMode() === 'browser') out = suggestedTarget(dir, next.format, next.filter);
    else if (part.format !== undefined && part.format !== s.format && getMode() === 'desktop') out = '';
  }
  exportStore.patch({ ...part, out, result: null, error: null });
  remember();
}

/** Desktop: the native save dialog (a folder for csv, brat, text). Browser mode answers null: the path field stays. */
export async function chooseTarget(): Promise<void> {
  try {
    const { path } = await getClient().chooseExportTarget({ format: exportStore.get().format });
    if (path) exportStore.patch({ out: path, result: null, error: null });
  } catch (e) {
    reportError(e, 'chooseExportTarget');
  }
}

let seq = 0;

export async function runExport(): Promise<ExportResult | null> {
  const s = exportStore.get();
  const out = s.out.trim();
  if (s.running || !out) return null;
  const taskId = `export-${Date.now()}-${++seq}`;
  exportStore.patch({ running: true, taskId, progress: { done: 0, total: 0, current: null }, result: null, error: null });
  const client = getClient();
  const off = client.on('progress', (p) => {
    if (p.taskId !== taskId || p.label !== 'export') return;
    if (exportStore.get().taskId === taskId) exportStore.patch({ progress: { done: p.done, total: p.total, current: p.current } });
  });
  try {
    let result: ExportResult;
    try {
      result = await client.exportDataset({ format: s.format, filter: s.filter, out, taskId, ...exportLayerRequest() });
    } catch (e) {
      // an existing file is replaced only when the analyst says so
      if (errorCode(e) !== 'file-exists' || !confirmOverwrite(e)) throw e;
      result = await client.exportDataset({ format: s.format, filter: s.filter, out, taskId, overwrite: true, ...exportLayerRequest() });
    }
    exportStore.patch({ result });
    // the dialog was closed while the export ran: say that it is done
    if (uiStore.get().overlay !== 'export') showNotice(resultHeadline(result), 8000);
    return result;
  } catch (e) {
    exportStore.patch({ error: e });
    return null;
  } finally {
    off();
    exportStore.patch({ running: false, taskId: null, progress: null });
  }
}

function errorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Asks before replacing files an export would overwrite (the browser's own confirm: modal, in the user's language). */
function confirmOverwrite(e: unknown): boolean {
  const message = e instanceof Error ? e.message : '';
  const path = /: (.+)$/.exec(message)?.[1] ?? '';
  return typeof window !== 'undefined' && typeof window.confirm === 'function' && window.confirm(t('export.confirmOverwrite', { path }));
}

export async function cancelExport(): Promise<void> {
  const id = exportStore.get().taskId;
  if (!id) return;
  try {
    await getClient().cancelTask({ taskId: id });
  } catch (e) {
    reportError(e, 'cancelTask');
  }
}

/** "Export finished: 3 files written, 5 reports, 120 findings" in the user's language. */
export function resultHeadline(r: ExportResult): string {
  return t('export.done', { files: r.files.length, documents: r.documents, findings: r.findings });
}
