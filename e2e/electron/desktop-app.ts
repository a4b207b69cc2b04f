/**
 * Launching the desktop app under Playwright, and a page object for what the specs look at.
 * Each launch gets a fresh user-data folder (so a fresh sample workspace) and its log is kept
 * for attaching to a failed test.
 */
import { _electron, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SAMPLES = join(ROOT, 'resources', 'samples');
const MAIN = join(ROOT, 'out', 'main', 'index.js');

/** The Electron executable, or null where the package was installed without its binary. */
export function electronExecutable(): string | null {
  try {
    // the electron package's index.js throws when its binary was never downloaded
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export interface DesktopRun {
  app: ElectronApplication;
  window: Page;
  userData: string;
  log(): string;
  close(): Promise<void>;
}

export async function launchDesktop(opts: { workspace?: string } = {}): Promise<DesktopRun> {
  const executablePath = electronExecutable();
  if (!executablePath) throw new Error('electron binary not installed');
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the app first (npm run build)`);
  const userData = mkdtempSync(join(tmpdir(), 'ra-e2e-desktop-'));
  // the analyst answered the first-run identity prompt already (features/identity)
  writeFileSync(join(userData, 'identity.json'), JSON.stringify({ id: 'e2e-analyst', name: 'e2e', confirmed: true }));
  const args = [MAIN, '--user-data', userData];
  if (opts.workspace) args.push('--workspace', opts.workspace);
  // Chromium refuses to start its OS sandbox as root (containers); the renderer sandbox
  // (sandbox: true, contextIsolation) is unaffected.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RENDERER_URL' && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  const app = await _electron.launch({ executablePath, args, cwd: ROOT, env });
  const window = await app.firstWindow();
  return {
    app,
    window,
    userData,
    log: () => {
      const file = join(userData, 'logs', 'main.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '(no log written)';
    },
    close: async () => {
      await app.close().catch(() => undefined);
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** Native dialogs cannot be driven: make the next open dialogs answer these paths. */
export async function stubOpenDialog(app: ElectronApplication, filePaths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, paths) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: paths })) as typeof dialog.showOpenDialog;
  }, filePaths);
}

export async function clickMenuItem(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    item?.click();
    return Boolean(item);
  }, id);
  if (!found) throw new Error(`no menu item ${id}`);
}

export class DocumentList {
  constructor(private readonly page: Page) {}
  get root(): Locator {
    return this.page.getByTestId('doc-list');
  }
  get items(): Locator {
    return this.root.getByTestId('doc-item');
  }
}
