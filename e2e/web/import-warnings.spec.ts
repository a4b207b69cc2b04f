import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';

// [import-s6] Open folder on a folder of reports as analysts receive them (a GBK report saved on
// Windows with CRLF line ends): the summary lists what the import did to each file's text — as
// Add files does — in Chinese and English, and the report's text and figures read as usual.

const SAMPLES = resolve(import.meta.dirname, '..', '..', 'resources', 'samples');

test('Open folder lists the import warnings of the folder’s reports in the summary, in both languages', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  const dir = mkdtempSync(join(tmpdir(), 'ra-iw-'));
  try {
    const lf = readFileSync(join(SAMPLES, 'jiangxian-county-2024.txt'), 'utf8');
    const lineEnds = (lf.match(/\n/g) ?? []).length;
    writeFileSync(join(dir, 'gbk-crlf.txt'), iconv.encode(lf.replace(/\n/g, '\r\n'), 'gbk'));
    writeFileSync(join(dir, 'clean.txt'), lf);
    await app.goto(serve.url);
    await app.setLanguage('zh');
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-open-folder').click();
    await page.getByTestId('path-input').fill(dir);
    await page.getByTestId('path-dialog-ok').click();
    const summary = page.getByTestId('import-summary');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-imported')).toContainText('gbk-crlf.txt');
    // warn-s7: one section per import, grouped by file; counts of nothing left out
    await expect(page.getByTestId('import-warnings-head')).toHaveText('导入的 2 个文件中有 1 个有导入提示（共 1 条）');
    await expect(page.getByTestId('import-warning-file')).toHaveCount(1);
    await expect(page.getByTestId('import-warning-file').locator('.path')).toHaveText('gbk-crlf.txt');
    const warnings = page.getByTestId('import-warning-text');
    await expect(warnings).toHaveCount(1);
    await expect(warnings.first()).toHaveText(`换行符已统一为 LF（CRLF ${lineEnds} 个）；位置偏移中每个换行符计为一个字符`);
    await shot('import-warnings-folder-zh');
    await app.setLanguage('en');
    await expect(warnings.first()).toHaveText(`line ends read as LF (${lineEnds} CRLF); in every offset a line end counts as one character`);
    await shot('import-warnings-folder-en');
    await page.getByTestId('import-summary-ok').click();
    await expect(summary).toBeHidden();
    // nothing else pops up for the same warning afterwards
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await expect(app.docList.getByTestId('doc-item')).toHaveCount(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// [warn-s7] A folder whose files give many warnings: one section in the summary (not a line per
// warning in a flood), grouped by file and closed, each note worded from its code in the analyst's
// language; what mammoth said in English only behind "Technical detail".
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
async function oddDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', DOCX_TYPES);
  zip.file('_rels/.rels', DOCX_RELS);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>全年召开常委会会议9次。</w:t></w:r></w:p><w:customThing><w:p><w:r><w:t>丢失</w:t></w:r></w:p></w:customThing></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('a folder with many import warnings: one grouped section, notes in the analyst’s language, library text only as a detail', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  const dir = mkdtempSync(join(tmpdir(), 'ra-iw-many-'));
  try {
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `crlf-${String(i).padStart(2, '0')}.txt`), `\r\n\r\n第${i}份报告。全年召开常委会会议${i + 1}次。\r\n`);
    writeFileSync(join(dir, 'odd-word.docx'), await oddDocx());
    await app.goto(serve.url);
    await app.setLanguage('en');
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-open-folder').click();
    await page.getByTestId('path-input').fill(dir);
    await page.getByTestId('path-dialog-ok').click();
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-warnings-head')).toHaveText('13 of 13 imported files have import notes (13)');
    const files = page.getByTestId('import-warning-file');
    await expect(files).toHaveCount(13);
    // more than three files: each file's notes closed until clicked
    await expect(page.getByTestId('import-warning-text').first()).toBeHidden();
    const word = files.filter({ hasText: 'odd-word.docx' });
    await word.locator('summary').first().click();
    await expect(word.getByTestId('import-warning-text')).toHaveText('Word: a part the converter does not know (w:customThing) was left out, with any text in it');
    await expect(word.getByTestId('import-warning-detail')).toBeHidden();
    await word.locator('details.technical summary').click();
    await expect(word.getByTestId('import-warning-detail')).toHaveText('mammoth: An unrecognised element was ignored: w:customThing');
    await shot('import-warnings-many-en');
    await app.setLanguage('zh');
    await expect(page.getByTestId('import-warnings-head')).toHaveText('导入的 13 个文件中有 13 个有导入提示（共 13 条）');
    await expect(word.getByTestId('import-warning-text')).toHaveText('Word：转换器不认识的部分（w:customThing）已略去，其中的文字也一并缺失');
    await shot('import-warnings-many-zh');
    await page.getByTestId('import-summary-ok').click();
    // no flood of notices for the same warnings
    await expect(page.getByTestId('notice')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
