import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './testing/fakes';

vi.mock('electron', async () => ({ BrowserWindow: (await import('./testing/fakes')).FakeBrowserWindow }));

const { WINDOW_TITLE, createMainWindow, mainWindowOptions } = await import('./window');
const { WindowRegistry } = await import('./windows');
import type { AppPaths } from './paths';

const paths: AppPaths = { preload: '/app/out/preload/index.cjs', renderer: { kind: 'file', file: '/app/out/renderer/index.html' }, samplesDir: '/app/resources/samples', windowIcon: null };
const log = { error: vi.fn() };

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  log.error.mockClear();
});

describe('main window options', () => {
  it('has the secure webPreferences, our preload and the title', () => {
    const options = mainWindowOptions(paths);
    expect(options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('Report Annotator');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures');
  });

  it('writes the security settings as literals in the source', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./window.ts', import.meta.url), 'utf8');
    for (const literal of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'webSecurity: true', 'allowRunningInsecureContent: false', 'webviewTag: false']) {
      expect(source).toContain(literal);
    }
  });

  it('sets the window icon only when one is given (development)', () => {
    expect(mainWindowOptions(paths)).not.toHaveProperty('icon');
    expect(mainWindowOptions({ ...paths, windowIcon: '/repo/resources/icons/icon.png' }).icon).toBe('/repo/resources/icons/icon.png');
  });
});

describe('createMainWindow', () => {
  it('loads the built renderer file, registers the window and shows it when ready', () => {
    const registry = new WindowRegistry();
    const win = createMainWindow(paths, registry, log) as unknown as FakeBrowserWindow;
    expect(win.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html');
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(registry.has(win.webContents)).toBe(true);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('loads the dev server in development', () => {
    const win = createMainWindow({ ...paths, renderer: { kind: 'url', url: 'http://localhost:5173/' } }, new WindowRegistry(), log) as unknown as FakeBrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('logs a failed load', async () => {
    FakeBrowserWindow.loadError = new Error('ERR_FILE_NOT_FOUND');
    try {
      createMainWindow(paths, new WindowRegistry(), log);
      await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith('could not load the renderer', { error: 'Error: ERR_FILE_NOT_FOUND' }));
    } finally {
      FakeBrowserWindow.loadError = null;
    }
  });
});
