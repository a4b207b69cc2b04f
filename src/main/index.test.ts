/**
 * The Electron entry, wired with every Electron API faked: the order of things at start, the
 * single-instance rule, the IPC binding trusting only our window, and the flush on quit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../core/api';

type Handler = (event: unknown, request: unknown) => Promise<unknown>;

const h = vi.hoisted(() => ({
  lock: true,
  ipc: new Map<string, Handler>(),
  calls: [] as string[],
  backend: null as null | { close: ReturnType<typeof vi.fn>; openWorkspace: ReturnType<typeof vi.fn>; options: Record<string, unknown> },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const fakes = await import('./electron/testing/fakes');
  const paths = new Map<string, string>([['appData', '/tmp/appdata']]);
  class App extends EventEmitter {
    isPackaged = false;
    quit = vi.fn();
    exit = vi.fn();
    setName = vi.fn((n: string) => h.calls.push(`setName:${n}`));
    setPath = vi.fn((k: string, v: string) => paths.set(k, v));
    getPath = vi.fn((k: string) => paths.get(k) ?? `/tmp/${k}`);
    enableSandbox = vi.fn(() => h.calls.push('enableSandbox'));
    requestSingleInstanceLock = vi.fn(() => h.lock);
    whenReady = vi.fn(() => Promise.resolve());
    getLocale = () => 'zh-CN';
    getVersion = () => '41.7.1';
  }
  class BrowserWindow extends fakes.FakeBrowserWindow {
    static getFocusedWindow = () => null;
  }
  return {
    app: new App(),
    session: { defaultSession: new fakes.FakeSession() },
    BrowserWindow,
    ipcMain: { handle: (c: string, f: Handler) => h.ipc.set(c, f), removeHandler: (c: string) => h.ipc.delete(c) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    dialog: { showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    shell: { openExternal: vi.fn() },
  };
});

vi.mock('./service/backend', () => ({
  createBackend: (options: Record<string, unknown>) => {
    h.backend = { close: vi.fn(async () => undefined), openWorkspace: vi.fn(async () => undefined), options };
    const handlers = { appInfo: async () => ({ name: 'Report Annotator', version: String(options.version), mode: 'desktop', platform: 'linux' }) };
    return { ...h.backend, handlers, onEvent: () => () => undefined };
  },
}));
vi.mock('./log', () => ({ createLogger: () => ({ file: null, error: vi.fn(), info: vi.fn() }) }));

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes stand in for Electron types */

const workspace = mkdtempSync(join(tmpdir(), 'ra-ws-'));
const userData = mkdtempSync(join(tmpdir(), 'ra-ud-'));
let argv: string[];
afterAll(() => {
  for (const dir of [workspace, userData]) rmSync(dir, { recursive: true, force: true });
});
let rejectionListeners: number;

beforeEach(async () => {
  vi.resetModules();
  // the mocked electron module outlives resetModules: start each test with a clean app
  const { app } = (await import('electron')) as any;
  app.removeAllListeners();
  vi.clearAllMocks();
  h.ipc.clear();
  h.calls = [];
  h.backend = null;
  argv = process.argv;
  process.argv = ['electron', 'out/main/index.js', '--workspace', workspace, '--user-data', userData];
  rejectionListeners = process.listenerCount('unhandledRejection');
});

afterEach(() => {
  process.argv = argv;
  const added = process.listeners('unhandledRejection').slice(rejectionListeners);
  for (const l of added) process.off('unhandledRejection', l);
});

async function boot() {
  await import('./index');
  const electron = (await import('electron')) as any;
  await vi.waitFor(() => expect(h.backend).not.toBeNull());
  return electron;
}

describe('main entry', () => {
  it('sets name, data folder and sandbox before anything else', async () => {
    h.lock = true;
    const { app } = await boot();
    expect(h.calls.slice(0, 2)).toEqual(['setName:Report Annotator', 'enableSandbox']);
    expect(app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('creates the desktop backend on the asked workspace, with native dialogs and the app version', async () => {
    await boot();
    expect(h.backend!.options).toMatchObject({ mode: 'desktop', app: 'desktop', workspaceDir: workspace, userDataDir: userData, version: '0.1.0' });
    expect(h.backend!.options.samplesDir).toBe(resolve(import.meta.dirname, '..', '..', 'resources', 'samples'));
    expect(h.backend!.options.dialogs).toEqual({ chooseFolder: expect.any(Function), chooseFiles: expect.any(Function), chooseExportTarget: expect.any(Function) });
  });

  it('registers the IPC binding for every method and opens one window', async () => {
    const { BrowserWindow } = await boot();
    expect(h.ipc.size).toBe(API_METHODS.length);
    const win = BrowserWindow.instances.at(-1);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.loadFile).toHaveBeenCalledOnce();
  });

  it('trusts IPC only from our window showing our page', async () => {
    const { BrowserWindow } = await boot();
    const win = BrowserWindow.instances.at(-1);
    const page = pathToFileURL(win.loadFile.mock.calls[0][0]).href;
    const call = h.ipc.get('api:appInfo')!;
    await expect(call({ sender: win.webContents, senderFrame: { url: page, parent: null } }, {})).resolves.toMatchObject({ ok: true, value: { version: '0.1.0' } });
    await expect(call({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(call({ sender: {}, senderFrame: { url: page, parent: null } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hardens the session with the CSP and denied permissions', async () => {
    const { session } = await boot();
    const fake = session.defaultSession;
    let headers: Record<string, unknown> = {};
    fake.headersListener({ responseHeaders: {} }, (r: { responseHeaders: Record<string, unknown> }) => (headers = r.responseHeaders));
    expect(String(headers['Content-Security-Policy'])).toContain("script-src 'self';");
    const cb = vi.fn();
    fake.requestHandler({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('flushes the backend before quitting', async () => {
    const { app } = await boot();
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(h.backend!.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });

  it('a second launch focuses the window and opens its workspace', async () => {
    const { app, BrowserWindow } = await boot();
    const win = BrowserWindow.instances.at(-1);
    app.emit('second-instance', {}, ['app', '--workspace', 'other'], '/home/a', {});
    expect(win.focus).toHaveBeenCalled();
    expect(h.backend!.openWorkspace).toHaveBeenCalledWith(resolve('/home/a', 'other'));
  });
});

describe('when another instance runs', () => {
  it('quits without creating a backend or a window', async () => {
    h.lock = false;
    try {
      await import('./index');
      const { app } = (await import('electron')) as any;
      await new Promise((r) => setTimeout(r, 20));
      expect(app.quit).toHaveBeenCalled();
      expect(app.whenReady).not.toHaveBeenCalled();
      expect(h.backend).toBeNull();
    } finally {
      h.lock = true;
    }
  });
});
