import { constants, inflateSync } from 'node:zlib';
import { AppError } from '../../core/errors';
import { pdfBudgetMs } from './budget';

/**
 * What a PDF may cost the importer. pdf.js runs in this thread and yields only between
 * microtasks, so a page with millions of drawing operators would hold the thread (and its
 * memory) until it is done: such files are refused before pdf.js sees them, from a scan of
 * their content streams, and the rest is checked while the text is read.
 */
export interface PdfLimits {
  /** Pages in the page tree. */
  maxPages: number;
  /** Text-showing operators (Tj, TJ, ', ") in one content stream: real pages have hundreds to a few thousand. */
  maxTextOpsPerStream: number;
  /** Text-showing operators in the whole file. */
  maxTextOps: number;
  /** Bytes of one inflated content stream. */
  maxStreamBytes: number;
  /** Bytes of all inflated content streams. */
  maxInflatedBytes: number;
  /** Pages that the page tree names again (a real file names each page once). */
  maxRepeatedPages: number;
  /** Text runs on one page. */
  maxItemsPerPage: number;
  /** Characters of text in the whole file. */
  maxChars: number;
  /** Time for the whole import, in ms (checked between pages and between chunks of a page). */
  timeBudgetMs: number;
}

/** The defaults: far above any real report, far below what blocks the app. */
export function defaultPdfLimits(bytes: number): PdfLimits {
  return {
    maxPages: 5000,
    maxTextOpsPerStream: 100_000,
    maxTextOps: 5_000_000,
    maxStreamBytes: 64 * 1024 * 1024,
    maxInflatedBytes: 256 * 1024 * 1024,
    maxItemsPerPage: 50_000,
    maxRepeatedPages: 50,
    maxChars: 20_000_000,
    // budget.ts: within the import worker's budget, so that this check (between pages, naming
    // the page) stops a slow PDF before the worker is stopped, and holds where there is no worker
    timeBudgetMs: pdfBudgetMs(bytes),
  };
}

export function tooComplex(message: string, details: Record<string, unknown>): AppError {
  return new AppError('too-complex', message, details);
}

export interface ScanResult {
  streams: number;
  textOps: number;
  maxTextOpsInStream: number;
  inflatedBytes: number;
}

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/**
 * Scans the file's streams (unfiltered or FlateDecode; images, fonts and other filters are
 * skipped, encrypted ones fail to inflate and are skipped too) and counts their text-showing
 * operators. Throws too-complex / too-large past the limits. Linear in the inflated size.
 */
export function scanContentStreams(bytes: Uint8Array, limits: PdfLimits): ScanResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ScanResult = { streams: 0, textOps: 0, maxTextOpsInStream: 0, inflatedBytes: 0 };
  const draws: number[] = [];
  let maxFormOps = 0;
  let at = 0;
  for (;;) {
    const kw = buf.indexOf(STREAM, at);
    if (kw < 0) break;
    at = kw + STREAM.length;
    // `stream` as a keyword: after `>>` (maybe with whitespace), followed by an end of line
    let b = kw - 1;
    while (b >= 0 && (buf[b] === 0x20 || buf[b] === 0x0d || buf[b] === 0x0a || buf[b] === 0x09)) b--;
    if (b < 1 || buf[b] !== 0x3e || buf[b - 1] !== 0x3e) continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a && buf[start - 1] !== 0x0d) continue;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(ENDSTREAM, start);
    if (end < 0) break;
    at = end + ENDSTREAM.length;
    const dict = dictBefore(buf, b + 1);
    if (/\/Subtype\s*\/Image|\/Length[123]\b|\/Type\s*\/(XRef|Metadata|EmbeddedFile)|\/FontFile|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType|XML)/.test(dict)) continue;
    const filters = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1] ?? '';
    let data: Buffer;
    if (filters === '') data = buf.subarray(start, end);
    else if (/^(\/FlateDecode|\/Fl|\[\s*(\/FlateDecode|\/Fl)\s*\])$/.test(filters.trim())) {
      try {
        data = inflateSync(buf.subarray(start, end), { maxOutputLength: limits.maxStreamBytes + 1, finishFlush: constants.Z_SYNC_FLUSH });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          throw tooComplex(`A content stream of the PDF expands to more than ${limits.maxStreamBytes} bytes.`, { limit: 'stream-bytes', max: limits.maxStreamBytes });
        }
        continue; // damaged or encrypted: pdf.js will judge it
      }
      if (data.length > limits.maxStreamBytes) throw tooComplex(`A content stream of the PDF expands to more than ${limits.maxStreamBytes} bytes.`, { limit: 'stream-bytes', max: limits.maxStreamBytes });
    } else continue;
    out.streams++;
    out.inflatedBytes += data.length;
    if (out.inflatedBytes > limits.maxInflatedBytes) {
      throw new AppError('too-large', `The PDF's content expands to more than ${limits.maxInflatedBytes} bytes.`, { limit: 'inflated-bytes', max: limits.maxInflatedBytes });
    }
    const counts = countTextOperators(data);
    // the work of showing text: operators, or strings (a TJ array holds many), or glyphs
    const ops = Math.max(counts.textOps, counts.strings, Math.ceil(counts.stringBytes / 16));
    out.textOps += ops;
    out.maxTextOpsInStream = Math.max(out.maxTextOpsInStream, ops);
    if (ops > limits.maxTextOpsPerStream) {
      throw tooComplex(`A page of the PDF draws text ${ops} times (at most ${limits.maxTextOpsPerStream}).`, { limit: 'text-operators-per-page', value: ops, max: limits.maxTextOpsPerStream });
    }
    if (out.textOps > limits.maxTextOps) {
      throw tooComplex(`The PDF draws text more than ${limits.maxTextOps} times.`, { limit: 'text-operators', max: limits.maxTextOps });
    }
    draws.push(counts.doOps);
    if (/\/Subtype\s*\/Form/.test(dict)) maxFormOps = Math.max(maxFormOps, ops);
  }
  // A stream that draws forms (Do) reads their text each time: bound its work by the largest
  // text of a form of the file (images drawn count too: names are not resolved here).
  let drawn = 0;
  for (const d of draws) {
    const bound = d * maxFormOps;
    drawn += bound;
    if (bound > limits.maxTextOpsPerStream || out.textOps + drawn > limits.maxTextOps) {
      throw tooComplex(`A page of the PDF draws its text forms ${d} times (at most ${limits.maxTextOpsPerStream} text operators in all).`, { limit: 'form-draws', value: d });
    }
  }
  return out;
}

/** The dictionary text (latin1) that ends at `end` (just after its `>>`), at most 4 KB back. */
function dictBefore(buf: Buffer, end: number): string {
  const from = Math.max(0, end - 4096);
  const s = buf.toString('latin1', from, end);
  const obj = s.lastIndexOf(' obj');
  return obj >= 0 ? s.slice(obj) : s;
}

const isWhite = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelim = (c: number): boolean => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

export interface StreamCounts {
  /** Text-showing operators: Tj, TJ, ' and ". */
  textOps: number;
  /** Strings (literal and hex): each shows glyphs, a TJ array holds many. */
  strings: number;
  /** Bytes inside strings: about the glyphs shown. */
  stringBytes: number;
  /** XObjects drawn (Do): a form drawn again has its text read again. */
  doOps: number;
}

/** Counts the text-showing operators, strings and Do operators of a content stream, skipping comments. */
export function countTextOperators(d: Uint8Array): StreamCounts {
  const out: StreamCounts = { textOps: 0, strings: 0, stringBytes: 0, doOps: 0 };
  let i = 0;
  const len = d.length;
  while (i < len) {
    const c = d[i];
    if (c === 0x28) {
      // literal string, with nesting and escapes
      const s = i;
      let depth = 1;
      i++;
      while (i < len && depth > 0) {
        const x = d[i];
        if (x === 0x5c) i += 2;
        else {
          if (x === 0x28) depth++;
          else if (x === 0x29) depth--;
          i++;
        }
      }
      out.strings++;
      out.stringBytes += i - s - 2;
    } else if (c === 0x3c) {
      if (d[i + 1] === 0x3c) i += 2;
      else {
        const close = d.indexOf(0x3e, i + 1);
        const e = close < 0 ? len : close;
        out.strings++;
        out.stringBytes += (e - i - 1) >> 1;
        i = e + 1;
      }
    } else if (c === 0x25) {
      while (i < len && d[i] !== 0x0a && d[i] !== 0x0d) i++;
    } else if (isWhite(c) || isDelim(c)) {
      i++;
    } else {
      const s = i;
      while (i < len && !isWhite(d[i]) && !isDelim(d[i])) i++;
      const l = i - s;
      if (l === 2 && d[s] === 0x54 && (d[s + 1] === 0x6a || d[s + 1] === 0x4a)) out.textOps++;
      else if (l === 2 && d[s] === 0x44 && d[s + 1] === 0x6f) out.doOps++;
      else if (l === 1 && (d[s] === 0x27 || d[s] === 0x22)) out.textOps++;
    }
  }
  return out;
}
