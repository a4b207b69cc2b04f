import { readFileSync } from 'node:fs';
import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';

// Issue 15 (16): the Figures table charts a row inline under the table, says "未提及" where a
// report does not state the figure, shows units, and leaves anniversaries out of the unmapped phrases.

test('figures table: inline chart, not stated, units, no anniversaries among unmapped metrics', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  await app.goto(serve.url);
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await app.key('v');
  const table = page.getByTestId('pivot-table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  // the first row is charted under the table without opening a dialog
  const inline = page.getByTestId('inline-chart');
  await expect(inline).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(inline.locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-dialog')).toHaveCount(0);
  // a click on an indicator charts it
  const row = table.locator('[data-testid="pivot-row"][data-indicator="满意率"]');
  await row.getByTestId('pivot-row-name').click();
  await expect(inline).toHaveAttribute('data-indicator', '满意率');
  // units: a percentage carries its %, a count's unit is in the row header
  await expect(row.getByTestId('pivot-cell').first()).toContainText('%');
  await expect(table.locator('[data-testid="pivot-row"][data-indicator="常委会会议次数"] th')).toContainText('次');
  // a report that states no 满意率 is labelled in the chart (read from the saved SVG)
  await page.getByTestId('inline-chart-open').click();
  await expect(page.getByTestId('chart')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-svg').click()]);
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toContain('未提及');
  expect(text).toContain('97.5%');
  await page.keyboard.press('Escape');
  // an anniversary is not an indicator
  const unmapped = page.getByTestId('unmapped-panel');
  await expect(unmapped.getByTestId('unmapped-item').first()).toBeVisible();
  await expect(unmapped).not.toContainText('周年');
  await expect(unmapped).not.toContainText('中华人民共和国成立');
  await shot('figures-inline-chart');
});
