import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { startServe } from '../support/server';
import { AppPage } from './pages/app';

// Issue "Datasets out" (UI part) and the workspace bits of "Workspace": export a dataset from
// the UI, the figures table with its charts and indicator mapping, report metadata, orphaned
// reviews, the encoding override and the import summary — in browser mode, in both languages.

const SAMPLES = resolve(import.meta.dirname, '..', '..', 'resources', 'samples');

/** Page errors and CSP violations, collected for the whole test. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|EvalError|unsafe-eval/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return problems;
}

function bothLanguages(app: AppPage, shot: (name: string) => Promise<void>) {
  return async (name: string): Promise<void> => {
    await app.setLanguage('zh');
    await shot(`datasets-${name}-zh`);
    await app.setLanguage('en');
    await shot(`datasets-${name}-en`);
    await app.setLanguage('zh');
  };
}

test('exports the accepted figures as JSONL from the UI, and the file reads back', async ({ page, serve, shot }) => {
  const problems = watch(page);
  const app = new AppPage(page);
  await app.stayOnDecision();
  const both = bothLanguages(app, shot);
  const dir = mkdtempSync(join(tmpdir(), 'ra-export-'));
  try {
    await app.goto(serve.url);
    await app.openDocument('taiyuan-city-2024');
    // accept the figure "召开常委会会议9次"
    await page.locator('[data-fid="fig:409-411:count"]').first().click();
    await app.key('a');
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
    await app.waitSaved();

    // Ctrl+E opens File → Export…, and the ? sheet lists the shortcut
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await app.key('?');
    await expect(page.getByTestId('cheat-sheet')).toContainText('Ctrl+E');
    await app.key('Escape');
    await app.key('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    // browser mode: a path field with a suggestion inside the workspace
    await expect(page.getByTestId('export-out')).toHaveValue(/exports[\\/]dataset-jsonl-accepted-\d{4}-\d{2}-\d{2}\.jsonl$/);
    await page.getByTestId('export-format').selectOption('jsonl');
    await page.getByTestId('export-filter-accepted').check();
    const out = join(dir, 'nested', 'dataset.jsonl');
    await page.getByTestId('export-out').fill(out);
    await both('export-dialog');
    await page.getByTestId('export-run').click();
    const result = page.getByTestId('export-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('export-files')).toContainText('dataset.jsonl');
    await both('export-result');
    await expect(result).toContainText('导出完成');

    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ record: 'workspace', filter: 'accepted', documents: 5 });
    const docs = lines.slice(1);
    expect(docs).toHaveLength(5);
    const taiyuan = docs.find((d) => d.name === 'taiyuan-city-2024.txt') as { findings: { id: string; status: string; quote: string }[] };
    expect(taiyuan.findings).toEqual([expect.objectContaining({ id: 'fig:409-411:count', status: 'accepted', quote: '9次' })]);
    // accepted + corrected only: nothing suggested anywhere
    for (const d of docs as { findings: { status: string }[] }[]) for (const f of d.findings) expect(['accepted', 'corrected']).toContain(f.status);

    // a folder format: the target becomes a folder
    await page.getByTestId('export-format').selectOption('csv');
    const csvDir = join(dir, 'csv');
    await page.getByTestId('export-out').fill(csvDir);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-files')).toContainText('facts.csv', { timeout: 30_000 });
    expect(readFileSync(join(csvDir, 'facts.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);

    // a path that cannot be written: the one error presenter, in the dialog
    writeFileSync(join(dir, 'a-file'), 'x');
    await page.getByTestId('export-format').selectOption('jsonl');
    await page.getByTestId('export-out').fill(join(dir, 'a-file', 'under-a-file.jsonl'));
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-error')).toBeVisible({ timeout: 30_000 });
    await both('export-error');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the figures table: 常委会会议次数 per report, sorting, CSV, a figure opened from its cell', async ({ page, serve, shot }) => {
  const problems = watch(page);
  const app = new AppPage(page);
  const both = bothLanguages(app, shot);
  await app.goto(serve.url);
  await page.getByTestId('view-figures').click();
  const table = page.getByTestId('pivot-table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  const row = table.locator('[data-testid="pivot-row"][data-indicator="常委会会议次数"]');
  await expect(row.locator('td[data-doc="taiyuan-city-2024.txt"]')).toHaveText('9');
  await expect(row.locator('td[data-doc="luzhou-district-2025.txt"]')).toHaveText('12');
  await both('figures-table');

  // sort the report columns by year: 2025 last ascending, first descending
  const cols = table.getByTestId('pivot-col');
  await page.getByTestId('pivot-sort-year').click();
  await expect(cols.last()).toHaveAttribute('data-doc', 'luzhou-district-2025.txt');
  await page.getByTestId('pivot-sort-year').click();
  await expect(cols.first()).toHaveAttribute('data-doc', 'luzhou-district-2025.txt');
  await page.getByTestId('pivot-sort-region').click();

  // the number style applies to the cells
  await page.getByTestId('number-style').selectOption('grouped');

  // CSV of the table, built in the page and saved through a blob: link (not blocked by the CSP)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pivot-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const meetings = csv.split('\r\n').find((l) => l.startsWith('常委会会议次数'));
  expect(meetings).toBeDefined();
  const header = csv.slice(1).split('\r\n')[0].split(',');
  expect(meetings!.split(',')[header.indexOf('taiyuan-city-2024.txt')]).toBe('9');

  // a cell opens its report in the review view with the figure selected
  await row.locator('td[data-doc="taiyuan-city-2024.txt"] [data-testid="pivot-cell"]').click();
  await expect(page.getByTestId('report-title')).toContainText('taiyuan-city-2024', { timeout: 20_000 });
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-finding-id', 'fig:409-411:count');
  await expect(page.locator('[data-fid="fig:409-411:count"]').first()).toHaveClass(/\bsel\b/);
  await expect(page.getByTestId('view-review')).toHaveAttribute('aria-pressed', 'true');
  await both('figure-opened');
  // v switches back
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('v');
  await expect(page.getByTestId('figures-view')).toBeVisible();
  expect(problems).toEqual([]);
});

test('charts of an indicator across reports and years, saved as PNG and SVG', async ({ page, serve, shot }) => {
  const problems = watch(page);
  const app = new AppPage(page);
  const both = bothLanguages(app, shot);
  await app.goto(serve.url);
  await page.getByTestId('view-figures').click();
  const row = page.locator('[data-testid="pivot-row"][data-indicator="常委会会议次数"]');
  await row.getByTestId('pivot-row-chart').click();
  const dialog = page.getByTestId('chart-dialog');
  await expect(dialog).toBeVisible();
  const chart = page.getByTestId('chart');
  await expect(chart).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(chart).toHaveAttribute('data-kind', 'bar');
  await both('chart-bar');

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const pngBytes = readFileSync(await png.path());
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(5000);

  // the reports are of 2023 and 2025: the line over the years is offered
  await page.getByTestId('chart-line').click();
  await expect(chart).toHaveAttribute('data-kind', 'line');
  await both('chart-line');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-svg').click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^<svg[\s>]/);
  expect(svgText).toContain('常委会会议次数');
  expect(svgText).toContain('Noto Sans CJK SC');
  // the SVG is well-formed XML
  const parsed = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').getElementsByTagName('parsererror').length, svgText);
  expect(parsed).toBe(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(problems).toEqual([]);
});

test('maps an unmapped metric phrase to an indicator and the table gains the row', async ({ page, serve, shot }) => {
  const problems = watch(page);
  const app = new AppPage(page);
  const both = bothLanguages(app, shot);
  await app.goto(serve.url);
  await page.getByTestId('view-figures').click();
  await expect(page.getByTestId('pivot-table')).toBeVisible({ timeout: 20_000 });
  const item = page.locator('[data-testid="unmapped-item"][data-metric="问题清单"]');
  await expect(item).toBeVisible();
  await expect(page.locator('[data-testid="pivot-row"][data-indicator="问题清单个数"]')).toHaveCount(0);
  await both('unmapped');
  // a new indicator: the picker, "New indicator…", the suggested name, Map
  await item.getByTestId('unmapped-select').selectOption({ label: '新建指标…' });
  await expect(item.getByTestId('unmapped-new-name')).toHaveValue('问题清单个数');
  await item.getByTestId('unmapped-new-ok').click();
  const newRow = page.locator('[data-testid="pivot-row"][data-indicator="问题清单个数"]');
  await expect(newRow).toBeVisible({ timeout: 15_000 });
  await expect(item).toHaveCount(0);
  await expect(newRow.getByTestId('pivot-cell').first()).toBeVisible();
  // a known indicator: two clicks (the picker, the indicator)
  const second = page.locator('[data-testid="unmapped-item"][data-metric="重点建议"]');
  await second.getByTestId('unmapped-select').selectOption('代表建议件数');
  await expect(second).toHaveCount(0, { timeout: 15_000 });
  await both('mapped');
  // the mapping is the workspace's: still there after a reload
  await page.reload();
  await page.getByTestId('view-figures').click();
  await expect(page.locator('[data-testid="pivot-row"][data-indicator="问题清单个数"]')).toBeVisible({ timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('report metadata, the encoding override, and an orphaned review back on its figure when the encoding is switched back', async ({ page, serve, shot }) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  const app = new AppPage(page);
  await app.stayOnDecision();
  const both = bothLanguages(app, shot);
  await app.goto(serve.url);
  await app.openDocument('changzhi-city-2024');

  // metadata: detected values, one edited (the detected one stays beside it)
  const editor = page.getByTestId('metadata-editor');
  await expect(page.getByTestId('meta-region')).toHaveValue('长治市');
  await expect(page.getByTestId('meta-year')).toHaveValue('2023');
  await page.getByTestId('meta-reporter').fill('王某');
  await page.getByTestId('meta-reporter').press('Enter');
  await app.waitSaved();
  await page.getByTestId('meta-year').fill('23');
  await page.getByTestId('meta-year').press('Enter');
  await expect(editor).toContainText('年份为四位数字');
  await page.getByTestId('meta-year').press('Escape');
  await both('metadata');

  // accept a figure with a note
  await page.locator('[data-fid="fig:301-303:count"]').first().click();
  await app.key('a');
  await page.getByTestId('field-note').fill('核对过');
  await page.getByTestId('field-note').press('Tab');
  await app.waitSaved();

  // the status bar's encoding: re-read as GB18030 — the text garbles, the review becomes an orphan
  await page.getByTestId('status-encoding').click();
  await expect(page.getByTestId('encoding-menu')).toBeVisible();
  await both('encoding-menu');
  await page.getByTestId('encoding-menu').locator('[data-encoding="GB18030"]').click();
  await expect(page.getByTestId('status-encoding')).toContainText('gb18030', { timeout: 20_000 });
  await expect(app.report).not.toContainText('召开常委会会议9次');
  const badge = page.locator('[data-doc-id] [data-testid="orphan-badge"]');
  await expect(badge).toHaveText('1');
  const panel = page.getByTestId('orphans-panel');
  await expect(panel).toBeVisible();
  const orphan = panel.getByTestId('orphan-item');
  await expect(orphan).toHaveCount(1);
  await expect(orphan).toContainText('9次');
  await expect(orphan.getByTestId('orphan-status')).toHaveAttribute('data-status', 'accepted');
  await expect(orphan.getByTestId('orphan-note')).toHaveText('核对过');
  await both('orphans');

  // back to UTF-8: the text is right again, and the orphan goes back to its figure by itself
  await page.getByTestId('status-encoding').click();
  await page.getByTestId('encoding-menu').locator('[data-encoding="UTF-8"]').click();
  await expect(page.getByTestId('status-encoding')).toContainText('utf-8', { timeout: 20_000 });
  await expect(app.report).toContainText('召开常委会会议9次');
  await expect(panel).toBeHidden({ timeout: 15_000 });
  await expect(badge).toHaveCount(0);
  // metadata edits survive the re-import
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('meta-reporter')).toHaveValue('王某');
  await page.locator('[data-fid="fig:301-303:count"]').first().click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-finding-id', 'fig:301-303:count');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
  await expect(page.getByTestId('field-note')).toHaveValue('核对过');
  await app.waitSaved();
  await shot('datasets-reattached-zh');
  expect(problems).toEqual([]);
});

test('a report changed on disk: the review whose words changed waits as an orphan until the analyst re-attaches it', async ({ page, shot }) => {
  const problems = watch(page);
  const app = new AppPage(page);
  await app.stayOnDecision();
  const dir = mkdtempSync(join(tmpdir(), 'ra-changed-'));
  const file = join(dir, 'changed-report.txt');
  writeFileSync(file, '\n\n一年来，召开常委会会议9次，制定地方性法规3件，听取专项工作报告12项。\n');
  // the analyst's app (its user data: the identity their work is filed under) is the same on both runs
  const userData = mkdtempSync(join(tmpdir(), 'ra-e2e-user-'));
  let serve = await startServe({ workspace: dir, userDataDir: userData });
  try {
    await app.goto(serve.url);
    await app.openDocument('changed-report');
    await page.locator('[data-fid]', { hasText: '9次' }).first().click();
    await app.key('a');
    await page.getByTestId('field-note').fill('会议次数已核');
    await page.getByTestId('field-note').press('Tab');
    await app.waitSaved();
    await serve.stop();

    // the file is corrected on disk: 9次 → 10次; opening the workspace again re-analyses it
    writeFileSync(file, '\n\n一年来，召开常委会会议10次，制定地方性法规3件，听取专项工作报告12项。\n');
    serve = await startServe({ workspace: dir, userDataDir: userData });
    await app.goto(serve.url);
    await expect(page.getByText('1 份报告在磁盘上被修改，已重新分析', { exact: false })).toBeVisible();
    await app.openDocument('changed-report');
    const panel = page.getByTestId('orphans-panel');
    await expect(panel).toBeVisible();
    const orphan = panel.getByTestId('orphan-item');
    await expect(orphan).toHaveCount(1);
    await expect(orphan).toContainText('9次');
    await expect(orphan.getByTestId('orphan-note')).toHaveText('会议次数已核');
    // not moved onto 10次 by itself: the analyst decides
    await page.locator('[data-fid]', { hasText: '10次' }).first().click();
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
    await shot('datasets-orphan-changed-file-zh');
    await orphan.getByTestId('orphan-reattach').click();
    await expect(panel).toBeHidden({ timeout: 15_000 });
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
    await expect(page.getByTestId('field-note')).toHaveValue('会议次数已核');
    await app.waitSaved();
    expect(problems).toEqual([]);
  } finally {
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(userData, { recursive: true, force: true });
  }
});

test('Add files and Open folder show what was imported and each failure, in the user language', async ({ page, serve, shot }) => {
  const problems = watch(page);
  const app = new AppPage(page);
  const both = bothLanguages(app, shot);
  const dir = mkdtempSync(join(tmpdir(), 'ra-import-'));
  try {
    writeFileSync(join(dir, 'extra-report.txt'), readFileSync(join(SAMPLES, 'jiangxian-county-2024.txt')));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0, 9, 9]));
    await app.goto(serve.url);
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-add-files').click();
    await page.getByTestId('path-input').fill([join(dir, 'extra-report.txt'), join(dir, 'empty.txt'), join(dir, 'binary.txt')].join('\n'));
    await page.getByTestId('path-dialog-ok').click();
    const summary = page.getByTestId('import-summary');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-imported')).toContainText('extra-report.txt');
    const failures = page.getByTestId('import-failure');
    await expect(failures).toHaveCount(2);
    await expect(summary).toContainText('文件是空的');
    await expect(summary).toContainText('empty.txt');
    await both('import-files');
    await page.getByTestId('import-summary-ok').click();
    await expect(summary).toBeHidden();
    await expect(app.docList.getByTestId('doc-item')).toHaveCount(6);

    // Open folder: the folder's reports, and its files that failed
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-open-folder').click();
    await page.getByTestId('path-input').fill(dir);
    await page.getByTestId('path-dialog-ok').click();
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-imported')).toContainText('extra-report.txt');
    await expect(failures).toHaveCount(2);
    await app.setLanguage('en');
    await expect(summary).toContainText('The file is empty.');
    await both('import-folder');
    await page.keyboard.press('Escape');
    await expect(summary).toBeHidden();
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
