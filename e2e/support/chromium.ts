import { existsSync } from 'node:fs';

/**
 * The Chromium Playwright drives: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's
 * own download. With none, fail with one line naming the command that installs one.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  for (const p of candidates) if (existsSync(p)) return p;
  try {
    // Playwright's own browser, if one was downloaded
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('@playwright/test') as typeof import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {
    // fall through
  }
  throw new Error('No Chromium found: run `sudo apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH)');
}
