import { test as base, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ServeHandle, startServe } from './server';

export const SCREENSHOTS = resolve(import.meta.dirname, '..', 'results', 'screenshots');

/** A fresh browser-mode server per test; the app log is attached when a test fails. */
export const test = base.extend<{ serve: ServeHandle; shot: (name: string) => Promise<void> }>({
  // eslint-disable-next-line no-empty-pattern
  serve: async ({}, use, testInfo) => {
    const handle = await startServe();
    await use(handle);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('app-log', { body: handle.log(), contentType: 'text/plain' });
    await handle.stop();
  },
  shot: async ({ page }, use) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await use(async (name: string) => {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
    });
  },
});

export { expect, writeFileSync };
