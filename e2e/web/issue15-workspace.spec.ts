import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';
import { Issue15Page } from './pages/issue15';

// Issue 15 (defects 1, 3, 4, 5, 6, 7, 12): the workspace side of a new user's day — a mistyped
// folder, failed drops, the import summary, search, and a CSV export that holds what it says.

test('open folder: a mistyped path is an error in the user language and creates nothing; a new workspace is an explicit choice', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  await app.stayOnDecision(); // these steps read the decided finding's status: keep the selection
  const x = new Issue15Page(page);
  const parent = mkdtempSync(join(tmpdir(), 'ra-i15-open-'));
  const typo = join(parent, 'reprots');
  try {
    await app.goto(serve.url);
    await app.setLanguage('zh');
    await x.openFolder(typo);
    const error = page.getByTestId('path-error');
    await expect(error).toHaveAttribute('data-code', 'workspace-not-found');
    await expect(error).toContainText('该路径下没有文件夹。');
    // #1: the technical English is folded away under "details", not a line of the message
    await expect(error.getByTestId('error-detail')).not.toHaveAttribute('open', '');
    expect(await error.innerText()).not.toMatch(/no folder at/);
    await expect(page.getByTestId('path-dialog')).toBeVisible();
    await shot('i15-open-folder-typo-zh');
    expect(existsSync(typo)).toBe(false);
    // the open workspace stays
    await expect(app.docList.getByTestId('doc-item')).toHaveCount(5);
    await page.getByTestId('path-create').check();
    await page.getByTestId('path-dialog-ok').click();
    await expect(page.getByTestId('path-dialog')).toBeHidden();
    await expect(page.getByTestId('status-workspace')).toContainText('reprots');
    expect(existsSync(typo)).toBe(true);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a failed drop leaves nothing behind and is reported once; an empty file without extension gets a message; the summary shows every failure', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  await app.stayOnDecision(); // these steps read the decided finding's status: keep the selection
  const x = new Issue15Page(page);
  const dropped = join(serve.userDataDir, 'sample-workspace', 'dropped');
  await app.goto(serve.url);
  await app.setLanguage('zh');
  // #5 an empty file with no extension, #4 a binary file and #6 a third failure, and one good report
  const good = [...Buffer.from('\n\n拖入的报告\n\n全年召开常委会会议12次。\n')];
  await x.drop([
    { name: 'notes', bytes: [] },
    { name: 'scan.txt', bytes: [0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0, 9, 9] },
    { name: 'table.xyz', bytes: [...Buffer.from('a,b,c\n')] },
    { name: 'good.txt', bytes: good, type: 'text/plain' },
  ]);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-headline')).toContainText('3');
  const failures = page.getByTestId('import-failure');
  await expect(failures).toHaveCount(3);
  await expect(failures.filter({ hasText: 'notes' })).toContainText('文件是空的。');
  // every failure is on show: the list is not a box of its own inside the scrolling dialog
  const list = page.getByTestId('import-failed');
  expect(await list.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  for (const f of await failures.all()) {
    await f.scrollIntoViewIfNeeded();
    await expect(f).toBeInViewport();
    // #1 no English line under the Chinese one (the detail is folded)
    expect((await f.innerText()).replace(/[\w-]*\.[a-z]{2,4}\b|notes/g, '')).not.toMatch(/[A-Za-z]{3}/);
  }
  await shot('i15-drop-summary-zh');
  await page.getByTestId('import-summary-ok').click();
  await expect(app.docList.getByTestId('doc-item')).toHaveCount(6);
  // nothing of the failed files stays in dropped/
  expect(readdirSync(dropped)).toEqual(['good.txt']);
  // a reload shows no error again
  await page.reload();
  await expect(app.docList.getByTestId('doc-item')).toHaveCount(6, { timeout: 30_000 });
  await expect(x.errorToasts).toHaveCount(0);
  await expect(summary).toHaveCount(0);
});

test('search: Enter opens the highlighted hit, the open report first, and more than 200 hits say so', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  await app.stayOnDecision(); // these steps read the decided finding's status: keep the selection
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await app.goto(serve.url);
  await app.setLanguage('zh');
  await app.openDocument('taiyuan-city-2024');
  await app.key('/');
  await page.keyboard.type('的');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-count')).toHaveText('“的”超过 200 条结果，显示前 200 条');
  await expect(page.getByTestId('search-hit')).toHaveCount(200);
  await expect(page.getByTestId('search-hit').first()).toContainText('taiyuan-city-2024');
  await expect(page.getByTestId('search-hit').first()).toContainText('当前报告');
  await shot('i15-search-zh');
  // a query with few hits, in another report: Enter on the first hit opens it
  await page.getByTestId('search-input').fill('常委会会议');
  await page.keyboard.press('Enter');
  const first = page.getByTestId('search-hit').first();
  await expect(first).toBeVisible();
  await expect(page.getByTestId('search-count')).toHaveText(/“常委会会议”共 \d+ 条结果/);
  const name = ((await first.locator('.hit-doc').textContent()) ?? '').replace('当前报告', '');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-results')).toBeHidden();
  await expect(page.getByTestId('report-title')).toContainText(name.replace(/\.txt$/, ''));
  await expect(page.locator('.seg.k-hit, .seg.sel').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('CSV export: the rows add up to the count the dialog reports, accepted defects included, with the original value of a corrected figure', async ({ page, serve }) => {
  const app = new AppPage(page);
  await app.stayOnDecision(); // these steps read the decided finding's status: keep the selection
  const out = mkdtempSync(join(tmpdir(), 'ra-i15-csv-'));
  try {
    await app.goto(serve.url);
    await app.setLanguage('zh');
    await app.openDocument('changzhi-city-2024');
    // accept a figure, correct another, accept a defect
    await page.getByTestId('filter-kind').selectOption('figure');
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await app.key('j');
    await app.key('a');
    await app.key('j');
    const original = await page.getByTestId('field-value').inputValue();
    await app.key('e');
    await page.keyboard.type(String(Number(original) + 1));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'corrected');
    await page.getByTestId('filter-kind').selectOption('defect');
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await app.key('j');
    await app.key('a');
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
    await app.waitSaved();
    await app.key('Control+e');
    await page.getByTestId('export-format').selectOption('csv');
    await page.getByTestId('export-filter-accepted').check();
    await page.getByTestId('export-out').fill(out);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-files')).toContainText('defects.csv', { timeout: 30_000 });
    const said = Number(/(\d+) 条标注/.exec((await page.getByTestId('export-result').textContent()) ?? '')?.[1]);
    const rows = (name: string): Record<string, string>[] => Papa.parse<Record<string, string>>(readFileSync(join(out, name), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const facts = rows('facts.csv');
    const defects = rows('defects.csv');
    expect(facts.length + rows('duplicates.csv').length + defects.length).toBe(said);
    expect(said).toBe(3);
    expect(defects).toHaveLength(1);
    const corrected = facts.find((r) => r.status === 'corrected')!;
    expect(corrected.original_value).toBe(original);
    expect(corrected.value).toBe(String(Number(original) + 1));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
