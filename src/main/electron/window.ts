/**
 * The main window: sandboxed, isolated, no Node in the page, our preload only, our renderer
 * only. The webPreferences are literals on purpose, so a reviewer (and a scanner) sees them.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../service/dispatch';
import type { AppPaths } from './paths';
import type { WindowRegistry } from './windows';

export const WINDOW_TITLE = 'Report Annotator';

export function mainWindowOptions(paths: AppPaths): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1400,
    height: 900,
    minWidth: 880,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    ...(paths.windowIcon ? { icon: paths.windowIcon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

export function createMainWindow(paths: AppPaths, registry: WindowRegistry, log: Logger): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(paths));
  registry.add(win);
  win.once('ready-to-show', () => win.show());
  const loading = paths.renderer.kind === 'url' ? win.loadURL(paths.renderer.url) : win.loadFile(paths.renderer.file);
  loading.catch((e: unknown) => log.error('could not load the renderer', { error: String(e) }));
  return win;
}
