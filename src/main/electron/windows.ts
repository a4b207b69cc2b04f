/**
 * The windows the app created, and their webContents: the IPC sender check asks "is this one
 * of ours?", events are pushed to them, and a second instance focuses the first of them.
 * A window's webContents is captured when it is added, because it cannot be read after close.
 */
import type { BrowserWindow, WebContents } from 'electron';

export class WindowRegistry {
  private readonly windows = new Map<BrowserWindow, WebContents>();

  add(win: BrowserWindow): void {
    this.windows.set(win, win.webContents);
    win.once('closed', () => this.windows.delete(win));
  }

  has(contents: unknown): boolean {
    for (const own of this.windows.values()) if (own === contents) return true;
    return false;
  }

  contents(): WebContents[] {
    return [...this.windows.values()];
  }

  first(): BrowserWindow | null {
    for (const win of this.windows.keys()) if (!win.isDestroyed()) return win;
    return null;
  }
}

export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
