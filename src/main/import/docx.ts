import type JSZip from 'jszip';
import { AppError } from '../../core/errors';
import { htmlToParagraphs } from './html-text';
import { docxMessageWarnings } from './library-messages';
import type { ImportWarning } from './warnings';

/**
 * Ceiling on what the archive expands to, every part counted whatever its name (.xml, .bin,
 * .dat, images…): beyond it the file is refused as a possible zip bomb before anything is
 * converted.
 */
export const DOCX_MAX_EXPANDED_BYTES = 100 * 1024 * 1024;
/**
 * Ceiling on the expanded size of the parts the converter reads (the main part and every part
 * that is not an image). Converting Word XML takes about 50 times its size in memory (10 MB:
 * 0.5 GB, 30 MB: 1.5 GB measured), so more than this is refused as too large to read within
 * the importer's memory budget. A long report with heavy formatting has a few MB.
 */
export const DOCX_MAX_XML_BYTES = 16 * 1024 * 1024;

export interface DocxOptions {
  maxXmlBytes?: number;
  maxExpandedBytes?: number;
}

export interface DocxResult {
  text: string;
  warnings: ImportWarning[];
}

/**
 * A Word document → paragraphs. The zip directory is read with JSZip first: the main part
 * must exist and every part is decompressed as a stream and counted, so a zip bomb (or a
 * directory that lies about sizes) is refused before mammoth inflates it. Mammoth converts
 * to HTML (keeping paragraphs, line breaks and table cells apart), which is then reduced to
 * text; images and external files are never loaded.
 */
export async function importDocx(bytes: Uint8Array, opts: DocxOptions = {}): Promise<DocxResult> {
  const maxXmlBytes = opts.maxXmlBytes ?? DOCX_MAX_XML_BYTES;
  const maxExpandedBytes = opts.maxExpandedBytes ?? DOCX_MAX_EXPANDED_BYTES;
  // loaded on first use: most runs never see a .docx, and the CLI starts faster without them
  const { default: JSZipLib } = await import('jszip');
  const { default: mammoth } = await import('mammoth');
  let zip: JSZip;
  try {
    zip = await JSZipLib.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw corrupt(`not a zip archive (${(e as Error).message})`);
  }
  const main = await mainPart(zip);
  if (!zip.file(main)) throw corrupt(`no main document part (${main})`);
  await checkSizes(zip, main, maxXmlBytes, maxExpandedBytes);

  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  const warnings: ImportWarning[] = docxMessageWarnings(result.messages); // warn-s7: codes + params, the library text as a detail
  const { text } = htmlToParagraphs(result.value);
  if (text.length === 0) throw new AppError('file-empty', 'The Word document contains no text.');
  return { text, warnings };
}

function corrupt(why: string): AppError {
  return new AppError('corrupt-docx', `The Word document cannot be read: ${why}`);
}

/** The main document part named by the package relationships (usually word/document.xml). */
async function mainPart(zip: JSZip): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (!rels) return 'word/document.xml';
  const xml = await readLimited(rels, 1024 * 1024).catch(() => '');
  for (const m of xml.matchAll(/<Relationship\b[^>]{0,2000}>/g)) {
    if (!/Type\s*=\s*["'][^"']*\/officeDocument["']/.test(m[0])) continue;
    const target = /Target\s*=\s*["']([^"']{1,500})["']/.exec(m[0])?.[1];
    if (target) return target.replace(/^\.?\//, '');
  }
  return 'word/document.xml';
}

/**
 * Parts the converter never reads as text: pictures (by folder or extension) and embedded
 * objects (word/embeddings/: spreadsheets behind charts, OLE objects). They still count
 * towards the whole archive's limit.
 */
const IMAGE_PART = /(^|\/)(media|embeddings)\/|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp|ico)$/i;

/**
 * Counts every part of the archive, whatever its name: the declared sizes first (cheap, enough
 * for an honest archive), then each part decompressed as a stream and counted, stopping as
 * soon as a limit is passed. Two limits: all parts together (zip bomb) and the parts the
 * converter reads (the main part, and every part that is not a picture).
 */
async function checkSizes(zip: JSZip, main: string, readLimit: number, totalLimit: number): Promise<void> {
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  const isRead = (f: JSZip.JSZipObject): boolean => f.name === main || !IMAGE_PART.test(f.name);
  let total = 0;
  let read = 0;
  for (const f of parts) {
    const size = declaredSize(f);
    total += size;
    if (isRead(f)) read += size;
  }
  if (total > totalLimit) throw bomb(total, totalLimit);
  if (read > readLimit) throw tooLarge(read, readLimit);
  total = 0;
  read = 0;
  for (const f of parts) {
    const counted = isRead(f);
    const budget = Math.min(totalLimit - total, counted ? readLimit - read : Infinity);
    const n = await countBytes(f, budget, (over) => (counted && readLimit - read < totalLimit - total ? tooLarge(read + over, readLimit) : bomb(total + over, totalLimit)));
    total += n;
    if (counted) read += n;
  }
}

function declaredSize(f: JSZip.JSZipObject): number {
  const size = (f as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size > 0 ? size : 0;
}

function bomb(size: number, limit: number): AppError {
  return new AppError('too-large', `The Word document expands to more than ${limit} bytes; refused as a possible zip bomb.`, { size, limit });
}

function tooLarge(size: number, limit: number): AppError {
  return new AppError('too-large', `The Word document holds more than ${limit} bytes of text parts (XML), more than can be read within the memory allowed.`, { size, limit });
}

/**
 * Decompresses one entry as a stream and returns its size; stops as soon as it exceeds
 * `budget`, rejecting with `refuse(size so far)`.
 */
function countBytes(f: JSZip.JSZipObject, budget: number, refuse: (size: number) => AppError): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let done = false;
    const stream = f.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      n += chunk.length;
      if (n > budget) {
        done = true;
        stream.pause();
        stream.removeAllListeners('data');
        reject(refuse(n));
      }
    });
    stream.on('error', (e: Error) => {
      if (!done) {
        done = true;
        reject(corrupt(`${f.name}: ${e.message}`));
      }
    });
    stream.on('end', () => {
      if (!done) {
        done = true;
        resolve(n);
      }
    });
  });
}

async function readLimited(f: JSZip.JSZipObject, limit: number): Promise<string> {
  await countBytes(f, limit, (n) => tooLarge(n, limit));
  return f.async('string');
}
