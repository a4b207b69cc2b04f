/** Builders for the importers' tests: real files (docx, pdf, encoded text) in a temp folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { isAppError } from '../../core/errors';

export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';
export const CORPUS = join(import.meta.dirname, '..', '..', '..', 'resources', 'samples');

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'ra-import-'));
  file(name: string, data: Uint8Array | string): string {
    const p = join(this.path, name);
    writeFileSync(p, data);
    return p;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A body paragraph: plain text, or runs separated by line breaks (w:br) when given an array. */
export function wParagraph(p: string | string[]): string {
  const runs = (Array.isArray(p) ? p : [p]).map((t, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`);
  return `<w:p>${runs.join('')}</w:p>`;
}

export function documentXml(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`;
}

/**
 * A minimal but real .docx: [Content_Types].xml, _rels/.rels, word/document.xml. `mainPart`
 * names the main part otherwise (the package relationship points to it); `extra` adds parts.
 */
export async function makeDocx(bodyXml: string, opts: { mainPart?: string; extra?: Record<string, string | Uint8Array> } = {}): Promise<Buffer> {
  const main = opts.mainPart ?? 'word/document.xml';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS.replace('Target="word/document.xml"', `Target="${main}"`));
  zip.file(main, documentXml(bodyXml));
  for (const [name, data] of Object.entries(opts.extra ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites the uncompressed size that the zip's local header and central directory declare for `name`. */
export function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) {
      const len = out.readUInt16LE(i + 26);
      if (out.subarray(i + 30, i + 30 + len).equals(nameBytes)) out.writeUInt32LE(size, i + 22);
    } else if (sig === 0x02014b50) {
      const len = out.readUInt16LE(i + 28);
      if (out.subarray(i + 46, i + 46 + len).equals(nameBytes)) out.writeUInt32LE(size, i + 24);
    }
  }
  return out;
}

export interface PdfSpec {
  /** Body blocks in order: a heading (short line) or an indented paragraph. */
  blocks: { heading?: string; paragraph?: string }[];
  header?: string;
  pageNumbers?: boolean;
  userPassword?: string;
  fontSize?: number;
}

/** A PDF with a CJK font: paragraphs wrap over lines and pages; optional running head and page numbers. */
export function makePdf(spec: PdfSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, bufferPages: true, userPassword: spec.userPassword, ownerPassword: spec.userPassword ? 'owner' : undefined, pdfVersion: spec.userPassword ? '1.7' : undefined });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const size = spec.fontSize ?? 12;
    doc.font(CJK_FONT, CJK_FONT_NAME).fontSize(size);
    for (const b of spec.blocks) {
      if (b.heading !== undefined) doc.text(b.heading, { paragraphGap: size / 2 });
      if (b.paragraph !== undefined) doc.text(b.paragraph, { indent: 2 * size, paragraphGap: 0 });
    }
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      if (spec.header) doc.fontSize(9).text(spec.header, 72, 40, { lineBreak: false });
      if (spec.pageNumbers) doc.fontSize(9).text(`- ${i + 1} -`, 280, 800, { lineBreak: false });
    }
    doc.end();
  });
}

/** A PDF page with drawings only: no text layer. */
export function makeImageOnlyPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.rect(100, 100, 300, 200).fill('#336699');
    doc.end();
  });
}

/** The code of the AppError that f throws, or 'no error' (anything else is rethrown). */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

/** The AppError a promise rejects with, as { code, message }, or code 'no error' (anything else is rethrown). */
export async function rejectionOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return { code: 'no error', message: '' };
}

/** The code of the AppError a promise rejects with, or 'no error'. */
export async function rejectionCode(p: Promise<unknown>): Promise<string> {
  return (await rejectionOf(p)).code;
}
