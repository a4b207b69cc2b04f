import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { startServe } from '../support/server';
import { AppPage } from './pages/app';
import { Issue15Page } from './pages/issue15';

// Issue 15 (defects 1, 2, 8, 10, 11, 13): what a new user met while reviewing — English inside the
// Chinese UI, a report-wide finding painted over every clause, no feedback on undo, the duplicate
// inspector, a date shown as a quantity, a stale selection after a filter change.

const PARA = '全年完成固定资产投资增长5%,经济运行稳中向好;人民生活持续改善,社会大局和谐稳定。';
const HALF = `\n\n某县2023年政府工作报告\n\n${[1, 2, 3, 4, 5, 6, 7].map((i) => PARA.replace('5%', `${i}%`)).join('\n\n')}\n\n2023年，全县召开常委会会议9次。\n`;
const LONG = '坚持以人民为中心的发展思想，'.repeat(15) + '全年召开会议9次，' + '坚持以人民为中心的发展思想，'.repeat(15) + '推动高质量发展取得新成效。';
const DUP = `\n\n${LONG}\n\n其他工作稳步推进。\n\n${LONG}\n\n再一段不同的内容。\n\n${LONG}\n\n深入学习贯彻党的二十大精神 and 习近平总书记重要讲话精神。\n\n图为市民在广场休闲\n\n各项事业全面发展，人民生活持续改善。\n`;

test('review: reasons in the analyst language, a report-wide notice, undo feedback, duplicates, dates, filters', async ({ page, shot }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ra-i15-'));
  writeFileSync(join(dir, 'halfwidth.txt'), HALF);
  writeFileSync(join(dir, 'dup.txt'), DUP);
  const serve = await startServe({ workspace: dir });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const app = new AppPage(page);
    await app.stayOnDecision(); // these steps read the decided finding's status: keep the selection
    const x = new Issue15Page(page);
    await app.goto(serve.url);
    await app.setLanguage('zh');
    await app.openDocument('halfwidth');

    // #2 a report-wide finding: a notice with its count, not marks over every clause
    const notice = page.getByTestId('report-wide-notice');
    await expect(notice).toContainText('本报告全文使用半角标点：共 21 处应改为全角。');
    const wideId = (await notice.getAttribute('data-fid'))!;
    expect(await app.report.locator(`[data-fid="${wideId}"]`).count()).toBe(0);
    await page.getByTestId('report-wide-show').click();
    await expect(app.inspector).toHaveAttribute('data-finding-id', wideId);
    // its preview: three samples, no wall of struck-through text, no field holding the report
    await expect(page.getByTestId('fix-samples').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('field-replacement')).toHaveCount(0);
    // #1 its reason in Chinese, from a code and the count
    await expect(page.getByTestId('defect-reason')).toHaveText('全文使用半角标点：共 21 处应改为全角。');
    await shot('i15-report-wide-zh');
    // one key fixes it
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await app.key('Shift+P');
    await expect(notice).toHaveAttribute('data-status', 'accepted');
    await app.waitSaved();

    // #11 a date's value is a year: ＝ 2023, not ＝ 2,023 (in the grouped number style)
    await page.getByTestId('number-style').selectOption('grouped');
    await app.report.locator('.seg[data-fid^="fig:"]', { hasText: '2023年' }).first().click();
    await expect(page.getByTestId('field-kind')).toHaveValue('date');
    await expect(page.getByTestId('figure-form').locator('.preview').first()).toHaveText('＝ 2023');

    // #8 undo says what it undid and goes back to it
    await app.report.locator('.seg[data-fid^="fig:"]', { hasText: '9次' }).first().click();
    const nine = (await app.selectedFindingId())!;
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await app.key('a');
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
    await app.waitSaved();
    await app.key('k');
    expect(await app.selectedFindingId()).not.toBe(nine);
    await app.key('Control+z');
    await expect(x.notices.filter({ hasText: /已撤销：接受 \S*召开常委会会议9次/ })).toBeVisible();
    await expect(app.inspector).toHaveAttribute('data-finding-id', nine);
    await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
    // the notice stays out of the inspector's way, and goes by itself
    expect(await x.overlaps(x.notices.first(), app.inspector)).toBe(false);
    await shot('i15-undo-zh');
    await expect(x.notices).toHaveCount(0, { timeout: 10_000 });
    await app.setLanguage('en');
    await app.key('x');
    await app.waitSaved();
    await app.key('Control+z');
    await expect(x.notices.filter({ hasText: /Undone: reject \S*召开常委会会议9次/ })).toBeVisible();
    await app.setLanguage('zh');

    // #13 a filter that hides the selected finding moves the selection, and says how many match
    await expect(app.inspector).toHaveAttribute('data-finding-id', nine);
    await page.getByTestId('filter-status').selectOption('accepted');
    await expect(page.getByTestId('filter-count')).toHaveText('符合条件 1 条');
    await expect(app.inspector).toHaveAttribute('data-finding-id', wideId);
    await expect(page.locator('.statusbar')).toContainText('第 1/1 条');
    await page.getByTestId('filter-status').selectOption('rejected');
    await expect(page.getByTestId('filter-count')).toHaveText('符合条件 0 条');
    await expect(app.inspector).not.toHaveAttribute('data-finding-id', /./);
    await expect(page.locator('.statusbar')).not.toContainText('第 ');
    await page.getByTestId('filter-status').selectOption('all');
    await expect(page.getByTestId('filter-count')).toHaveCount(0);

    // #10 the duplicate inspector: all three places, a column that scrolls says so, clear labels
    await app.openDocument('dup');
    await page.getByTestId('filter-kind').selectOption('duplicate');
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await app.key('j');
    const panel = page.getByTestId('duplicate-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('dup-reason')).toHaveText('这一段在报告中出现了 3 次。');
    await expect(page.getByTestId('dup-place')).toHaveCount(3);
    await expect(page.getByTestId('dup-scroll-hint').first()).toBeVisible();
    await expect(panel.locator('p[data-overflow="true"]').first()).toBeVisible();
    await expect(page.getByTestId('dup-keep-first')).toHaveText('保留第一处，第二处是误重复');
    // a figure nested in the selected duplicate (all kinds shown): one ring around the whole place, not pieces
    await page.getByTestId('filter-kind').selectOption('all');
    await expect(app.inspector).toHaveAttribute('data-finding-id', /^dup/);
    const ring = app.report.locator('.sel-ring');
    await expect(ring.first()).toBeVisible();
    expect(await ring.first().textContent()).toBe(LONG);
    expect(await app.report.locator('.seg.sel').count()).toBe(await app.report.locator('.sel-ring .seg.sel').count());
    await shot('i15-duplicate-zh');
    await app.setLanguage('en');
    await expect(page.getByTestId('dup-keep-first')).toHaveText('Keep the first, the second is the mistake');
    await app.setLanguage('zh');
    await page.getByTestId('filter-kind').selectOption('duplicate');

    // #1 a foreign word and a caption: worded in Chinese, no English note
    await page.getByTestId('filter-kind').selectOption('defect');
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    const reason = page.getByTestId('defect-reason');
    // (the filter hid the selected duplicate: the selection moved on to the next defect after it)
    await expect(reason).toHaveText('中文正文里夹有外文词“and”。');
    await app.key('j');
    await expect(reason).toHaveText('报告正文中夹有图片说明。');
    await app.setLanguage('en');
    await expect(reason).toHaveText('A picture caption among the report\'s paragraphs.');
    await app.setLanguage('zh');
    await shot('i15-defect-reason-zh');
    expect(errors).toEqual([]);
  } finally {
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
