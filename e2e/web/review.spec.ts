import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';

// Issue: "Review UI: an analyst reviews a long report at keyboard speed" — the analyst's day in
// browser mode, with screenshots of each screen in both languages.

test('an analyst reviews a report with the keyboard, and it all survives a reload', async ({ page, serve, shot }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.stayOnDecision();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const both = async (name: string): Promise<void> => {
    await app.setLanguage('zh');
    await shot(`review-${name}-zh`);
    await app.setLanguage('en');
    await shot(`review-${name}-en`);
    await app.setLanguage('zh');
  };

  // open the sample workspace
  await app.goto(serve.url);
  await app.openSample();
  await expect(app.docList.getByTestId('doc-item')).toHaveCount(5);
  await both('workspace');

  // open a report
  await app.openDocument('changzhi-city-2024');
  await expect(app.report).toContainText('召开常委会会议9次');
  // only figures: j/k walk through them
  await page.getByTestId('filter-kind').selectOption('figure');
  await page.locator('body').click({ position: { x: 5, y: 880 } });

  // accept the first figure, tag it with key 1
  await app.key('j');
  const first = await app.selectedFindingId();
  expect(first).toMatch(/^fig:/);
  await app.key('a');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
  await app.key('1');
  await expect(page.locator('[data-testid="tag-chip"][data-tag="legislation"]')).toHaveAttribute('aria-pressed', 'true');
  await app.waitSaved();

  // reject the next one
  await app.key('j');
  const second = await app.selectedFindingId();
  expect(second).not.toBe(first);
  await app.key('x');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'rejected');
  await expect(page.locator(`[data-fid="${second}"]`).first()).toHaveClass(/s-rejected/);

  // correct a value: e focuses the value field, 3400万 is read as 34000000
  await app.key('j');
  const third = await app.selectedFindingId();
  const originalValue = await page.getByTestId('field-value').inputValue();
  await app.key('e');
  await expect(page.getByTestId('field-value')).toBeFocused();
  await page.keyboard.type('3400万');
  await expect(page.getByTestId('figure-form')).toContainText('3400万');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'corrected');
  await expect(page.getByTestId('field-value')).toHaveValue('34000000');
  await expect(page.getByTestId('field-value-original')).toBeVisible();
  await app.waitSaved();
  await both('report-corrected');

  // the cheat sheet
  await app.key('?');
  await expect(page.getByTestId('cheat-sheet')).toBeVisible();
  await both('cheat-sheet');
  await app.key('Escape');
  await expect(page.getByTestId('cheat-sheet')).toBeHidden();

  // reload: everything is still there
  await page.reload();
  await expect(app.docList.getByTestId('doc-item').first()).toBeVisible({ timeout: 30_000 });
  await app.openDocument('changzhi-city-2024');
  await page.locator(`[data-fid="${first}"]`).first().click();
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
  await expect(page.locator('[data-testid="tag-chip"][data-tag="legislation"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator(`[data-fid="${second}"]`).first().click();
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'rejected');
  await page.locator(`[data-fid="${third}"]`).first().click();
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'corrected');
  await expect(page.getByTestId('field-value')).toHaveValue('34000000');
  await expect(app.docList.getByTestId('doc-item').filter({ hasText: 'changzhi' })).toContainText('3/');

  // undo (persisted on the backend): the correction goes, redo brings it back
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('Control+z');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
  await expect(page.getByTestId('field-value')).toHaveValue(originalValue);
  await app.key('Control+Shift+z');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'corrected');
  await app.key('Control+z');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
  await app.waitSaved();

  // a duplicate pair and its diff
  await page.getByTestId('filter-kind').selectOption('duplicate');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('j');
  await expect(page.getByTestId('duplicate-panel')).toBeVisible();
  await expect(page.getByTestId('diff')).toBeVisible();
  await both('duplicate-diff');

  // a manual figure from a selection
  await page.getByTestId('filter-kind').selectOption('all');
  await app.selectText('43人（次）');
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  await both('selection');
  await page.locator('body').click({ position: { x: 5, y: 880 } }).catch(() => undefined);
  await app.selectText('43人（次）');
  await app.key('f');
  await expect(app.inspector).toHaveAttribute('data-finding-id', /^man:\d+-\d+:\d+$/);
  await expect(page.getByTestId('field-value')).toHaveValue('43');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
  await app.waitSaved();
  await both('manual-figure');

  // search across the workspace, open a hit
  await app.key('/');
  await page.keyboard.type('常委会会议');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-results')).toBeVisible();
  await both('search');
  await page.getByTestId('search-hit').filter({ hasText: 'taiyuan' }).first().click();
  await expect(page.getByTestId('report-title')).toContainText('taiyuan');
  await expect(page.locator('.seg.k-hit, .seg.sel').first()).toBeVisible();

  expect(errors).toEqual([]);
});

test('bulk: accept every suggested finding of one kind in a report, undone in one step', async ({ page, serve }) => {
  const app = new AppPage(page);
  await app.goto(serve.url);
  await app.openDocument('taiyuan-city-2024');
  const counts = page.getByTestId('report-counts');
  const unreviewed = async (): Promise<number> => Number(/(\d[\d,]*)\s*条未审/.exec((await counts.textContent()) ?? '')?.[1].replace(/,/g, '') ?? NaN);
  const before = await unreviewed();
  // the most frequent kind comes first: the figures' count
  await page.getByTestId('bulk-open').click();
  await expect(page.getByTestId('bulk-kind')).toHaveValue('count');
  await page.getByTestId('bulk-accept').click();
  await app.waitSaved();
  const after = await unreviewed();
  expect(after).toBeLessThan(before - 10);
  const accepted = page.locator('[data-testid="report-view"] [data-fid^="fig:"].s-accepted');
  await expect(accepted.first()).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('Control+z');
  await app.waitSaved();
  await expect.poll(unreviewed).toBe(before);
});
