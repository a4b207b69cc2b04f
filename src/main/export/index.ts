/**
 * Exports a workspace to disk in one of the dataset formats, one document read at a time so
 * thousands of documents stream through in bounded memory. The rows and records come from
 * src/core/export (pure); this file only opens files, loops and writes.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, isAppError } from '../../core/errors';
import {
  ALL_LABELS, CSV_BOM, DOCUMENTS_COLUMNS, DUPLICATES_COLUMNS, type ExportFilter, FACTS_COLUMNS, bratAnn, bratAnnotationConf, conllLines,
  correctedText, csvRow, documentRecord, documentRow, doccanoLine, duplicateRows, exportContext, factRows, fileStem, jsonLine,
  labelStudioConfig, labelStudioTask, prepareDocument, workspaceRecord, type Cell, type PreparedDocument,
} from '../../core/export';
import type { DocumentFile, WorkspaceFile } from '../../core/store-schema';
import { SinkGroup, tempPathFor } from './sink';

import { EXPORT_FOLDER_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../../core/export/formats';

export { EXPORT_FORMATS, type ExportFormat };
/** Formats whose `out` is a folder (the others write one file). */
export const FOLDER_FORMATS = EXPORT_FOLDER_FORMATS;

/** What an export reads: the workspace store or anything with the same two methods. */
export interface ExportSource {
  workspace(): WorkspaceFile;
  readDocument(id: string): Promise<DocumentFile>;
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
}

interface Writer {
  document(p: PreparedDocument): Promise<void>;
  finish(): Promise<string[]>;
  abort(): Promise<void>;
}

export async function exportWorkspace(source: ExportSource, opts: ExportOptions): Promise<ExportSummary> {
  const filter = opts.filter ?? 'accepted';
  const ws = source.workspace();
  const ctx = exportContext(ws, filter);
  const docs = ws.documents;
  const summary: ExportSummary = { format: opts.format, filter, files: [], documents: 0, findings: 0, failed: [] };
  if (FOLDER_FORMATS.includes(opts.format)) await mkdir(opts.out, { recursive: true });
  else await mkdir(dirname(opts.out), { recursive: true });
  const writer = await openWriter(opts.format, opts.out, ws, filter, docs.length);
  // the next document is read while the current one is written (two documents in memory at most)
  const read = (i: number): Promise<DocumentFile | { error: unknown }> | null =>
    i < docs.length ? source.readDocument(docs[i].id).catch((error: unknown) => ({ error })) : null;
  try {
    let next = read(0);
    for (const [i, meta] of docs.entries()) {
      if (opts.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
      opts.onProgress?.({ done: i, total: docs.length, current: meta.name });
      const got = await (next as Promise<DocumentFile | { error: unknown }>);
      next = read(i + 1);
      if ('error' in got) {
        const e = got.error;
        if (isAppError(e) && e.code === 'cancelled') throw e;
        summary.failed.push({ id: meta.id, name: meta.name, error: isAppError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) } });
        continue;
      }
      const p = prepareDocument(meta, got, ctx);
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
  }
}

async function openWriter(format: ExportFormat, out: string, ws: WorkspaceFile, filter: ExportFilter, total: number): Promise<Writer> {
  const ctx = exportContext(ws, filter);
  const group = new SinkGroup();
  switch (format) {
    case 'jsonl': {
      const sink = group.open(out);
      await sink.write(jsonLine(workspaceRecord(ws, filter, total)));
      return { document: async (p) => sink.write(jsonLine(documentRecord(p, ctx))), finish: () => group.finish(), abort: () => group.abort() };
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
      const documents = group.open(join(out, 'documents.csv'));
      await facts.write(CSV_BOM + csvRow(FACTS_COLUMNS));
      await dups.write(CSV_BOM + csvRow(DUPLICATES_COLUMNS));
      await documents.write(CSV_BOM + csvRow(DOCUMENTS_COLUMNS));
      return {
        document: async (p) => {
          const f = factRows(p, ctx);
          if (f.length) await facts.write(f.map(csvRow).join(''));
          const d = duplicateRows(p, ctx);
          if (d.length) await dups.write(d.map(csvRow).join(''));
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
 * first row is added. The facts sheet streams to disk as documents come; the duplicates and
 * documents sheets wait in memory until facts is committed (they are much smaller).
 */
async function openXlsx(out: string, ctx: ReturnType<typeof exportContext>): Promise<Writer> {
  const temp = tempPathFor(out);
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use (slow to load)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: false, useSharedStrings: false });
  const facts = wb.addWorksheet('facts');
  const dups = wb.addWorksheet('duplicates');
  const documents = wb.addWorksheet('documents');
  facts.addRow([...FACTS_COLUMNS]).commit();
  dups.addRow([...DUPLICATES_COLUMNS]).commit();
  documents.addRow([...DOCUMENTS_COLUMNS]).commit();
  let n = 0;
  return {
    document: async (p) => {
      for (const r of factRows(p, ctx)) facts.addRow(r.map(xlsxCell)).commit();
      for (const r of duplicateRows(p, ctx)) dups.addRow(r.map(xlsxCell)).commit();
      documents.addRow(documentRow(p).map(xlsxCell)).commit();
      // let the zip and file streams drain between documents
      if (++n % 8 === 0) await new Promise((r) => setImmediate(r));
    },
    finish: async () => {
      facts.commit();
      dups.commit();
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
