import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';

// Issue 15: review at Prodigy speed (one key per decision, skip for every kind, report keys, a
// findings list, a span added from the keyboard) and the defects a new user hit (9, 14, 15, 17).

test('one key per decision: a, x and s move to the next unreviewed finding; the setting keeps the selection', async ({ page, serve }) => {
  const app = new AppPage(page);
  await app.goto(serve.url);
  await app.openDocument('taiyuan-city-2024');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('j');
  const first = await app.selectedFindingId();
  await app.key('a');
  // the accepted finding is drawn accepted, the selection is on another, unreviewed finding
  await expect(page.locator(`[data-fid="${first}"]`).first()).toHaveClass(/s-accepted/);
  await expect.poll(() => app.selectedFindingId()).not.toBe(first);
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
  const second = await app.selectedFindingId();
  await app.key('x');
  await expect(page.locator(`[data-fid="${second}"]`).first()).toHaveClass(/s-rejected/);
  await expect.poll(() => app.selectedFindingId()).not.toBe(second);
  const third = await app.selectedFindingId();
  // skip: no write, the finding stays suggested, the selection moves on
  await app.key('s');
  await expect.poll(() => app.selectedFindingId()).not.toBe(third);
  await expect(page.locator(`[data-fid="${third}"]`).first()).toHaveClass(/s-suggested/);
  await app.waitSaved();
  await expect(page.getByTestId('report-counts')).toContainText('60 条未审');

  // every kind can be skipped: a duplicate too
  await page.getByTestId('filter-kind').selectOption('duplicate');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('j');
  const dup = await app.selectedFindingId();
  expect(dup).toMatch(/^dup:/);
  await expect(page.getByTestId('skip')).toBeVisible();
  await app.key('s');
  await expect.poll(() => app.selectedFindingId()).not.toBe(dup);

  // the setting off: a keeps the selection on the accepted finding
  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('advance-setting').uncheck();
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('n');
  const kept = await app.selectedFindingId();
  await app.key('a');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'accepted');
  expect(await app.selectedFindingId()).toBe(kept);
});

test('reports from the keyboard (Alt+↓/↑), the findings list, and e on a defect or duplicate', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  await app.goto(serve.url);
  await app.openDocument('luzhou-district-2025');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('Alt+ArrowDown');
  await expect(page.getByTestId('report-title')).toContainText('lvliang-city-2024-newspaper');
  await app.key('Alt+ArrowDown');
  await expect(page.getByTestId('report-title')).toContainText('taiyuan-city-2024');
  await app.key('Alt+ArrowUp');
  await expect(page.getByTestId('report-title')).toContainText('lvliang-city-2024-newspaper');
  await app.key('?');
  await expect(page.getByTestId('cheat-sheet')).toContainText('Alt+↓');
  await expect(page.getByTestId('cheat-sheet')).toContainText('跳过');
  await app.key('Escape');

  // the findings list: virtualised (fewer rows in the DOM than findings), sortable, a click selects
  await app.openDocument('taiyuan-city-2024');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('l');
  const list = page.getByTestId('findings-list');
  await expect(list).toBeVisible();
  await expect(list).toContainText('62');
  const rendered = await list.getByTestId('list-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(62);
  const row = list.getByTestId('list-row').nth(3);
  const id = await row.getAttribute('data-finding-id');
  await row.click();
  expect(await app.selectedFindingId()).toBe(id);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await list.getByTestId('list-sort-kind').click();
  const kinds = await list.getByTestId('list-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  expect(kinds).toEqual([...kinds].sort());
  await shot('findings-list');
  // j moves the list's selection too
  await app.key('j');
  await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);

  // e on a defect: its replacement field; on a duplicate: the choice of the copy to keep
  await page.getByTestId('filter-kind').selectOption('defect');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('j');
  await expect(page.getByTestId('defect-panel')).toBeVisible();
  await app.key('e');
  await expect(page.getByTestId('field-replacement')).toBeFocused();
  await page.getByTestId('field-replacement').press('Escape');
  await page.getByTestId('filter-kind').selectOption('duplicate');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('j');
  await app.key('e');
  await expect(page.getByTestId('dup-keep-first')).toBeFocused();
});

test('a missed figure added with the keyboard only: caret mode, Shift+arrows, f', async ({ page, serve }) => {
  const app = new AppPage(page);
  await app.goto(serve.url);
  await app.openDocument('taiyuan-city-2024');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  // the first finding is the date 2024年2月28日 (characters 24–34): the caret starts there
  await app.key('j');
  await app.key('c');
  await expect(page.getByTestId('caret')).toBeVisible();
  await expect(page.getByTestId('caret')).toHaveAttribute('data-focus', '24');
  for (let i = 0; i < 5; i++) await app.key('Shift+ArrowRight');
  await expect(page.getByTestId('selection-bar')).toContainText('2024年');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('2024年');
  // by word: Ctrl+Shift+→ extends to the next word boundary
  await app.key('Control+Shift+ArrowRight');
  const extended = Number(await page.getByTestId('caret').getAttribute('data-focus'));
  expect(extended).toBeGreaterThan(29);
  await app.key('Control+Shift+ArrowLeft');
  await expect(page.getByTestId('caret')).toHaveAttribute('data-focus', '29');
  // Esc leaves caret mode and takes its selection away; c starts again where the finding is
  await app.key('Escape');
  await expect(page.getByTestId('caret')).toBeHidden();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  await app.key('c');
  for (let i = 0; i < 5; i++) await app.key('Shift+ArrowRight');
  await expect(page.getByTestId('selection-bar')).toContainText('2024年');
  await app.key('f');
  await expect(page.getByTestId('caret')).toBeHidden();
  await expect.poll(() => app.selectedFindingId()).toMatch(/^man:24-29:/);
  await expect(page.getByTestId('field-text')).toHaveValue('2024年');
  await app.waitSaved();
});

test('new-user defects: plurals, labels, one toolbar row, one focus ring, Ctrl+A, an unchanged value shown as the value', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  await app.goto(serve.url);
  await app.setLanguage('en');
  // 14: plurals through i18n, translated labels
  const lvliang = app.docList.getByTestId('doc-item').filter({ hasText: 'lvliang' });
  await expect(lvliang).toContainText('1 duplicate ·');
  await expect(lvliang).not.toContainText('1 duplicates');
  await app.openDocument('taiyuan-city-2024');
  await expect(page.getByTestId('filter-kind').locator('option', { hasText: /^Count$/ })).toHaveCount(1);
  await expect(page.getByTestId('filter-status').locator('option', { hasText: /^Suggested$/ })).toHaveCount(1);
  // the toolbar is one row at 1440 px, in both languages; the legend does not push the text down
  for (const lang of ['en', 'zh'] as const) {
    await app.setLanguage(lang);
    const box = await page.locator('.report-toolbar').boundingBox();
    expect(box!.height, `toolbar height in ${lang}`).toBeLessThan(50);
    const textTop = (await page.getByTestId('report-scroller').boundingBox())!.y;
    await page.getByTestId('legend-toggle').click();
    await expect(page.getByTestId('legend')).toBeVisible();
    expect((await page.getByTestId('report-scroller').boundingBox())!.y).toBe(textTop);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('legend')).toBeHidden();
  }
  await app.setLanguage('en');
  // metadata labels on one line
  const labels = page.getByTestId('metadata-editor').locator('.field > label');
  for (const h of await labels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(h).toBeLessThan(24);
  await shot('toolbar-en');

  // 15: the number format selector has a visible label
  await expect(page.getByLabel('Numbers')).toHaveValue(/grouped|wan/);
  // the top bar stays one row with it
  expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThan(50);
  // one focus ring: a review key takes the focus away from the report clicked in the list
  await app.docList.getByTestId('doc-item').filter({ hasText: 'taiyuan' }).focus();
  await app.key('j');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).not.toBe('doc-item');
  // the tag picker: the input has the ring, the active row is highlighted without one
  await app.key('t');
  await expect(page.getByTestId('tag-filter')).toBeFocused();
  const outline = await page.getByTestId('tag-option').first().evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).toBe('none');
  await app.key('Escape');

  // 9: Ctrl+A selects the report text, not the toolbars and panes
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('Control+a');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected).toContain('太原市人民代表大会常务委员会工作报告');
  expect(selected).not.toContain('Report Annotator');
  expect(selected).not.toContain('Inspector');

  // 17: re-entering the value a figure already has leaves the value (not the typed form) in the field
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await page.locator('[data-fid="fig:409-411:count"]').first().click();
  await expect(page.getByTestId('field-value')).toHaveValue('9');
  await app.key('e');
  await page.keyboard.type('9.0');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-value')).toHaveValue('9');
  await expect(page.getByTestId('finding-status')).toHaveAttribute('data-status', 'suggested');
});
