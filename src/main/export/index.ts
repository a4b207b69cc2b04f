/**
 * Exports a workspace to disk in one of the dataset formats, one document read at a time so
 * thousands of documents stream through in bounded memory. The rows and records come from
 * src/core/export (pure); this file only opens files, loops and writes. JSONL lines of saved
 * documents are built by worker threads (line-workers.ts), a bounded number ahead, and written
 * here in order.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, isAppError } from '../../core/errors';
import {
  ALL_LABELS, CSV_BOM, DEFECTS_COLUMNS, DOCUMENTS_COLUMNS, DUPLICATES_COLUMNS, type ExportFilter, FACTS_COLUMNS, bratAnn, bratAnnotationConf, conllLines,
  correctedText, csvRow, defectRows, documentRecord, documentRow, doccanoLine, duplicateRows, exportContext, factRows, fileStem, jsonLine,
  labelStudioConfig, labelStudioTask, prepareDocument, workspaceRecord, type Cell, type PreparedDocument,
} from '../../core/export';
import type { DocumentFile, WorkspaceFile } from '../../core/store-schema';
import { LineWorkers, type ParallelExportOptions } from './line-workers';
import { SinkGroup, tempPathFor } from './sink';
import { checkExportTargets } from './targets';

import { EXPORT_FOLDER_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../../core/export/formats';

export { EXPORT_FORMATS, type ExportFormat };
export type { ParallelExportOptions };
/** Formats whose `out` is a folder (the others write one file). */
export const FOLDER_FORMATS = EXPORT_FOLDER_FORMATS;

/** What an export reads: the workspace store or anything with the same methods. */
export interface ExportSource {
  workspace(): WorkspaceFile;
  readDocument(id: string): Promise<DocumentFile>;
  /**
   * The saved file of a document not loaded in memory (WorkspaceStore.savedDocumentFile), or
   * null. Where given, JSONL lines of such documents are built by worker threads.
   */
  savedDocumentFile?(id: string): string | null;
  /** the workspace folder (WorkspaceStore.dir): nothing is written inside its store */
  readonly dir?: string;
}

export interface ExportProgress {
  done: number;
  total: number;
  /** name of the document being written, null when finished */
  current: string | null;
}

export interface ExportOptions {
  format: ExportFormat;
  filter?: ExportFilter;
  /** a file, or a folder for csv, brat and text */
  out: string;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** worker threads of the JSONL export (defaults: see ParallelExportOptions) */
  parallel?: ParallelExportOptions;
  /**
   * replace files that exist already; when false an export that would replace one is refused
   * with file-exists before anything is written. Default true (the CLI's --out); the API asks.
   */
  overwrite?: boolean;
}

export interface ExportSummary {
  format: ExportFormat;
  filter: ExportFilter;
  /** files written */
  files: string[];
  documents: number;
  /** findings written (label formats: labels) */
  findings: number;
  /** documents that could not be read, left out */
  failed: { id: string; name: string; error: { code: string; message: string } }[];
  /** worker threads that built lines (JSONL), when there were any */
  threads?: number;
}

interface Writer {
  document(p: PreparedDocument): Promise<void>;
  /** a document's line already built and encoded (JSONL, by a worker thread) */
  line?(bytes: Uint8Array): Promise<void>;
  finish(): Promise<string[]>;
  abort(): Promise<void>;
}

/** One document as the writer gets it: read (to be prepared here), already a line, or unreadable. */
type Fetched = { doc: DocumentFile } | { line: Uint8Array; findings: number } | { error: unknown };

/**
 * Documents read ahead of the one being written. In this thread: one (two documents in memory;
 * more only let read-ahead documents age into the old generation and grow the heap). With
 * worker threads: lines being built, several per worker, so that none waits for work while the
 * line at the head of the queue is still being built (lines are written in order).
 */
const READ_AHEAD = 1;
const AHEAD_PER_WORKER = 8;

export async function exportWorkspace(source: ExportSource, opts: ExportOptions): Promise<ExportSummary> {
  const filter = opts.filter ?? 'accepted';
  const ws = source.workspace();
  const ctx = exportContext(ws, filter);
  const docs = ws.documents;
  const summary: ExportSummary = { format: opts.format, filter, files: [], documents: 0, findings: 0, failed: [] };
  await checkExportTargets(opts.format, opts.out, docs, { workspaceDir: source.dir, overwrite: opts.overwrite ?? true });
  if (FOLDER_FORMATS.includes(opts.format)) await mkdir(opts.out, { recursive: true });
  else await mkdir(dirname(opts.out), { recursive: true });
  const writer = await openWriter(opts.format, opts.out, ws, filter, docs.length);
  const workers = opts.format === 'jsonl' && source.savedDocumentFile && writer.line ? LineWorkers.start({ workspace: { taxonomy: ws.taxonomy, indicatorMap: ws.indicatorMap }, filter }, docs.length, opts.parallel) : null;
  if (workers) summary.threads = workers.size;
  let stopped = false;
  const read = (id: string): Promise<Fetched> => source.readDocument(id).then((doc) => ({ doc }), (error: unknown) => ({ error }));
  const fetch = (i: number): Promise<Fetched> => {
    const meta = docs[i];
    let path: string | null = null;
    try {
      path = workers ? (source.savedDocumentFile?.(meta.id) ?? null) : null;
    } catch {
      // an id the store refuses: readDocument reports it
    }
    if (workers === null || path === null) return read(meta.id);
    // a worker builds the line; whatever it cannot do goes through the store in this thread
    return workers.line(path, meta).then((r): Fetched | Promise<Fetched> => (r.ok ? { line: r.line, findings: r.findings } : stopped ? { error: new AppError('cancelled', 'The export was stopped.') } : read(meta.id)));
  };
  const ahead = workers ? workers.size * AHEAD_PER_WORKER : READ_AHEAD;
  const queue: Promise<Fetched>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < docs.length && queue.length < ahead) queue.push(fetch(next++));
  };
  try {
    fill();
    for (const [i, meta] of docs.entries()) {
      if (opts.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
      opts.onProgress?.({ done: i, total: docs.length, current: meta.name });
      const got = await (queue.shift() as Promise<Fetched>);
      fill();
      if ('error' in got) {
        const e = got.error;
        if (isAppError(e) && e.code === 'cancelled') throw e;
        summary.failed.push({ id: meta.id, name: meta.name, error: isAppError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) } });
        continue;
      }
      if ('line' in got) {
        await (writer.line as (bytes: Uint8Array) => Promise<void>)(got.line);
        summary.documents++;
        summary.findings += got.findings;
        continue;
      }
      const p = prepareDocument(meta, got.doc, ctx);
      await writer.document(p);
      summary.documents++;
      summary.findings += p.findings.length;
    }
    if (opts.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
    summary.files = await writer.finish();
    opts.onProgress?.({ done: docs.length, total: docs.length, current: null });
    return summary;
  } catch (e) {
    await writer.abort();
    throw e;
  } finally {
    stopped = true;
    await workers?.close();
    // settle what was read ahead (nothing is waiting for it any more)
    await Promise.allSettled(queue);
  }
}

async function openWriter(format: ExportFormat, out: string, ws: WorkspaceFile, filter: ExportFilter, total: number): Promise<Writer> {
  const ctx = exportContext(ws, filter);
  const group = new SinkGroup();
  switch (format) {
    case 'jsonl': {
      const sink = group.open(out);
      await sink.write(jsonLine(workspaceRecord(ws, filter, total)));
      return { document: async (p) => sink.write(jsonLine(documentRecord(p, ctx))), line: async (bytes) => sink.write(bytes), finish: () => group.finish(), abort: () => group.abort() };
    }
    case 'doccano': {
      const sink = group.open(out);
      return { document: async (p) => sink.write(jsonLine(doccanoLine(p))), finish: () => group.finish(), abort: () => group.abort() };
    }
    case 'conll': {
      const sink = group.open(out);
      return { document: async (p) => sink.write(conllLines(p)), finish: () => group.finish(), abort: () => group.abort() };
    }
    case 'label-studio': {
      const sink = group.open(out);
      const config = out.replace(/\.json$/i, '') + '.label-config.xml';
      await sink.write('[');
      let first = true;
      return {
        document: async (p) => {
          await sink.write((first ? '\n' : ',\n') + JSON.stringify(labelStudioTask(p)));
          first = false;
        },
        finish: async () => {
          await sink.write('\n]\n');
          await writeFile(config, labelStudioConfig(ALL_LABELS));
          return [...(await group.finish()), config];
        },
        abort: () => group.abort(),
      };
    }
    case 'csv': {
      const facts = group.open(join(out, 'facts.csv'));
      const dups = group.open(join(out, 'duplicates.csv'));
      const defects = group.open(join(out, 'defects.csv'));
      const documents = group.open(join(out, 'documents.csv'));
      await facts.write(CSV_BOM + csvRow(FACTS_COLUMNS));
      await dups.write(CSV_BOM + csvRow(DUPLICATES_COLUMNS));
      await defects.write(CSV_BOM + csvRow(DEFECTS_COLUMNS));
      await documents.write(CSV_BOM + csvRow(DOCUMENTS_COLUMNS));
      return {
        document: async (p) => {
          const f = factRows(p, ctx);
          if (f.length) await facts.write(f.map(csvRow).join(''));
          const d = duplicateRows(p, ctx);
          if (d.length) await dups.write(d.map(csvRow).join(''));
          const x = defectRows(p, ctx);
          if (x.length) await defects.write(x.map(csvRow).join(''));
          await documents.write(csvRow(documentRow(p)));
        },
        finish: () => group.finish(),
        abort: () => group.abort(),
      };
    }
    case 'xlsx':
      return openXlsx(out, ctx);
    case 'brat': {
      const written: string[] = [];
      return {
        document: async (p) => {
          const stem = join(out, fileStem(p.meta));
          await writeAtomic(`${stem}.txt`, p.doc.text);
          await writeAtomic(`${stem}.ann`, bratAnn(p));
          written.push(`${stem}.txt`, `${stem}.ann`);
        },
        finish: async () => {
          await writeAtomic(join(out, 'annotation.conf'), bratAnnotationConf(ALL_LABELS));
          return [...written, join(out, 'annotation.conf')];
        },
        abort: () => removeAll(written),
      };
    }
    case 'text': {
      const written: string[] = [];
      return {
        document: async (p) => {
          const file = join(out, `${fileStem(p.meta)}.txt`);
          await writeAtomic(file, correctedText(p.doc, p.map).text);
          written.push(file);
        },
        finish: async () => written,
        abort: () => removeAll(written),
      };
    }
  }
}

async function writeAtomic(path: string, content: string): Promise<void> {
  const temp = tempPathFor(path);
  await writeFile(temp, content);
  await rename(temp, path);
}

async function removeAll(paths: string[]): Promise<void> {
  await Promise.allSettled(paths.map((p) => rm(p, { force: true })));
}

// -------------------------------------------------------------------------------- XLSX

/** XML 1.0 cannot hold most C0 controls; a cell holds at most 32,767 characters. */
function xlsxCell(v: Cell): Cell {
  if (typeof v !== 'string') return v;
  let s = v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  if (s.length > 32767) s = s.slice(0, 32766) + '…';
  return s;
}

/**
 * exceljs's streaming WorkbookWriter: each sheet is one zip entry, written in the order its
 * first row is added. The facts sheet streams to disk as documents come; the duplicates, defects and
 * documents sheets wait in memory until facts is committed (they are much smaller).
 */
async function openXlsx(out: string, ctx: ReturnType<typeof exportContext>): Promise<Writer> {
  const temp = tempPathFor(out);
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use (slow to load)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: false, useSharedStrings: false });
  const facts = wb.addWorksheet('facts');
  const dups = wb.addWorksheet('duplicates');
  const defects = wb.addWorksheet('defects');
  const documents = wb.addWorksheet('documents');
  facts.addRow([...FACTS_COLUMNS]).commit();
  dups.addRow([...DUPLICATES_COLUMNS]).commit();
  defects.addRow([...DEFECTS_COLUMNS]).commit();
  documents.addRow([...DOCUMENTS_COLUMNS]).commit();
  let n = 0;
  return {
    document: async (p) => {
      for (const r of factRows(p, ctx)) facts.addRow(r.map(xlsxCell)).commit();
      for (const r of duplicateRows(p, ctx)) dups.addRow(r.map(xlsxCell)).commit();
      for (const r of defectRows(p, ctx)) defects.addRow(r.map(xlsxCell)).commit();
      documents.addRow(documentRow(p).map(xlsxCell)).commit();
      // let the zip and file streams drain between documents
      if (++n % 8 === 0) await new Promise((r) => setImmediate(r));
    },
    finish: async () => {
      facts.commit();
      dups.commit();
      defects.commit();
      documents.commit();
      await wb.commit();
      await rename(temp, out);
      return [out];
    },
    abort: async () => {
      try {
        await wb.commit();
      } catch {
        // the temp file is removed below either way
      }
      await rm(temp, { force: true });
    },
  };
}
