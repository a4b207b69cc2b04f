/**
 * The desktop app end to end: Electron main, preload, IPC binding and renderer together.
 * Where the Electron binary is not installed (offline install) the whole file is skipped with
 * a line in the report saying so; browser mode (e2e/web) covers the UI there.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentList, SAMPLES, clickMenuItem, electronExecutable, launchDesktop, stubOpenDialog, type DesktopRun } from './desktop-app';

test.skip(electronExecutable() === null, 'electron binary not installed — skipped (install electron with its binary to run)');

let run: DesktopRun | null = null;
let workspace: string;

test.beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'ra-e2e-workspace-'));
});

test.afterEach(async ({}, testInfo) => { // eslint-disable-line no-empty-pattern
  if (run && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('app-log', { body: run.log(), contentType: 'text/plain' });
  await run?.close();
  run = null;
  rmSync(workspace, { recursive: true, force: true });
});

test('a first start opens the sample workspace and lists its five reports', async () => {
  run = await launchDesktop();
  await expect(new DocumentList(run.window).items).toHaveCount(5, { timeout: 30_000 });
  expect(await run.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()))).toHaveLength(1);
});

test('--workspace opens that folder; File → Open Files… imports the five sample reports into it', async () => {
  run = await launchDesktop({ workspace });
  const list = new DocumentList(run.window);
  await expect(list.root).toBeVisible({ timeout: 30_000 });
  await expect(list.items).toHaveCount(0);
  // the importer only reads the files it is handed: the shipped samples will do
  await stubOpenDialog(run.app, readdirSync(SAMPLES).map((name) => join(SAMPLES, name)));
  await clickMenuItem(run.app, 'open-files');
  await expect(list.items).toHaveCount(5, { timeout: 30_000 });
});

test('the page gets window.api and nothing of Node', async () => {
  run = await launchDesktop({ workspace });
  const globals = await run.window.evaluate(() => ({
    api: typeof (window as unknown as { api?: { invoke?: unknown } }).api?.invoke,
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
  const info = await run.window.evaluate(() => (window as unknown as { api: { invoke(m: string, r: unknown): Promise<unknown> } }).api.invoke('appInfo', {}));
  expect(info).toMatchObject({ ok: true, value: { name: 'Report Annotator', mode: 'desktop' } });
});
