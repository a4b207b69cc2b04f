/**
 * Import files and folders into a workspace store: read and decode each file, analyse it in the
 * worker pool, write one document file per report, and index it. Pushes progress events and
 * stops between files when cancelled. A file that fails is reported with its error code and
 * leaves nothing in the store.
 */
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { ApiEventName, ImportSummary } from '../../core/api';
import { isAppError } from '../../core/errors';
import type { Analysis } from '../../core/schema';
import { detectMetadata, metadataRecord } from '../../core/metadata';
import { rebuildDocument, workOf } from '../../core/document';
import { type DocumentFile, type DocumentMeta, STORE_SCHEMA_VERSION } from '../../core/store-schema';
import { cpLength } from '../../core/text';
import type { AnalysisPool } from '../analysis/pool';
import { type ImportedText, expandPaths, importFile, warningText } from '../import';
import type { WorkspaceStore } from '../store';
import type { Logger } from './dispatch';
import { documentIdFor } from './ids';
import type { UiNotice } from './notices';
import { withWorkspaceRules } from './rules-apply'; // rules:
import type { TaskRegistry } from './tasks';

export interface ImportContext {
  pool: AnalysisPool;
  tasks: TaskRegistry;
  emit: (name: ApiEventName, payload: unknown) => void;
  log: Logger;
  taskId: string;
  label: string;
  /** the file access policy: files it refuses are reported, not read */
  allow?: (path: string) => Promise<boolean>;
  /** the encoding the analyst chose for a file, instead of detecting it */
  encodingFor?: (path: string) => string | undefined;
}

/** The analyst's encoding choices, kept in the workspace settings by source path. */
export function encodingOverrides(store: WorkspaceStore): Record<string, string> {
  const o = store.workspace().settings.encodingOverrides;
  return o && typeof o === 'object' ? (o as Record<string, string>) : {};
}


export async function importIntoStore(store: WorkspaceStore, paths: string[], ctx: ImportContext): Promise<ImportSummary> {
  const task = ctx.tasks.start(ctx.taskId);
  const summary: ImportSummary = { imported: [], failed: [], cancelled: false };
  try {
    const files = await expandPaths(paths);
    const total = files.length;
    const progress = (done: number, current: string | null, finished = false, phase: 'reading' | 'analysing' = 'analysing'): void =>
      ctx.emit('progress', { taskId: ctx.taskId, label: ctx.label, done, total, current, finished, phase });
    progress(0, null, false, 'reading');

    // Phase 1: read and decode (fast), so boilerplate can be learnt from the whole batch (in a
    // worker, as the files are read).
    const read: { path: string; imported: ImportedText }[] = [];
    const learner = ctx.pool.boilerplateBuilder();
    for (const [i, path] of files.entries()) {
      if (task.cancelled) break;
      progress(i, basename(path), false, 'reading'); // s7: a long PDF is read before anything is analysed
      if (ctx.allow && !(await ctx.allow(path))) {
        summary.failed.push({ path, error: { code: 'path-not-allowed', message: 'the file is outside the folders you chose (a symbolic link?)' } });
        continue;
      }
      try {
        const encoding = ctx.encodingFor?.(path) ?? encodingOverrides(store)[path];
        const imported = await importFile(path, encoding ? { encoding } : {});
        read.push({ path, imported });
        learner.add(imported.text);
      } catch (e) {
        summary.failed.push({ path, error: errorShape(e) });
        if (!isAppError(e)) ctx.log.error('import failed', { path, error: String(e) });
      }
    }
    const boilerplate = await learner.build();

    // Phase 2: analyse in the pool (bounded concurrency) and write each document; the index
    // takes the written documents in batches (one index write per batch, not per document:
    // at 2,000 documents rewriting the index each time costs more than the documents).
    let done = summary.failed.length;
    const queue = [...read];
    const index = new IndexBatches(store);
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (task.cancelled) return;
        progress(done, basename(item.path));
        const path = item.path;
        try {
          const meta = await storeDocument(store, path, item.imported, await ctx.pool.analyze(item.imported.text, boilerplate));
          index.add(meta).then(
            () => {
              summary.imported.push(meta);
              // [figures-import-warnings] what the importer did to the file's text, for the summary
              for (const warning of item.imported.warnings) (summary.warnings ??= []).push({ path, warning });
            },
            (e: unknown) => {
              summary.failed.push({ path, error: errorShape(e) });
              if (!isAppError(e)) ctx.log.error('index update failed', { path, error: String(e) });
            },
          );
        } catch (e) {
          summary.failed.push({ path, error: errorShape(e) });
          if (!isAppError(e)) ctx.log.error('analysis or store failed', { path, error: String(e) });
        }
        done++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, ctx.pool.size * 2) }, worker));
    await index.drain();
    summary.cancelled = task.cancelled;
    await store.flush();
    progress(done, null, true);
    return summary;
  } finally {
    ctx.tasks.finish(ctx.taskId);
  }
}

// import-s6: the import warnings of a background import (Open folder, reopening a workspace whose
// folder has new or changed reports, another encoding chosen) reach the UI as workspace notices:
// code `import-warning`, params = the warning's params + `path` and `importWarning` (its code);
// the renderer words them with importWarning.<code> and lists them in the Open folder summary.
export const IMPORT_WARNING_NOTICE = 'import-warning';

/** The workspace notices of an import's warnings, one per warning. */
export function importWarningNotices(summary: ImportSummary | null): UiNotice[] {
  return (summary?.warnings ?? []).map(({ path, warning }) => ({
    code: IMPORT_WARNING_NOTICE,
    message: `${path}: ${warningText(warning)}`,
    params: { ...warning.params, path, importWarning: warning.code },
  }));
}

/**
 * Puts an import's warnings into a workspace's notices, in place of the warnings an earlier
 * import of the same files left there (a file read again says what this reading did).
 */
export function noteImportWarnings(notices: UiNotice[], summary: ImportSummary | null, workspaceDir: string): void {
  if (!summary) return;
  const abs = (p: string): string => (isAbsolute(p) ? p : join(workspaceDir, p));
  const read = new Set([...summary.imported.map((d) => abs(d.path)), ...summary.failed.map((f) => abs(f.path)), ...(summary.warnings ?? []).map((w) => abs(w.path))]);
  for (let i = notices.length - 1; i >= 0; i--) {
    const n = notices[i];
    if (n.code === IMPORT_WARNING_NOTICE && read.has(abs(String(n.params?.path ?? '')))) notices.splice(i, 1);
  }
  notices.push(...importWarningNotices(summary));
}

async function storeDocument(store: WorkspaceStore, absPath: string, imported: ImportedText, analysis: Analysis): Promise<DocumentMeta> {
  const id = documentIdFor(absPath, store.dir);
  const existing = store.hasDocument(id) ? await store.readDocument(id) : null;
  // same bytes and text: the analyst's work is kept; a changed file (or another encoding): every
  // review is carried to its new place, what cannot be placed is kept as an orphan (never dropped)
  const rebuilt = rebuildDocument({
    text: imported.text,
    detectorFindings: analysis,
    indicators: store.workspace().indicatorMap,
    previous: existing && { text: existing.text, findings: existing.findings, work: workOf(existing) },
    sameSource: existing?.sha256 === imported.sha256,
  });
  // rules: the workspace rules act on the machine findings (never on reviewed ones)
  const built = withWorkspaceRules(store, id, imported.text, rebuilt, existing?.sha256 === imported.sha256 ? existing : null);
  const doc: DocumentFile = {
    schemaVersion: STORE_SCHEMA_VERSION,
    id,
    sha256: imported.sha256,
    text: imported.text,
    // memory: no `analysis` (store v2 never writes it; its findings are in `findings`): a report
    // dense with figures would carry it twice through the store's size check
    findings: built.findings,
    reviews: built.reviews,
    orphans: built.orphans,
    history: built.history,
  };
  const meta: DocumentMeta = {
    id,
    path: displayPath(store.dir, absPath),
    name: basename(absPath),
    format: imported.format,
    encoding: imported.encoding,
    size: imported.size,
    mtimeMs: imported.mtimeMs,
    sha256: imported.sha256,
    length: cpLength(imported.text),
    importedAt: new Date().toISOString(),
    counts: built.counts,
    metadata: metadataRecord(detectMetadata(imported.text)),
    // memory: a report with more findings of a kind than are kept says so (the workspace's notices word it)
    ...(analysis.capped ? { capped: analysis.capped } : {}),
  };
  await store.writeDocument(doc);
  return meta;
}

/**
 * Puts written documents into the workspace index, many per index write: `add` returns when the
 * document's entry is durable; the next batch is written as soon as the previous one is.
 */
class IndexBatches {
  private pending: { meta: DocumentMeta; done: () => void; fail: (e: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly store: WorkspaceStore) {}

  add(meta: DocumentMeta): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.pending.push({ meta, done, fail });
      this.writing ??= this.write();
    });
  }

  async drain(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async write(): Promise<void> {
    // let the documents finishing meanwhile join this batch
    await new Promise<void>((ok) => setImmediate(ok));
    const batch = this.pending;
    this.pending = [];
    try {
      await this.store.updateWorkspace((w) => {
        const at = new Map(w.documents.map((d, i) => [d.id, i]));
        for (const { meta } of batch) {
          const i = at.get(meta.id);
          // the analyst's edits to the metadata win over what is detected again
          if (i !== undefined) w.documents[i] = { ...meta, metadata: { ...meta.metadata, ...w.documents[i].metadata } };
          else at.set(meta.id, w.documents.push(meta) - 1);
        }
      });
      for (const b of batch) b.done();
    } catch (e) {
      for (const b of batch) b.fail(e);
    } finally {
      this.writing = this.pending.length > 0 ? this.write() : null;
    }
  }
}

function displayPath(workspaceDir: string, absPath: string): string {
  const rel = relative(workspaceDir, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : absPath;
}

function errorShape(e: unknown): { code: string; message: string } {
  if (isAppError(e)) return { code: e.code, message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Absolute paths of report files in the workspace folder that are not indexed yet, and of
 * indexed documents whose source file changed on disk since import.
 */
export async function sourcesToRefresh(store: WorkspaceStore): Promise<{ added: string[]; changed: string[] }> {
  const indexed = new Set(store.workspace().documents.map((d) => (isAbsolute(d.path) ? d.path : join(store.dir, d.path))));
  const added = (await expandPaths([store.dir])).filter((p) => !indexed.has(p));
  return { added, changed: await changedSources(store) };
}

/** Absolute paths of indexed documents whose source file changed on disk since import. */
export async function changedSources(store: WorkspaceStore): Promise<string[]> {
  const out: string[] = [];
  for (const d of store.workspace().documents) {
    const abs = isAbsolute(d.path) ? d.path : join(store.dir, d.path);
    try {
      const st = await stat(abs);
      if (st.size !== d.size || Math.abs(st.mtimeMs - d.mtimeMs) > 1) out.push(abs);
    } catch {
      // a missing source keeps its stored text and reviews; nothing to re-import
    }
  }
  return out;
}
