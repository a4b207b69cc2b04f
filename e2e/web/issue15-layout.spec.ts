import { type Locator, type Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';
import { Issue15Page } from './pages/issue15';

// Two layout defects seen at 1280–1440 px: in English the toolbar squeezed the report's title to
// "taiy…", and undo notices stacked over the report list. The title stays readable (the controls
// give way), and notices stack where they cover neither list, the inspector nor each other, and
// go by themselves.

/** Whether the element shows all of its text (no ellipsis: nothing cut off). */
async function showsAll(el: Locator): Promise<boolean> {
  return el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1);
}

async function box(el: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await el.boundingBox();
  expect(b, 'the element is on screen').toBeTruthy();
  return b!;
}

function apart(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
}

/** Whether a select is wide enough for the option it shows (no "Al…" for "All kinds"). */
async function selectShowsAll(el: Locator): Promise<boolean> {
  return el.evaluate((e) => {
    const sel = e as HTMLSelectElement;
    const ctx = document.createElement('canvas').getContext('2d')!;
    const cs = getComputedStyle(sel);
    ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
    const text = sel.options[sel.selectedIndex]?.text ?? '';
    return ctx.measureText(text).width + parseFloat(cs.paddingLeft) <= sel.clientWidth - 14;
  });
}

async function toolbarFits(page: Page): Promise<void> {
  // every control of the toolbar lies inside it, none pushed out of the pane
  const bar = await box(page.getByRole('toolbar').first());
  for (const id of ['filter-kind', 'filter-status', 'filter-tag', 'bulk-open', 'list-toggle', 'legend-toggle']) {
    const b = await box(page.getByTestId(id));
    expect(b.x + b.width, `${id} inside the toolbar`).toBeLessThanOrEqual(bar.x + bar.width + 1);
    expect(b.y, `${id} on the toolbar's row`).toBeGreaterThanOrEqual(bar.y - 1);
    expect(b.y + b.height, `${id} on the toolbar's row`).toBeLessThanOrEqual(bar.y + bar.height + 1);
  }
  // in a narrow column (1280 px) the filters take a second row and show what they are set to; at
  // 1440 px the toolbar stays one row (issue 15 #14) and the filters may be cut to fit
  if (bar.height > 50) for (const id of ['filter-kind', 'filter-status', 'filter-tag']) expect(await selectShowsAll(page.getByTestId(id)), `${id} shows its whole label`).toBe(true);
  // and nothing of the toolbar runs under the inspector
  const inspector = await page.getByTestId('inspector').boundingBox();
  if (inspector) for (const id of ['legend-toggle', 'list-toggle']) expect((await box(page.getByTestId(id))).x + (await box(page.getByTestId(id))).width, `${id} left of the inspector`).toBeLessThanOrEqual(inspector.x + 1);
}

test('the report title stays readable in English at 1280 and 1440 px', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await app.goto(serve.url);
    await app.setLanguage('en');
    await app.openDocument('taiyuan-city-2024');
    const title = page.getByTestId('report-title');
    await expect(title).toHaveText('taiyuan-city-2024.txt');
    expect(await showsAll(title), `the whole title shows at ${width} px`).toBe(true);
    // the counts and filters are still there, on the same row
    await expect(page.getByTestId('report-counts')).toBeVisible();
    await toolbarFits(page);
    if (width === 1280) expect((await box(page.getByRole('toolbar').first())).height, 'the filters take a second row at 1280 px').toBeGreaterThan(50);
    await shot(`i15-toolbar-en-${width}`);
  }
  // with the documents pane and the findings list open the title still shows whole at 1280 px
  await page.keyboard.press('l');
  await expect(page.getByTestId('findings-list')).toBeVisible();
  expect(await showsAll(page.getByTestId('report-title'))).toBe(true);
  await toolbarFits(page);
  await shot('i15-toolbar-en-1280-list');
});

test('the English top bar is one row at 1280 and 1440 px: File ▾ holds the ways to get reports in, the app and report titles show', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await app.goto(serve.url);
    await app.setLanguage('en');
    await app.openDocument('taiyuan-city-2024');
    const bar = await box(page.locator('header.topbar'));
    // one row: every control of the bar on the same line (a second row would start below the first's controls)
    const rows = await page.locator('header.topbar > *').evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0).map((e) => ({ cls: String((e as HTMLElement).className || e.tagName), top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom })),
    );
    const firstBottom = Math.min(...rows.map((r) => r.bottom));
    for (const r of rows) expect(r.top, `${r.cls} on the top bar's one row at ${width} px`).toBeLessThan(firstBottom);
    expect(bar.height, `the top bar is one row high at ${width} px`).toBeLessThan(48);
    for (const id of ['view-review', 'menu-file', 'menu-export', 'menu-taxonomy', 'menu-help', 'lang-select', 'number-style']) {
      const b = await box(page.getByTestId(id));
      expect(b.x + b.width, `${id} inside the window`).toBeLessThanOrEqual(width);
    }
    // the app's name and the report's title show whole
    const brand = page.locator('header.topbar .brand');
    await expect(brand).toBeVisible();
    expect(await showsAll(brand)).toBe(true);
    expect(await showsAll(page.getByTestId('report-title')), `the whole report title shows at ${width} px`).toBe(true);
    await shot(`i15-topbar-en-${width}`);
  }
  // File ▾ from the keyboard: ↓ opens it on its first item, ↓ moves, Esc closes it back on the button
  const file = page.getByTestId('menu-file');
  await file.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('menu-file-list')).toBeVisible();
  await expect(page.getByTestId('menu-open-folder')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('menu-add-files')).toBeFocused();
  // a review key typed in the menu is not a review command: the menu keeps the focus
  await page.keyboard.press('j');
  await expect(page.getByTestId('menu-add-files')).toBeFocused();
  await shot('i15-topbar-en-1440-file-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('menu-file-list')).toHaveCount(0);
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-expanded', 'false');
  // its items work: Open sample workspace from the menu opens the sample workspace again
  await app.openSample();
  await expect(page.getByTestId('menu-file-list')).toHaveCount(0);
});

test('undo notices stack out of the way of the lists and the inspector, and go by themselves', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  const x = new Issue15Page(page);
  await app.stayOnDecision();
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto(serve.url);
  await app.setLanguage('en');
  await app.openDocument('taiyuan-city-2024');
  await page.keyboard.press('l');
  await expect(page.getByTestId('findings-list')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // three decisions undone one after the other: three notices at once
  for (let i = 0; i < 3; i++) {
    await app.key('j');
    await app.key('a');
    await app.waitSaved();
  }
  for (let i = 0; i < 3; i++) {
    await app.key('Control+z');
    await app.waitSaved();
  }
  await expect(x.notices).toHaveCount(3);
  const boxes = await Promise.all([0, 1, 2].map((i) => box(x.notices.nth(i))));
  const avoid: [string, Locator][] = [
    ['the report list', app.docList],
    ['the findings list', page.getByTestId('findings-list')],
    ['the inspector', app.inspector],
    ['the toolbar', page.getByRole('toolbar').first()],
  ];
  for (const [name, el] of avoid) {
    const b = await box(el);
    for (const n of boxes) expect(apart(n, b), `a notice is over ${name}`).toBe(true);
  }
  // stacked, not piled on each other
  expect(apart(boxes[0], boxes[1]) && apart(boxes[1], boxes[2]) && apart(boxes[0], boxes[2])).toBe(true);
  await shot('i15-undo-notices-en-1280');
  // they close by themselves
  await expect(x.notices).toHaveCount(0, { timeout: 10_000 });
});
