import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/support/chromium';

// Projects: `web` drives browser mode in Debian's Chromium (always runs) and `perf` measures it;
// `electron` drives the desktop app where the Electron binary exists and is skipped with a
// visible line elsewhere.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'e2e/results/report.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'web', testDir: 'e2e/web', testIgnore: 'perf.spec.ts', use: { browserName: 'chromium' } },
    // the perf spec prints timings: it runs after the other web specs, alone, so that they do
    // not share the two cores with it (`--project=perf --no-deps` runs it by itself)
    { name: 'perf', testDir: 'e2e/web', testMatch: 'perf.spec.ts', dependencies: ['web'], use: { browserName: 'chromium' } },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
