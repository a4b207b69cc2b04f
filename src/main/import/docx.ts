import type JSZip from 'jszip';
import { AppError } from '../../core/errors';
import { htmlToParagraphs } from './html-text';

/** Default ceiling on the decompressed XML of a .docx (all parts together), against zip bombs. */
export const DOCX_MAX_XML_BYTES = 100 * 1024 * 1024;

export interface DocxOptions {
  maxXmlBytes?: number;
}

export interface DocxResult {
  text: string;
  warnings: string[];
}

/**
 * A Word document → paragraphs. The zip directory is read with JSZip first: the main part
 * must exist and every XML part is decompressed as a stream and counted, so a zip bomb (or a
 * directory that lies about sizes) is refused before mammoth inflates it. Mammoth converts
 * to HTML (keeping paragraphs, line breaks and table cells apart), which is then reduced to
 * text; images and external files are never loaded.
 */
export async function importDocx(bytes: Uint8Array, opts: DocxOptions = {}): Promise<DocxResult> {
  const maxXmlBytes = opts.maxXmlBytes ?? DOCX_MAX_XML_BYTES;
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
  await checkXmlSizes(zip, maxXmlBytes);

  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  const warnings = [...new Set(result.messages.filter((m) => m.type === 'error').map((m) => `Word: ${m.message}`))];
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

async function checkXmlSizes(zip: JSZip, limit: number): Promise<void> {
  let total = 0;
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/i.test(f.name));
  // the directory's declared sizes first: cheap, and enough for an honest archive
  for (const f of parts) total += declaredSize(f);
  if (total > limit) throw tooBig(total, limit);
  total = 0;
  for (const f of parts) {
    total += await countBytes(f, limit - total, limit);
  }
}

function declaredSize(f: JSZip.JSZipObject): number {
  const size = (f as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size > 0 ? size : 0;
}

function tooBig(size: number, limit: number): AppError {
  return new AppError('corrupt-docx', `The Word document expands to more than ${limit} bytes of XML; refused as a possible zip bomb.`, { size, limit });
}

/** Decompresses one entry as a stream and returns its size; stops as soon as it exceeds `budget`. */
function countBytes(f: JSZip.JSZipObject, budget: number, limit = budget): Promise<number> {
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
        reject(tooBig(limit - budget + n, limit));
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
  await countBytes(f, limit);
  return f.async('string');
}
