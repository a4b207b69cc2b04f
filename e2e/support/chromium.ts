import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The Chromium Playwright drives: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's
 * own download. With none, fail with one line naming the command that installs one.
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  for (const p of candidates) if (existsSync(p)) return p;
  // Playwright's own browser, if one was downloaded (`npx playwright install chromium`)
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache) && readdirSync(cache).some((d) => d.startsWith('chromium'))) return undefined;
  throw new Error('No Chromium found: run `sudo apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH)');
}
