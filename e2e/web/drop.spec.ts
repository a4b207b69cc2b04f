import iconv from 'iconv-lite';
import { expect, test } from '../support/fixtures';

// Dropping files on the window adds them to the workspace: the bytes are sent, not a path.
test('a GBK report dropped on the window is imported and reads correctly', async ({ page, serve, shot }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('doc-item')).toHaveCount(5, { timeout: 30_000 });
  const bytes = [...iconv.encode('\n\n拖入的报告\n\n全年召开常委会会议12次，审议法规草案4件。\n', 'gbk')];
  const dataTransfer = await page.evaluateHandle((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], '拖入的报告.txt', { type: 'text/plain' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('doc-item')).toHaveCount(6, { timeout: 20_000 });
  await expect(page.getByTestId('import-imported')).toContainText('拖入的报告.txt');
  await shot('drop-summary');
  await page.getByTestId('import-summary-ok').click();
  await page.getByTestId('doc-item').filter({ hasText: '拖入的报告' }).click();
  await expect(page.getByTestId('report-view')).toContainText('全年召开常委会会议12次', { timeout: 20_000 });
  await shot('drop-imported');
});
