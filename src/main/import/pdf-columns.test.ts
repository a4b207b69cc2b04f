/**
 * Issue 12 item 3: a page set in two text columns is read column by column. The PDF is made
 * here by LibreOffice from a flat ODF document with a title across the page and a two-column
 * section of report paragraphs (never committed); skipped, visibly, without LibreOffice.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPdf } from './pdf';
import { pageToLines, type PdfItem } from './pdf-lines';
import { type Converted, convertToPdf, findSoffice } from './pdf-roundtrip-harness';
import { CORPUS } from './test-fixtures';

const soffice = findSoffice();
if (!soffice) console.log('SKIPPED: LibreOffice (soffice) is not installed, so the two-column PDF is not tested');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs of a sample report, long enough to fill lines of a column. */
const paragraphs = readFileSync(join(CORPUS, 'changzhi-city-2024.txt'), 'utf8').split('\n').map((p) => p.trim()).filter((p) => p.length >= 60).slice(0, 8);

function fodt(title: string, paras: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="Sect1" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>${esc(title)}</text:p>
  <text:section text:style-name="Sect1" text:name="Columns">
${paras.map((p) => `   <text:p>${esc(p)}</text:p>`).join('\n')}
  </text:section>
 </office:text></office:body>
</office:document>
`;
}

/** Characters other than whitespace, to compare text across line breaks. */
const solid = (s: string): string => s.replace(/\s/g, '');

describe.skipIf(!soffice)('a two-column PDF page (LibreOffice)', () => {
  let dir = '';
  let converted: Converted | null = null;
  let src = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ra-columns-'));
    src = join(dir, 'two-columns.fodt');
    writeFileSync(src, fodt('二〇二四年工作报告（摘要）', paragraphs));
    converted = await convertToPdf([src], { soffice: soffice ?? undefined, timeoutMs: 120_000 });
  }, 130_000);
  afterAll(() => {
    converted?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the title, then every paragraph whole and in order (left column, then right)', async () => {
    expect(paragraphs.length).toBe(8);
    const pdf = converted?.pdfs.get(src);
    if (!pdf) throw new Error('no PDF');
    const r = await importPdf(await readFile(pdf));
    const text = solid(r.text);
    expect(text.startsWith(solid('二〇二四年工作报告（摘要）'))).toBe(true);
    let at = 0;
    for (const p of paragraphs) {
      const k = text.indexOf(solid(p), at);
      expect(k, `paragraph ${JSON.stringify(p.slice(0, 20))} whole and after the previous one`).toBeGreaterThanOrEqual(at);
      at = k + solid(p).length;
    }
  }, 60_000);
});

describe('pageToLines without columns', () => {
  const run = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: str.length * 10, size: 10 });
  it('keeps the rows of a two-cell table as rows (cells are short, no column of prose)', () => {
    const items: PdfItem[] = [];
    for (let k = 0; k < 10; k++) items.push(run(`项目${k}`, 50, 700 - 20 * k), run(`${100 + k}元`, 400, 700 - 20 * k));
    const lines = pageToLines(items);
    expect(lines).toHaveLength(10);
    expect(lines[0].text.replace(/\s/g, '')).toBe('项目0100元');
  });
  it('reads two columns of prose column by column', () => {
    const items: PdfItem[] = [];
    const l = '左栏的文字一行写满了十几个字';
    const r = '右栏的文字一行也写满了十几个字';
    for (let k = 0; k < 8; k++) items.push(run(`${l}${k}`, 50, 700 - 20 * k), run(`${r}${k}`, 330, 700 - 20 * k));
    const lines = pageToLines(items).map((x) => x.text);
    expect(lines).toHaveLength(16);
    expect(lines.slice(0, 8).every((t) => t.startsWith('左栏'))).toBe(true);
    expect(lines.slice(8).every((t) => t.startsWith('右栏'))).toBe(true);
  });
});
