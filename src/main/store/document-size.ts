/**
 * A document whose JSON would be too large to store is refused before it is applied: V8 cannot
 * build a string longer than ~512 Mi characters, so `JSON.stringify` of, say, a 24 MB report
 * dense with figures (~2 million findings) throws a RangeError — which, once the document was
 * swapped in, left it pending forever (retried every few seconds, close() failing). Refusing it
 * up front keeps the store clean and gives the import a code the UI explains.
 */
import { AppError } from '../../core/errors';
import type { DocumentFile } from '../../core/store-schema';

/** Default ceiling on one document file, in characters of JSON (256 Mi; V8's limit is ~512 Mi). */
export const MAX_DOCUMENT_JSON = 256 * 1024 * 1024;

/** Below this estimate a document is surely small enough and is not serialised twice. */
const CHEAP_LIMIT = 32 * 1024 * 1024;

/** A generous upper bound of a document's JSON size, without serialising it. */
export function estimateDocumentJson(doc: DocumentFile): number {
  const entries = doc.findings.length + doc.orphans.length + Object.keys(doc.reviews).length + doc.history.undo.length + doc.history.redo.length;
  return doc.text.length * 2 + entries * 1024;
}

/** Throws 'file-too-large' if the document's JSON would exceed `limit` characters (or cannot be built at all). */
export function assertStorable(doc: DocumentFile, limit = MAX_DOCUMENT_JSON): void {
  if (estimateDocumentJson(doc) <= Math.min(limit, CHEAP_LIMIT)) return;
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    size = Infinity;
  }
  if (size > limit) {
    const findings = doc.findings.length;
    throw new AppError('file-too-large', `The report is too large to store: its text and ${findings} findings would make a ${Number.isFinite(size) ? `${Math.round(size / 1048576)} MB` : 'more than 512 MB'} document file (the limit is ${Math.round(limit / 1048576)} MB). Split the report into smaller files.`, { id: doc.id, findings, size: Number.isFinite(size) ? size : null, limit });
  }
}

/** JSON.stringify that turns V8's "Invalid string length" into a store error with a code. */
export function stringifyForStore(data: unknown, file: string): string {
  try {
    return JSON.stringify(data);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('store-write-failed', `${file} is too large to save (${e.message}).`, { file, tooLarge: true });
    throw e;
  }
}
