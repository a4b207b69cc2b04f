/**
 * Small stand-ins for the Electron objects the main-process files touch, for unit tests that
 * mock 'electron' (its binary is not needed). Only what the code under test calls is here.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  preventDefault: ReturnType<typeof vi.fn>;
  url: string;
  isSameDocument: boolean;
  isMainFrame: boolean;
}

export function fakeEvent(url = '', isSameDocument = false): FakeEvent {
  return { preventDefault: vi.fn(), url, isSameDocument, isMainFrame: true };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type HeadersListener = (details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void;

export class FakeSession extends EventEmitter {
  headersListener: HeadersListener | null = null;
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((...args: unknown[]) => boolean) | null = null;
  deviceHandler: ((...args: unknown[]) => boolean) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(h: FakeSession['requestHandler']): void {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['checkHandler']): void {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['deviceHandler']): void {
    this.deviceHandler = h;
  }
}

export class FakeApp extends EventEmitter {
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  lock = true;
  readonly requestSingleInstanceLock = vi.fn(() => this.lock);
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** when set, loads of windows created from now on reject with it */
  static loadError: Error | null = null;
  readonly webContents = new FakeWebContents();
  private readonly loadResult = FakeBrowserWindow.loadError;
  readonly loadFile = vi.fn(async () => this.loaded());
  readonly loadURL = vi.fn(async () => this.loaded());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  private loaded(): void {
    if (this.loadResult) throw this.loadResult;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}
