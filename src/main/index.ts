/**
 * The Electron entry: wires the backend, the IPC binding, the hardening, the menu and the
 * window together. Each area lives in its own file under electron/ and ipc/; this file only
 * decides the order.
 */
import { BrowserWindow, app, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDesktopArgs } from './electron/args';
import { rendererCsp } from './electron/csp';
import { nativeDialogs } from './electron/dialogs';
import { claimSingleInstance, flushBeforeQuit, quitWhenAllWindowsClosed } from './electron/lifecycle';
import { installMenu } from './electron/menu';
import { menuActions } from './electron/menu-actions';
import { resolveAppPaths } from './electron/paths';
import { hardenSession, registerWebContentsHardening } from './electron/security';
import { createMainWindow } from './electron/window';
import { analystLanguage } from './electron/ui-lang';
import { WindowRegistry, focusWindow } from './electron/windows';
import { registerIpc } from './ipc/binding';
import { createSenderCheck } from './ipc/sender';
import { watchLauncher } from './lifeline';
import { createLogger } from './log';
import { PRODUCT_NAME, defaultUserDataDir } from './paths';
import { appVersion } from './root';
import { type Backend, createBackend } from './service/backend';

const mainDir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
const args = parseDesktopArgs(process.argv);

// Before anything reads them: the name, the data folder (also the single-instance lock's
// scope) and the sandbox for every renderer.
app.setName(PRODUCT_NAME);
app.setPath('userData', args.userData ?? defaultUserDataDir());
app.enableSandbox();

const log = createLogger(join(app.getPath('userData'), 'logs', 'main.log'));
const windows = new WindowRegistry();
let backend: Backend | null = null;

// started by npm start: quit with the launcher, even when it was KILLed (scripts/lib/lifeline.mjs)
watchLauncher(() => app.quit());
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) }));

if (claimSingleInstance(app, onSecondInstance)) {
  registerWebContentsHardening(app, log);
  quitWhenAllWindowsClosed(app);
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      log.error('could not start', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      app.exit(1);
    });
}

function onSecondInstance(argv: string[], cwd: string): void {
  const win = windows.first();
  if (win) focusWindow(win);
  const second = parseDesktopArgs(argv, cwd);
  if (second.workspace && backend) {
    backend.openWorkspace(second.workspace).catch((e: unknown) => log.error('could not open the workspace of a second launch', { dir: second.workspace, error: String(e) }));
  }
}

function start(): void {
  const paths = resolveAppPaths({ mainDir, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  const version = app.isPackaged ? app.getVersion() : appVersion();
  hardenSession(session.defaultSession, rendererCsp({ devServerUrl: paths.renderer.kind === 'url' ? paths.renderer.url : null }), log);

  const parent = (): BrowserWindow | null => BrowserWindow.getFocusedWindow() ?? windows.first();
  // warn-s7: the menu and native boxes speak the analyst's language (the renderer's setting), the
  // system's until the window has said; the menu is rebuilt when a window gains focus in another one
  const language = analystLanguage(parent, app.getLocale(), (labels) => installAppMenu(labels));
  const dialogs = nativeDialogs(parent, () => language.current());
  const service = createBackend({ mode: 'desktop', app: 'desktop', samplesDir: paths.samplesDir, userDataDir: app.getPath('userData'), workspaceDir: args.workspace, dialogs, log, version });
  backend = service;
  flushBeforeQuit(app, service, log);
  registerIpc({ backend: service, isTrustedSender: createSenderCheck(paths.renderer, (c) => windows.has(c)), targets: () => windows.contents(), log });
  const actions = menuActions({ backend: service, dialogs, labels: () => language.refresh(), productName: PRODUCT_NAME, version, parent, log });
  function installAppMenu(labels: ReturnType<typeof language.current>): void {
    installMenu({ labels, actions, isDev: !app.isPackaged, platform: process.platform });
  }
  installAppMenu(language.current());
  app.on('browser-window-focus', () => void language.refresh());

  createMainWindow(paths, windows, log);
  app.on('activate', () => {
    if (!windows.first()) createMainWindow(paths, windows, log);
  });
  log.info?.('desktop app started', { version, userData: app.getPath('userData'), workspace: args.workspace ?? null });
}
