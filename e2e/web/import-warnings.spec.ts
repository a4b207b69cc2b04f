import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    const warnings = page.getByTestId('import-warnings').locator('li');
    await expect(warnings).toHaveCount(1);
    await expect(warnings.first()).toHaveText(`gbk-crlf.txt: 换行符已统一为 LF（CRLF ${lineEnds} 个，CR 0 个，Unicode 行分隔符 0 个）；位置偏移中每个换行符计为一个字符`);
    await shot('import-warnings-folder-zh');
    await app.setLanguage('en');
    await expect(warnings.first()).toHaveText(`gbk-crlf.txt: line ends read as LF (${lineEnds} CRLF, 0 CR, 0 Unicode line separators); in every offset a line end counts as one character`);
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
