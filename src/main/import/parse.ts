/**
 * The bytes of a report file → its text, by format. Runs in the import worker (worker.ts), or
 * in the calling thread where no worker can be started.
 */
import type { DocFormat } from '../../core/store-schema';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importPdf } from './pdf';
import { importTxt } from './txt';
import type { ImportWarning } from './warnings';

export interface Parsed {
  text: string;
  /** the encoding the text was decoded from (txt, md, html); null for docx and pdf */
  encoding: string | null;
  warnings: ImportWarning[];
}

export async function parseBytes(format: DocFormat, bytes: Uint8Array, encoding?: string): Promise<Parsed> {
  switch (format) {
    case 'txt':
    case 'md': {
      const r = importTxt(bytes, encoding);
      return { text: r.text, encoding: r.encoding, warnings: r.warnings };
    }
    case 'html': {
      const r = importHtml(bytes, encoding);
      return { text: r.text, encoding: r.encoding, warnings: r.warnings };
    }
    case 'docx': {
      const r = await importDocx(bytes);
      return { text: r.text, encoding: null, warnings: withIgnoredEncoding(r.warnings, encoding, format) };
    }
    case 'pdf': {
      const r = await importPdf(bytes);
      return { text: r.text, encoding: null, warnings: withIgnoredEncoding(r.warnings, encoding, format) };
    }
    default: {
      const never: never = format;
      throw new Error(`unhandled format ${String(never)}`);
    }
  }
}

function withIgnoredEncoding(warnings: ImportWarning[], encoding: string | undefined, format: DocFormat): ImportWarning[] {
  return encoding ? [...warnings, { code: 'encoding-ignored', params: { encoding, format } }] : warnings;
}
