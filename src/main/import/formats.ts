import { extname } from 'node:path';
import { AppError } from '../../core/errors';
import type { DocFormat } from '../../core/store-schema';

/** File extensions the importers read (lower case, without the dot, as dialog filters want them). */
export const SUPPORTED_EXTENSIONS: string[] = ['txt', 'text', 'md', 'markdown', 'docx', 'html', 'htm', 'xhtml', 'pdf'];

const BY_EXTENSION: Record<string, DocFormat> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', docx: 'docx', html: 'html', htm: 'html', xhtml: 'html', pdf: 'pdf',
};

/** The format of a path by its extension; throws 'unsupported-format' for anything else. */
export function formatOf(path: string): DocFormat {
  const ext = extname(path).slice(1).toLowerCase();
  const format = BY_EXTENSION[ext];
  if (!format) {
    // import-s6: say what a report file can be (a name without extension said only "Unsupported file type.")
    const hint = ext === 'doc' ? ' Save .doc files as .docx first.' : ext === 'wps' ? ' Save WPS files as .docx first.' : ` Reports are read from .txt, .md, .docx, .html or .pdf files.`;
    throw new AppError('unsupported-format', `Unsupported file type${ext ? ` .${ext}` : ' (the name has no extension)'}.${hint}`, { extension: ext, supported: SUPPORTED_EXTENSIONS });
  }
  return format;
}
