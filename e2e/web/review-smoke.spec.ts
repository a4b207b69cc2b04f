import './pages/esm-shim';
import { expect, test } from '../support/fixtures';
import { AppPage } from './pages/app';

test('smoke', async ({ page, serve, shot }) => {
  const app = new AppPage(page);
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await app.goto(serve.url);
  await app.openDocument('changzhi-city-2024');
  await shot('smoke-1');
  await app.key('j');
  await app.key('j');
  await shot('smoke-2');
  expect(await app.selectedFindingId()).not.toBeNull();
});
