/**
 * PDFs for the PDF importer's tests, written byte by byte: positioned text runs (to test how
 * lines, gaps and table cells are read) and hostile files (millions of text operators, a page
 * tree that names one page 200,000 times). Test material only.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { CJK_FONT, CJK_FONT_NAME } from './test-fixtures';

/** A PDF from its objects (numbered from 1, object 1 the catalog): header, body, xref, trailer. */
export function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object, Flate-compressed. */
export function flateStream(content: string | Buffer, extra = ''): Buffer {
  const data = deflateSync(typeof content === 'string' ? Buffer.from(content, 'latin1') : content, { level: 9 });
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode ${extra}>>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** One A4 page per content stream, Helvetica as /F1. */
export function pagesPdf(contents: (string | Buffer)[]): Buffer {
  const n = contents.length;
  // 1 catalog, 2 pages, 3 font, then per page: page, content
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, FONT];
  contents.forEach((c, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(flateStream(c));
  });
  return rawPdf(objects);
}

/** A page whose content stream draws `count` one-character runs, each on a line of its own when `newLines`. */
export function manyOperatorsPdf(count: number, newLines: boolean): Buffer {
  const op = newLines ? '(a) Tj 0 -0.01 Td\n' : '(a) Tj\n';
  return pagesPdf([Buffer.concat([Buffer.from('BT /F1 10 Tf 72 800 Td\n', 'latin1'), Buffer.from(op.repeat(count), 'latin1'), Buffer.from('ET\n', 'latin1')])]);
}

/** A page tree naming the same page `count` times (its /Count says so too). */
export function repeatedPagePdf(count: number): Buffer {
  const kids = '4 0 R '.repeat(count);
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    flateStream('BT /F1 12 Tf 72 700 Td (Report page) Tj ET'),
  ]);
}

/** One text run placed on a page: top-left origin as pdfkit has it, in points. */
export interface PlacedRun {
  text: string;
  x: number;
  /** Top of the run (pdfkit's y, from the top of the page). */
  y: number;
  size?: number;
  /** Extra space after every character (the PDF's Tc), in points. */
  characterSpacing?: number;
}

/** A PDF (A4, Noto Sans CJK) with runs placed exactly where given, one array of runs per page. */
export function placedRunsPdf(pages: PlacedRun[][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(CJK_FONT, CJK_FONT_NAME);
    for (const runs of pages) {
      doc.addPage({ size: 'A4', margin: 0 });
      for (const r of runs) doc.fontSize(r.size ?? 12).text(r.text, r.x, r.y, { lineBreak: false, characterSpacing: r.characterSpacing ?? 0 });
    }
    doc.end();
  });
}

/** Runs laid end to end from `x`, each after a gap (in ems of `size`) before it; CJK glyphs are one em wide. */
export function runsInLine(parts: { text: string; gapBefore?: number }[], x: number, y: number, size = 12): PlacedRun[] {
  const out: PlacedRun[] = [];
  let at = x;
  for (const p of parts) {
    at += (p.gapBefore ?? 0) * size;
    out.push({ text: p.text, x: at, y, size });
    at += textWidth(p.text, size);
  }
  return out;
}

let measurer: InstanceType<typeof PDFDocument> | null = null;
/** Advance width of a string in Noto Sans CJK at `size` points. */
export function textWidth(text: string, size: number): number {
  measurer ??= new PDFDocument({ autoFirstPage: false }).font(CJK_FONT, CJK_FONT_NAME);
  return measurer.fontSize(size).widthOfString(text);
}

/** One TJ operator whose array shows `count` strings. */
export function bigTextArrayPdf(count: number): Buffer {
  return pagesPdf([`BT /F1 10 Tf 72 800 Td [${'(a) -20 '.repeat(count)}] TJ ET`]);
}

/** A page that draws a form XObject `draws` times; the form shows text `opsPerForm` times. */
export function formDrawsPdf(draws: number, opsPerForm: number): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>',
    flateStream('q /Fm1 Do Q\n'.repeat(draws)),
    flateStream(`BT /F1 10 Tf 72 800 Td ${'(form text) Tj 0 -12 Td '.repeat(opsPerForm)} ET`, '/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> '),
  ]);
}
