/**
 * Importers: a report file (txt, md, docx, html, pdf) → its text, shaped like the corpus files
 * (plain text as it is; other formats as "\n\n" + one paragraph per line with blank lines
 * between). Every failure a user can cause is an AppError with a code.
 */
import type { DocFormat } from '../../core/store-schema';
import { importDocx } from './docx';
import { formatOf } from './formats';
import { importHtml } from './html';
import { importPdf } from './pdf';
import { readFileBytes } from './read-file';
import { importTxt } from './txt';

export { decodeText } from './detect-encoding';
export { expandPaths } from './expand-paths';
export { SUPPORTED_EXTENSIONS, formatOf } from './formats';

export interface ImportedText {
  text: string;
  format: DocFormat;
  /** Encoding the text was decoded from (txt, md, html); null for docx and pdf. */
  encoding: string | null;
  size: number;
  mtimeMs: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  warnings: string[];
}

export interface ImportOptions {
  /** Refuse larger files ('file-too-large'); default 50 MB. */
  maxBytes?: number;
  /** Decode with this encoding instead of detecting it (txt, md, html). */
  encoding?: string;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function importFile(path: string, opts: ImportOptions = {}): Promise<ImportedText> {
  const format = formatOf(path);
  const file = await readFileBytes(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const meta = { format, size: file.size, mtimeMs: file.mtimeMs, sha256: file.sha256 };
  switch (format) {
    case 'txt':
    case 'md': {
      const r = importTxt(file.bytes, opts.encoding);
      return { ...meta, text: r.text, encoding: r.encoding, warnings: r.warnings };
    }
    case 'html': {
      const r = importHtml(file.bytes, opts.encoding);
      return { ...meta, text: r.text, encoding: r.encoding, warnings: r.warnings };
    }
    case 'docx': {
      const r = await importDocx(file.bytes);
      return { ...meta, text: r.text, encoding: null, warnings: withIgnoredEncoding(r.warnings, opts.encoding, format) };
    }
    case 'pdf': {
      const r = await importPdf(file.bytes);
      return { ...meta, text: r.text, encoding: null, warnings: withIgnoredEncoding(r.warnings, opts.encoding, format) };
    }
    default: {
      const never: never = format;
      throw new Error(`unhandled format ${String(never)}`);
    }
  }
}

function withIgnoredEncoding(warnings: string[], encoding: string | undefined, format: DocFormat): string[] {
  return encoding ? [...warnings, `The encoding override (${encoding}) does not apply to ${format} files and was ignored.`] : warnings;
}
