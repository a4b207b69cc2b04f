/**
 * warn-s7: what the converter libraries say (mammoth for .docx, pdf.js for .pdf) is English
 * prose. The import warnings carry it as a code + params the UI words in the analyst's language
 * (`kind` picks the wording); the library's own text stays in the `message` / `reason` param only
 * as a technical detail (shown secondary in the UI, printed by the CLI and logs).
 */
import type { ImportWarning } from './warnings';

/** What a mammoth message means for the report's text. */
export type DocxMessageKind = 'element-ignored' | 'symbol-ignored' | 'table-merge' | 'image-unreadable' | 'other';

interface MammothMessage {
  type: string;
  message: string;
}

/**
 * The mammoth messages that matter to an analyst, one warning per kind and subject with a count:
 * an element it does not know is dropped with all its text, a symbol character it cannot map is
 * dropped, a table whose cells it cannot line up may merge them wrongly, and its errors. Style
 * warnings (an unknown paragraph style) change no text and are left out.
 */
export function docxMessageWarnings(messages: readonly MammothMessage[]): ImportWarning[] {
  const out = new Map<string, { kind: DocxMessageKind; params: Record<string, string | number>; count: number }>();
  for (const m of messages) {
    const read = readDocxMessage(m);
    if (!read) continue;
    const key = `${read.kind}\u0000${JSON.stringify(read.params)}`;
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { ...read, count: 1 });
  }
  return [...out.values()].map(({ kind, params, count }) => ({ code: 'docx-message', params: { kind, count, ...params } }));
}

function readDocxMessage(m: MammothMessage): { kind: DocxMessageKind; params: Record<string, string | number> } | null {
  const message = m.message.slice(0, 300);
  const element = /^An unrecognised element was ignored: (\S{1,80})/.exec(m.message);
  if (element) return { kind: 'element-ignored', params: { element: element[1], message } };
  const symbol = /^A w:sym element with an unsupported character was ignored: char (\S{1,16}) in font (.{1,80})$/.exec(m.message);
  if (symbol) return { kind: 'symbol-ignored', params: { char: symbol[1], font: symbol[2], message } };
  if (/cell merging may be incorrect/.test(m.message)) return { kind: 'table-merge', params: { message } };
  if (m.type !== 'error') return null;
  // mammoth's only errors come from converting an image
  return { kind: /image/i.test(m.message) ? 'image-unreadable' : 'other', params: { message } };
}

/** Why pdf.js could not read a page, as a kind the UI words; the pdf.js text stays as `reason`. */
export type PdfPageFailureKind = 'damaged' | 'font' | 'image' | 'other';

export function pdfPageFailureKind(e: unknown): PdfPageFailureKind {
  const name = typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '';
  const message = e instanceof Error ? e.message : String(e);
  if (/font|glyph|cmap|encoding/i.test(message)) return 'font';
  if (/image|jpx|jbig2|jpeg|ccitt/i.test(message)) return 'image';
  if (name === 'FormatError' || name === 'InvalidPDFException' || /stream|xref|flate|fcheck|dictionary|invalid|bad |unexpected|corrupt|missing|end of file|eof/i.test(message)) return 'damaged';
  return 'other';
}
