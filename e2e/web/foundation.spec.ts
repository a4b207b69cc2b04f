import { expect, test } from '../support/fixtures';
import { platformFonts } from '../support/fonts';

// Issue: the app starts on the sample workspace, lists the five reports, opens one in readable
// Chinese, and the browser-mode API refuses requests without the token.

test('starts on the sample workspace with its five reports', async ({ page, serve, shot }) => {
  await page.goto(serve.url);
  const items = page.getByTestId('doc-list').getByTestId('doc-item');
  await expect(items).toHaveCount(5, { timeout: 30_000 });
  for (const name of ['changzhi-city-2024', 'jiangxian-county-2024', 'luzhou-district-2025', 'lvliang-city-2024-newspaper', 'taiyuan-city-2024']) {
    await expect(page.getByTestId('doc-list')).toContainText(name);
  }
  // the token is taken out of the address bar
  expect(page.url()).not.toContain('token=');
  await shot('foundation-workspace');
});

test('opening a report shows its text in Chinese', async ({ page, serve, shot }) => {
  await page.goto(serve.url);
  await page.getByTestId('doc-item').filter({ hasText: 'taiyuan-city-2024' }).click();
  const view = page.getByTestId('report-view');
  await expect(view).toContainText('太原市人民代表大会常务委员会工作报告', { timeout: 20_000 });
  await expect(view).toContainText('召开常委会会议9次');
  // The glyphs render in a CJK font (no tofu): ask Chromium which platform fonts drew the text.
  const fonts = await platformFonts(page, '[data-testid="report-view"] p');
  expect(fonts.some((f) => /Noto (Sans|Serif) CJK/.test(f.familyName) && f.glyphCount > 10), JSON.stringify(fonts)).toBe(true);
  await shot('foundation-report-zh');
});

test('the API refuses requests without the token, with a foreign Host or Origin', async ({ request, serve }) => {
  const noToken = await request.post(`${serve.origin}/api/appInfo`, { data: {} });
  expect(noToken.status()).toBe(401);
  const withToken = await request.post(`${serve.origin}/api/appInfo`, { data: {}, headers: { authorization: `Bearer ${serve.token}` } });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).value.name).toBe('Report Annotator');
  const foreignOrigin = await request.post(`${serve.origin}/api/appInfo`, { data: {}, headers: { authorization: `Bearer ${serve.token}`, origin: 'https://evil.example' } });
  expect(foreignOrigin.status()).toBe(403);
  const rebinding = await request.post(`${serve.origin}/api/appInfo`, { data: {}, headers: { authorization: `Bearer ${serve.token}`, host: 'evil.example' } });
  expect(rebinding.status()).toBe(403);
});
