/**
 * Importers: a report file (txt, md, docx, html, pdf) → its text, shaped like the corpus files
 * (plain text as it is; other formats as "\n\n" + one paragraph per line with blank lines
 * between). Every failure a user can cause is an AppError with a code. The file is read here;
 * its bytes are parsed in a worker thread with a heap limit and a time budget (runner.ts).
 */
import type { DocFormat } from '../../core/store-schema';
import { formatOf } from './formats';
import { readFileBytes, requireRegularFile } from './read-file';
import { type ParseWorker, sharedParseWorker } from './runner';
import type { ImportWarning } from './warnings';

export { decodeText } from './detect-encoding';
export { expandPaths } from './expand-paths';
export { SUPPORTED_EXTENSIONS, formatOf } from './formats';
export { ParseWorker, importWorkerScript, sharedParseWorker, timeBudgetMs } from './runner';
export { type ImportWarning, warningText } from './warnings';

export interface ImportedText {
  text: string;
  format: DocFormat;
  /** Encoding the text was decoded from (txt, md, html); null for docx and pdf. */
  encoding: string | null;
  size: number;
  mtimeMs: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  warnings: ImportWarning[];
}

export interface ImportOptions {
  /** Refuse larger files ('file-too-large'); default 50 MB. */
  maxBytes?: number;
  /** Decode with this encoding instead of detecting it (txt, md, html). */
  encoding?: string;
  /** The worker that parses the bytes (its heap and time limits); default the process's shared one. */
  worker?: ParseWorker;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function importFile(path: string, opts: ImportOptions = {}): Promise<ImportedText> {
  const format = await formatOfFile(path);
  const file = await readFileBytes(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const worker = opts.worker ?? sharedParseWorker();
  const r = await worker.parse(format, file.bytes, opts.encoding, file.size);
  return { format, size: file.size, mtimeMs: file.mtimeMs, sha256: file.sha256, text: r.text, encoding: r.encoding, warnings: r.warnings };
}

/**
 * import-s6: the format by the extension; but a path that names no file (a mistyped name or
 * folder) is `file-not-found`, and a folder `file-unreadable`, not an unsupported file type.
 */
async function formatOfFile(path: string): Promise<DocFormat> {
  try {
    return formatOf(path);
  } catch (e) {
    if (!path.includes('\0')) await requireRegularFile(path);
    throw e;
  }
}
